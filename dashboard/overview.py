"""The overview's tables and their HTML, computed once per programme data version and filters
(``sites.figures.cached``): a view reads them from the shared cache, and the worker computes
the default view's (this quarter, every site) soon after a write, before anyone asks."""

import datetime

from django.template.loader import render_to_string

from sites import figures

from . import pictures
from .forms import Filters, quarter_of
from .method import TABLES
from .tables import Reads

VERSION = 1  # of what is kept: a release that changes it reads nothing an older one kept


def _compute(reads: Reads) -> dict:
    tables = pictures.draw({key: build(reads) for key, build in TABLES.items()})
    grid = render_to_string(
        "dashboard/_overview_grid.html", {"tables": tables, "filters": reads.filters}
    )
    return {"tables": tables, "grid": grid}


def overview(reads: Reads) -> dict:
    """``tables`` (for the CSV and the tests) and ``grid``, the HTML the page shows."""
    return figures.cached(
        f"dashboard:{VERSION}", (reads.filters.query(), reads.today), lambda: _compute(reads)
    )


def warm(today: datetime.date) -> None:
    since, until = quarter_of(today)
    overview(Reads(filters=Filters(since=since, until=until), today=today))
