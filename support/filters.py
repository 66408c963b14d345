import django_filters
from django import forms

from .models import SupportLogEntry

DATE = forms.DateInput(attrs={"type": "date"})


class SupportLogFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=SupportLogEntry.Kind.choices, empty_label="Any kind", label="Kind of support"
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=DATE
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", widget=DATE
    )

    class Meta:
        model = SupportLogEntry
        fields = ["kind", "date_from", "date_to"]
