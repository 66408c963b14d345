"""The one way views check a capability: fetch through a scoped queryset (404 for
outsiders), then ``require`` the permission (403 for readers who try to write)."""

from django.core.exceptions import PermissionDenied


def require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied
