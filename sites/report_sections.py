"""Sections of reports about sites (registered with ``reports.registry``)."""

from collections import Counter

from django.db.models import Count, Q

from reports.registry import Section, Table, section

from .models import CoProduction, Perspective
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


@section("programme", order=10)
def sites_by_category(ctx):
    sites = sites_in_programme_during(ctx.period_start)  # an archived site is history too
    if ctx.period_end:
        sites = sites.filter(date_joined__lte=ctx.period_end)
    sites = sites.annotate(
        group_size=Count("project_group", distinct=True),
        lived_experience=Count(
            "project_group",
            filter=Q(project_group__perspective__in=Perspective.lived_experience()),
            distinct=True,
        ),
        sponsors=Count(
            "project_group", filter=Q(project_group__role="board_sponsor"), distinct=True
        ),
    ).order_by("category", "name")
    rows = [
        [
            f"{s.name} (archived {s.archived_on:%-d %b %Y})" if s.archived_on else s.name,
            s.get_category_display(),
            s.get_region_display(),
            s.group_size,
            s.lived_experience,
            "Yes" if s.lived_experience and s.sponsors else "No",
        ]
        for s in sites
    ]
    # The counts are of active sites, as on the dashboard (``Site.objects.active()``); a site
    # archived in the period is listed as history but not counted among them.
    counts = Counter(s.get_category_display() for s in sites if s.is_active)
    archived = sum(not s.is_active for s in sites)
    return Section(
        title="Sites by category",
        template="sites/report/_programme_sites.html",
        context={"rows": rows, "counts": sorted(counts.items()), "archived": archived},
        tables=[
            Table(
                "Sites",
                ["Site", "Category", "Region", "Group size", "Lived experience", "Co-produced"],
                rows,
            )
        ],
    )
