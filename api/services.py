"""Issuing, revoking and using API tokens: each a single keyword-only function."""

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from audit.services import Action, record
from imroc.dates import long_date

from .models import PREFIX_LENGTH, ApiToken, token_hash

SCHEME = "Bearer"  # Authorization: Bearer imroc_...


def _new_secret() -> str:
    return "imroc_" + secrets.token_urlsafe(32)


@transaction.atomic
def token_issue(
    *, name: str, user, site=None, expires_on: datetime.date, by
) -> tuple[ApiToken, str]:
    """Store the token's hash and return the secret, which is shown this once."""
    secret = _new_secret()
    token = ApiToken.objects.create(
        name=name,
        user=user,
        site=site,
        prefix=secret[len("imroc_") :][:PREFIX_LENGTH],
        token_hash=token_hash(secret),
        expires_on=expires_on,
        created_by=by,
    )
    scope = f"site {site.name}" if site else "everything they may see"
    record(
        action=Action.API_TOKEN_ISSUED,
        user=by,
        what=f"Token “{name}” ({token.prefix}…) reading as {user.get_username()}, {scope}, "
        f"until {long_date(expires_on)}",
    )
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, by) -> None:
    if ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    ):
        record(
            action=Action.API_TOKEN_REVOKED,
            user=by,
            what=f"Token “{token.name}” ({token.prefix}…)",
        )


def token_for_secret(secret: str, today: datetime.date) -> ApiToken | None:
    """The usable token with this secret, or None (unknown, expired, revoked)."""
    return (
        ApiToken.objects.filter(ApiToken.usable(today), token_hash=token_hash(secret))
        .select_related("user", "site")
        .first()
    )


def token_used(*, token: ApiToken, request, what: str, rows: int) -> None:
    """Every call is audited (who, what, how many rows) and the token's last use shown."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    record(
        action=Action.API_READ,
        request=request,
        user=token.user,
        what=f"{token.name} ({token.prefix}…): {what}: {rows} row{'s' if rows != 1 else ''}",
    )
