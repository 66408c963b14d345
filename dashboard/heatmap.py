"""The stage heatmap's page of sites, its table and HTML, computed once per programme data
version, filters and page (``sites.figures.cached``), as the overview's are: a view reads
them from the shared cache (rendering 100 rows of 13 cells took most of its time), and the
worker computes the default view's first page soon after a write."""

import datetime

from django.core.paginator import Paginator
from django.template.loader import render_to_string

from challenges.models import Stage
from sites import figures

from .forms import Filters, quarter_of
from .stages import stage_words
from .tables import Reads, heatmap_sites, heatmap_table

VERSION = 1  # of what is kept: a release that changes it reads nothing an older one kept
PAGE_SIZE = 100  # rows of sites a page; the CSV has every site


def _compute(reads: Reads, page_number) -> dict:
    page = Paginator(heatmap_sites(reads), PAGE_SIZE).get_page(page_number)
    table = heatmap_table(reads, rows=page)
    context = {
        "filters": reads.filters,
        "page": page,
        "query": reads.filters.querystring(),
        "table": table,
        "challenges": reads.challenges,
        "stages": [
            (stage.rank, stage_words(stage.rank, stage.name))
            for stage in Stage.objects.filter(framework__is_current=True).order_by("rank")
        ],
    }
    return {"table": table, "body": render_to_string("dashboard/_heatmap.html", context)}


def heatmap(reads: Reads, page_number: str | None) -> dict:
    """``table`` (the page's rows, for the tests) and ``body``, the HTML under the filters."""
    return figures.cached(
        f"dashboard:heatmap:{VERSION}",
        (reads.filters.query(), reads.today, page_number),
        lambda: _compute(reads, page_number),
    )


def warm(today: datetime.date) -> None:
    since, until = quarter_of(today)
    heatmap(Reads(filters=Filters(since=since, until=until), today=today), None)
