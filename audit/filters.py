import datetime

import django_filters
from django import forms
from django.utils import timezone

from .models import AuditEvent


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class AuditEventFilter(django_filters.FilterSet):
    """Dates become a range of times, so the index on ``at`` serves them (a ``__date`` lookup
    casts every row's time first)."""

    action = django_filters.ChoiceFilter(choices=AuditEvent.Action.choices, empty_label="Any")
    username = django_filters.CharFilter(label="Username", lookup_expr="iexact", max_length=150)
    since = django_filters.DateFilter(
        label="From (date)",
        method="filter_since",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label="To (date)",
        method="filter_until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields = ["action", "username", "since", "until"]

    def filter_since(self, queryset, name, value):
        return queryset.filter(at__gte=_day_start(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(at__lt=_day_start(value + datetime.timedelta(days=1)))
