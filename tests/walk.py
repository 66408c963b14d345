"""The permission walk's vocabulary. Each app lists its URLs in ``tests/<app>/walk.py`` as
``cases(world) -> list[Case]``; ``test_permission_walk`` requests every case as every role
and fails for any URL of the project that no app lists."""

from dataclasses import dataclass, field

ROLES = ("anonymous", "lead_a", "member_a", "lead_b", "consultant", "organiser", "admin")
SIGN_IN = 302  # anonymous users are sent to sign in


@dataclass
class Case:
    name: str  # the URL's name, "namespace:name"
    url: str
    expected: dict[str, int]
    method: str = "get"
    data: dict = field(default_factory=dict)


def expect(default: int = 200, *, anonymous: int = SIGN_IN, **by_role: int) -> dict[str, int]:
    """Expected status for every role: ``default`` unless a role is named."""
    unknown = set(by_role) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    return {
        role: by_role.get(role, anonymous if role == "anonymous" else default) for role in ROLES
    }


def site_a_readable() -> dict[str, int]:
    """Site A's team and programme staff read; site B's lead gets a 404."""
    return expect(200, lead_b=404)


def site_a_editable(ok: int = 200) -> dict[str, int]:
    """Site A's team and the administrator change; staff who only read get 403."""
    return expect(ok, lead_b=404, consultant=403, organiser=403)


def site_a_pages(app: str, *, read=(), edit=()) -> list[Case]:
    """An app's pages of site A as (URL name, URL) pairs: ``read`` ones its readers open,
    ``edit`` ones its team and the administrator (staff who only read get 403)."""
    return [Case(f"{app}:{name}", url, site_a_readable()) for name, url in read] + [
        Case(f"{app}:{name}", url, site_a_editable()) for name, url in edit
    ]
