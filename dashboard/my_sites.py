"""A consultant's own page (My sites): their sites a page at a time (``sites.tables``), each
with its progress score from the per-site cache (``pdsa.scores``), and the reviews due and
quiet sites first, the most pressing few of each with how many there are. A page costs the
same for 5 assigned sites or 500."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Value, Window
from django.db.models.functions import Coalesce

from pdsa.scores import site_scores
from sites.models import QUIET_AFTER, Site
from sites.tables import Column, SiteTable
from support import selectors as reviews

SHOWN = 10  # of the reviews due and of the quiet sites; the table has them all
NEVER = datetime.date(1, 1, 1)  # no review yet sorts first: its first review is due

COLUMNS = [
    Column("Site", "name"),
    Column("Category", "category"),
    Column("Progress score"),  # computed per site, so not sorted on
    Column("Latest review", "review", by="review_date"),
    Column("Next review due", "due", by=lambda: Coalesce(F("next_review_due"), Value(NEVER))),
    Column("Last activity", "activity", by=lambda: Coalesce(F("last_activity"), Value(NEVER))),
]


def review_due(today: datetime.date) -> Q:
    """``support.selectors.review_is_due`` over ``with_review_status`` sites."""
    return Q(next_review_due__isnull=True) | Q(
        next_review_due__lte=today + reviews.REVIEW_DUE_WITHIN
    )


def quiet(today: datetime.date) -> Q:
    """``Site.is_quiet`` in SQL."""
    return Q(last_activity__isnull=True) | Q(last_activity__lt=today - QUIET_AFTER)


@dataclass(frozen=True)
class Row:
    site: Site
    progress: object  # pdsa.progress.Progress
    review_due: bool
    quiet: bool

    @property
    def last_activity(self):
        return self.site.last_activity


@dataclass(frozen=True)
class Pressing:
    """The most pressing few of a list, and how many it has."""

    sites: list[Site]
    count: int


def _pressing(sites: QuerySet[Site], field: str) -> Pressing:
    """The most pressing: the earliest date first, none at all before any; how many there are
    rides on the same query (a window over every row, counted before the limit)."""
    shown = list(
        sites.annotate(matching=Window(Count("pk"))).order_by(
            F(field).asc(nulls_first=True), "name", "pk"
        )[:SHOWN]
    )
    return Pressing(shown, shown[0].matching if shown else 0)


def my_sites(user, params, today: datetime.date) -> dict:
    """The page's table, its rows with their scores, and the reviews due and quiet sites."""
    sites = reviews.consultant_sites(user, today)
    table = SiteTable(params, sites, columns=COLUMNS, default="due")
    page = list(table.page)
    scores = site_scores(page)
    return {
        "table": table,
        "rows": [
            Row(
                site=site,
                progress=scores[site.pk],
                review_due=reviews.review_is_due(site, today),
                quiet=site.is_quiet(today),
            )
            for site in page
        ],
        "due": _pressing(sites.filter(review_due(today)), "next_review_due"),
        "quiet": _pressing(sites.filter(quiet(today)), "last_activity"),
    }
