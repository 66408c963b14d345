import django_filters
from django import forms

from .models import Site


class SiteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="Name contains")
    category = django_filters.ChoiceFilter(choices=Site.Category.choices, empty_label="Any")
    organisation_type = django_filters.ChoiceFilter(
        choices=Site.OrganisationType.choices, empty_label="Any", label="Organisation type"
    )
    region = django_filters.ChoiceFilter(choices=Site.Region.choices, empty_label="Any")
    is_active = django_filters.BooleanFilter(
        label="In the programme",
        widget=forms.Select(
            choices=[("", "Any"), ("true", "Yes, active"), ("false", "No, archived")]
        ),
    )

    class Meta:
        model = Site
        fields = ["q", "category", "organisation_type", "region", "is_active"]
