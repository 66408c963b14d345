"""A site's last activity counted from every source at once, for the bulk paths that write
behind the services (the programme generator, the migration adding the column): the
services keep ``Site.last_activity`` current as work is recorded."""

import datetime

from django.apps import apps as django_apps
from django.db.models import DateField, Max, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, NullIf, TruncDate

_LONG_AGO = datetime.date(1900, 1, 1)  # SQLite's GREATEST is NULL if any argument is


def _newest(queryset, site_path: str, field):
    newest = (
        queryset.filter(**{site_path: OuterRef("pk")})
        .order_by()
        .values(site_path)
        .annotate(newest=Max(field))
        .values("newest")
    )
    return Coalesce(Subquery(newest[:1], output_field=DateField()), Value(_LONG_AGO))


def recount(sites: QuerySet, *, apps=django_apps) -> int:
    """Set each site's last activity from its support log, data points, cycle changes,
    assessments and reviews. ``apps``: the current models, or a migration's historical ones
    (the work apps' models are found by name: they sit above sites)."""
    models = {
        name: apps.get_model(app, name)
        for app, name in [
            ("support", "SupportLogEntry"),
            ("pdsa", "DataPoint"),
            ("pdsa", "HistoricalCycle"),
            ("challenges", "Assessment"),
            ("support", "ProgressReview"),
        ]
    }
    newest = [
        _newest(models["SupportLogEntry"].objects.all(), "site", "date"),
        _newest(models["DataPoint"].objects.all(), "indicator__goal__priority__site", "date"),
        _newest(
            models["HistoricalCycle"].objects.all(),
            "goal__priority__site",
            TruncDate("history_date"),
        ),
        _newest(models["Assessment"].objects.all(), "site", "assessed_on"),
        _newest(models["ProgressReview"].objects.all(), "site", "review_date"),
    ]
    return sites.update(last_activity=NullIf(Greatest(*newest), Value(_LONG_AGO)))
