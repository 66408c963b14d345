"""Reads of site archives, scoped to the person asking."""

from django.db.models import QuerySet

from .models import SiteExport

RECENT = 10


def exports_for_user(user) -> QuerySet[SiteExport]:
    """The archives a person asked for (no one sees another's copy)."""
    if not user.is_authenticated:
        return SiteExport.objects.none()
    return SiteExport.objects.filter(requested_by=user).select_related("site")


def recent_exports(user, site) -> list[SiteExport]:
    return list(exports_for_user(user).filter(site=site)[:RECENT])
