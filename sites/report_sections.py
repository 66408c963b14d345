"""Sections of reports about sites (registered with ``reports.registry``)."""

from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q

from reports.registry import Section, Table, section

from .figures import headline
from .models import CoProduction, Perspective, Site
from .selectors import project_group, sites_in_programme_during


@section("site_progress", order=10)
def the_site(ctx):
    site = ctx.site
    consultants = [c.get_full_name() or c.username for c in site.consultants.all()]
    rows = [
        ["Name", site.name],
        ["Category", site.get_category_display()],
        ["Organisation", site.get_organisation_type_display()],
        ["Region", site.get_region_display()],
        ["Joined", site.date_joined],
        ["Active", "Yes" if site.is_active else "No"],
        ["ImROC consultants", ", ".join(consultants) or "None assigned"],
    ]
    return Section(
        title="The site",
        template="sites/report/_site.html",
        context={"rows": rows},
        tables=[Table("Site", ["Field", "Value"], rows)],
    )


@section("site_progress", order=20)
def the_project_group(ctx):
    members = list(project_group(ctx.site))
    co_production = CoProduction.of_group(members)
    rows = [
        [m.person.full_name, m.get_role_display(), m.get_perspective_display(), m.joined_on]
        for m in members
    ]
    perspectives = sorted(Counter(m.get_perspective_display() for m in members).items())
    return Section(
        title="Project group",
        template="sites/report/_project_group.html",
        context={"rows": rows, "co_production": co_production, "perspectives": perspectives},
        tables=[Table("Project group", ["Name", "Role", "Perspective", "Joined"], rows)],
    )


@section("programme", order=5)
def programme_figures(ctx):
    """Every headline figure over the active sites as at the period's end, from its one
    source (``sites.figures``), as the dashboard and the site pages show it."""
    as_at = ctx.period_end or ctx.today
    rows = [
        [f.label, float(v) if isinstance(v, Decimal) else v]
        for f, v in headline(Site.objects.active(), as_at)
    ]
    return Section(
        title="The programme in figures",
        template="sites/report/_programme_figures.html",
        context={"rows": rows, "as_at": as_at},
        tables=[Table("Headline figures", ["Figure", "Value"], rows)],
    )


@section("programme", order=10)
def sites_by_category(ctx):
    """How many sites of each category and region, counted in SQL; every site's row goes to
    the spreadsheet only, streamed from the database as it is written (2,000 sites would be
    a hundred pages of PDF)."""
    sites = sites_in_programme_during(ctx.period_start)  # an archived site is history too
    if ctx.period_end:
        sites = sites.filter(date_joined__lte=ctx.period_end)
    # The counts are of active sites, as on the dashboard (``Site.objects.active()``); a site
    # archived in the period is listed as history but not counted among them.
    counted = {"active": Count("pk", filter=Q(is_active=True)), "listed": Count("pk")}
    by_category = _counted_by(sites, "category", Site.Category.choices, counted)
    by_region = _counted_by(sites, "region", Site.Region.choices, counted)
    groups = _with_group(sites).aggregate(
        formed=Count("pk", filter=Q(group_size__gt=0, is_active=True)),
        co_produced=Count("pk", filter=Q(lived_experience__gt=0, sponsors__gt=0, is_active=True)),
    )
    headers = ["Category", "Active sites", "Archived in the period"]
    return Section(
        title="Sites",
        template="sites/report/_programme_sites.html",
        context={
            "by_category": by_category,
            "by_region": by_region,
            "active": sum(row[1] for row in by_category),
            "archived": sum(row[2] for row in by_category),
            "groups": groups,
        },
        tables=[
            Table("Sites by category", headers, by_category),
            Table("Sites by region", ["Region", *headers[1:]], by_region),
            Table(
                "Sites",
                [
                    "Site",
                    "Category",
                    "Region",
                    "Joined",
                    "Archived on",
                    "Group size",
                    "Lived experience",
                    "Co-produced",
                ],
                _site_rows(sites),
            ),
        ],
    )


def _counted_by(sites, field: str, choices, counted: dict) -> list[list]:
    """Active and archived sites of each choice of ``field`` in one grouped query, in the
    choices' order (a choice with no sites is left out)."""
    found = {row[field]: row for row in sites.order_by().values(field).annotate(**counted)}
    return [
        [label, found[value]["active"], found[value]["listed"] - found[value]["active"]]
        for value, label in choices
        if value in found
    ]


def _with_group(sites):
    return sites.annotate(
        group_size=Count("project_group", distinct=True),
        lived_experience=Count(
            "project_group",
            filter=Q(project_group__perspective__in=Perspective.lived_experience()),
            distinct=True,
        ),
        sponsors=Count(
            "project_group", filter=Q(project_group__role="board_sponsor"), distinct=True
        ),
    )


def _site_rows(sites):
    """One row a site, read in chunks as the spreadsheet is written (constant memory)."""
    categories, regions = dict(Site.Category.choices), dict(Site.Region.choices)
    rows = (
        _with_group(sites)
        .order_by("category", "name")
        .values_list(
            "name",
            "category",
            "region",
            "date_joined",
            "archived_on",
            "group_size",
            "lived_experience",
            "sponsors",
        )
    )
    for name, category, region, joined, archived_on, size, lived, sponsors in rows.iterator(
        chunk_size=500
    ):
        co_produced = "Yes" if lived and sponsors else "No"
        yield [
            name,
            categories[category],
            regions[region],
            joined,
            archived_on,
            size,
            lived,
            co_produced,
        ]
