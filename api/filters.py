"""The filters every list offers: by site, by date range, by change time where the app keeps
one. Bad values are a 400 with the field named, never a 500."""

import django_filters
from django.db.models import QuerySet


def resource_filter(model, *, site: str, date: str | None = None, updated=None):
    """A FilterSet for ``model``: ``site`` (id) through the ``site`` path; ``date_from`` and
    ``date_to`` on ``date``; ``updated_since`` on the ``updated`` path, or through
    ``updated(queryset, since)`` when the change time lives elsewhere (the history tables)."""
    attrs = {
        "site": django_filters.NumberFilter(field_name=site, help_text="A site's id."),
    }
    if date:
        attrs["date_from"] = django_filters.DateFilter(
            field_name=date, lookup_expr="gte", help_text=f"{date} on or after (YYYY-MM-DD)."
        )
        attrs["date_to"] = django_filters.DateFilter(
            field_name=date, lookup_expr="lte", help_text=f"{date} on or before (YYYY-MM-DD)."
        )
    if isinstance(updated, str):
        attrs["updated_since"] = django_filters.IsoDateTimeFilter(
            field_name=updated, lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
        )
    elif updated is not None:

        def changed(queryset: QuerySet, name, value):
            return updated(queryset, value)

        attrs["updated_since"] = django_filters.IsoDateTimeFilter(
            method=changed, help_text="Changed at or after (ISO 8601)."
        )
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}Filter", (django_filters.FilterSet,), attrs)


def changed_in_history(model):
    """``updated_since`` for a model whose changes are kept by django-simple-history."""

    def changed(queryset: QuerySet, since):
        return queryset.filter(pk__in=model.history.filter(history_date__gte=since).values("id"))

    return changed
