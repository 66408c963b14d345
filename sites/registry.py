"""The site page's registry: every app adds its section of the site page from its own module.

An app puts a ``site_page.py`` module beside its models (found by ``SitesConfig.ready``)
and registers one function per section::

    from sites.registry import site_section

    @site_section(title="Recovery colleges", order=60, template="colleges/_site_section.html",
                  queries=1)
    def colleges(page):
        return {"site_colleges": site_colleges(page.site)}

``page`` is a ``SitePage``: the site (fetched through the reader's sites, with whatever
``annotate`` hooks the sections declared: counts riding on that one query cost nothing),
the reader, today, and the project group the page read for itself with its co-production
index. The function returns the names its template reads, or None to leave the section
out; it reads in at most ``queries`` queries whatever the size of the site (the tests hold
each section to its budget and the page to their sum). The page renders the sections in
``order``. Orders in use: 10 assessment (challenges), 20 priorities and goals (pdsa), 30
learning sets, 40 peer support, 50 recovery colleges, 60 teams, 70 co-production, 80
support, 90 progress report (reports), 100 archive of the site's data (site_exports).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from imroc.sections import gather


@dataclass(frozen=True)
class SitePage:
    site: object
    user: object
    today: datetime.date
    members: list
    co_production: object  # the project group's ``CoProduction`` index


@dataclass(frozen=True)
class Section:
    title: str
    order: int
    template: str
    build: Callable[[SitePage], dict | None]
    queries: int
    annotate: Callable[[QuerySet], QuerySet] | None = None


_SECTIONS: list[Section] = []


def site_section(
    *,
    title: str,
    order: int,
    template: str,
    queries: int,
    annotate: Callable[[QuerySet], QuerySet] | None = None,
):
    """Register ``build(page) -> dict | None`` as a section of the site page."""

    def decorator(build):
        _SECTIONS.append(Section(title, order, template, build, queries, annotate))
        return build

    return decorator


def sections() -> list[Section]:
    return sorted(_SECTIONS, key=lambda section: section.order)


def annotate(sites: QuerySet) -> QuerySet:
    """The sites queryset with every section's counts riding on it."""
    for section in sections():
        if section.annotate:
            sites = section.annotate(sites)
    return sites


def render_sections(page: SitePage) -> tuple[list[Section], dict]:
    """The sections to show, in order, and the names their templates read."""
    return gather(sections(), page)
