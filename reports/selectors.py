"""Reads of reports, scoped to the person asking."""

from django.db.models import Q, QuerySet

from accounts.rules import is_administrator

from .models import Report


def reports_for_user(user) -> QuerySet[Report]:
    """The reports a person asked for and, for administrators, the scheduled ones."""
    if not user.is_authenticated:
        return Report.objects.none()
    scope = Q(requested_by=user)
    if is_administrator(user):
        scope |= Q(requested_by__isnull=True)
    return Report.objects.filter(scope).select_related("site", "learning_set")
