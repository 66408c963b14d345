"""Accounts are shared by username: an archive names who recorded what, never a password,
and never makes an administrator."""

from accounts.roles import Role

from .registry import shared


def _new_account(user) -> None:
    """An account created by an import signs in only after a password reset, and is never
    staff or a superuser (the archive's fields are allow-listed; this holds it twice)."""
    user.set_unusable_password()
    user.is_staff = user.is_superuser = False


shared("auth.Group", key=("name",), fields=("name",))
shared(
    "auth.User",
    key=("username",),
    fields=("username", "first_name", "last_name", "email", "is_active", "groups"),
    prepare=_new_account,
    # The programme administrator's role is given in the app by an administrator.
    withheld={"groups": ([Role.ADMINISTRATOR.value],)},
)
