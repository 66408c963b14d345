"""Reminders about self-assessments (registered with ``notifications.registry``)."""

import calendar
import datetime

from django.db.models import Max

from imroc.dates import long_date
from notifications.registry import Due, register
from sites.models import Site
from sites.selectors import leads_by_site

STALE_AFTER_MONTHS = 6


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@register("assessment_stale", label="Your site's latest self-assessment is over 6 months old")
def assessment_stale(today):
    """Progress shows only against a fresh assessment: a site assessed once and never again
    cannot see what moved. Once per assessment, to the site's leads."""
    cutoff = months_before(today, STALE_AFTER_MONTHS)
    sites = list(
        Site.objects.active()
        .annotate(last_assessed=Max("assessments__assessed_on"))
        .filter(last_assessed__lt=cutoff)
    )
    leads = leads_by_site([s.pk for s in sites])
    for site in sites:
        for person in leads.get(site.pk, []):
            yield Due(
                kind="assessment_stale",
                recipient=person,
                key=f"site:{site.pk}:assessed:{site.last_assessed:%Y-%m-%d}",
                subject=f"{site.name}: time for a new self-assessment",
                url=site.get_absolute_url(),
                context={
                    "message": (
                        f"The latest self-assessment of {site.name} against the key challenges "
                        f"is from {long_date(site.last_assessed)}, more than six months ago. A "
                        "new one, with the project group, shows what has moved since."
                    ),
                    "site_name": site.name,
                },
            )
