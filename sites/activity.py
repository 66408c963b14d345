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


def _published(review_model) -> QuerySet:
    """A draft is seen by its consultant and the administrator only and counts nowhere else,
    so it is no activity of the site. Reviews had no drafts before ``support`` 0004 (the
    migration that added this column reads them as they were then)."""
    reviews = review_model.objects.all()
    if any(field.name == "state" for field in review_model._meta.get_fields()):
        reviews = reviews.exclude(state="draft")
    return reviews


def recount(sites: QuerySet, *, apps=django_apps) -> int:
    """Set each site's last activity from its support log, data points, cycle changes,
    assessments and published reviews. ``apps``: the current models, or a migration's
    historical ones (the work apps' models are found by name: they sit above sites)."""
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
        _newest(_published(models["ProgressReview"]), "site", "review_date"),
    ]
    return sites.update(last_activity=NullIf(Greatest(*newest), Value(_LONG_AGO)))
