"""Accounts are shared by username: an archive names who recorded what, never a password."""

from .registry import shared


def _no_password(user) -> None:
    """An account created by an import signs in only after a password reset."""
    user.set_unusable_password()


shared("auth.Group", key=("name",), fields=("name",))
shared(
    "auth.User",
    key=("username",),
    fields=("username", "first_name", "last_name", "email", "is_active", "groups"),
    prepare=_no_password,
)
