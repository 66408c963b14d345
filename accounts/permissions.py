"""The one way views check a capability: fetch through a scoped queryset (404 for
outsiders), then ``require`` the permission (403 for readers who try to write)."""

import rules
from django.core.exceptions import PermissionDenied

from sites.rules import is_archived


def allowed(user, perm: str, obj=None) -> bool:
    """``user.has_perm``, except that on an object the app's rule decides for a superuser too:
    Django lets a superuser past every check, but an archived site or a closed goal is
    read-only for everyone (the rules still grant the administrator the rest)."""
    if obj is not None and rules.perm_exists(perm):
        return rules.has_perm(perm, user, obj)
    return user.has_perm(perm, obj)


ARCHIVED = (
    "This site is archived: its records are read-only for everyone. The programme "
    "administrator can bring the site back into the programme from the site's page."
)


def require(user, perm: str, obj=None) -> None:
    """Refuse with the reason the 403 page shows: an archived site, or who can do it."""
    if not allowed(user, perm, obj):
        raise PermissionDenied(ARCHIVED if obj is not None and is_archived(user, obj) else "")
