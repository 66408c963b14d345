"""The co-production index across the places people gather or decide: project groups,
self-assessments, PDSA cycle teams, learning-set workshops and training courses.

One UNION ALL query counts every kind at once (optionally per site), so a page costs one
query whatever the number of sites, people or gatherings. The index itself is
``sites.models.CoProduction``: this module only counts."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, Q, QuerySet, Sum, Value

from challenges.models import Participant
from learning_sets.models import Delegate
from pdsa.models import CycleTeamMember
from sites.models import CoProduction, Perspective, ProjectGroupMember, Site
from support.models import TrainingDelivery

KINDS = {
    "group": "Project group",
    "assessment": "Self-assessments",
    "cycle": "PDSA cycle teams",
    "workshop": "Learning-set workshops (attended)",
    "training": "Training courses",
}
LIVED = Q(perspective__in=Perspective.lived_experience())
STAFF_LIVED = Q(perspective=Perspective.STAFF_LIVED)


@dataclass(frozen=True)
class Scope:
    """Which sites and, optionally, which period and learning set (the dashboard's filters).
    A project group is counted as it stands: it has no date."""

    sites: QuerySet[Site]
    since: datetime.date | None = None
    until: datetime.date | None = None
    learning_set: object | None = None

    def dated(self, field: str) -> Q:
        lookups = {}
        if self.since:
            lookups[f"{field}__gte"] = self.since
        if self.until:
            lookups[f"{field}__lte"] = self.until
        return Q(**lookups)


@dataclass(frozen=True)
class Gathering:
    kind: str
    count: int  # how many groups, assessments, cycles, workshops or courses
    index: CoProduction

    @property
    def label(self) -> str:
        return KINDS[self.kind]


def _people(qs, kind: str, site: str, by_site: bool, gatherings) -> QuerySet:
    keys = {"kind": Value(kind)} | ({"site_pk": F(site)} if by_site else {})
    return (
        qs.values(**keys)
        .annotate(
            gatherings=gatherings,
            people=Count("pk"),
            lived=Count("pk", filter=LIVED),
            staff=Count("pk", filter=STAFF_LIVED),
        )
        .order_by()
    )


def _branches(scope: Scope, kinds, by_site: bool) -> list[QuerySet]:
    sites = scope.sites
    branches = {
        "group": lambda: _people(
            ProjectGroupMember.objects.filter(site__in=sites),
            "group",
            "site_id",
            by_site,
            Count("site", distinct=True),
        ),
        "assessment": lambda: _people(
            Participant.objects.filter(
                scope.dated("assessment__assessed_on"), assessment__site__in=sites
            ),
            "assessment",
            "assessment__site_id",
            by_site,
            Count("assessment", distinct=True),
        ),
        "cycle": lambda: _people(
            CycleTeamMember.objects.filter(
                scope.dated("cycle__starts_on"), cycle__goal__priority__site__in=sites
            ),
            "cycle",
            "cycle__goal__priority__site_id",
            by_site,
            Count("cycle", distinct=True),
        ),
        "workshop": lambda: _people(
            Delegate.objects.filter(
                scope.dated("workshop__date"),
                Q(workshop__learning_set=scope.learning_set) if scope.learning_set else Q(),
                site__in=sites,
                status=Delegate.Status.REGISTERED,
                attended=True,
            ),
            "workshop",
            "site_id",
            by_site,
            Count("workshop", distinct=True),
        ),
        "training": lambda: _courses(scope, by_site),
    }
    return [branches[kind]() for kind in kinds]


def _courses(scope: Scope, by_site: bool) -> QuerySet:
    """Courses record head counts, not people: staff with lived experience are not known."""
    keys = {"kind": Value("training")} | ({"site_pk": F("site_id")} if by_site else {})
    return (
        TrainingDelivery.objects.filter(scope.dated("date"), site__in=scope.sites)
        .values(**keys)
        .annotate(
            gatherings=Count("pk"),
            people=Sum(F("staff_attending") + F("service_users_attending")),
            lived=Sum("service_users_attending"),
            staff=Value(None, output_field=IntegerField()),
        )
        .order_by()
    )


def _counted(scope: Scope, kinds, *, by_site: bool) -> list[dict]:
    first, *rest = _branches(scope, kinds, by_site)
    return list(first.union(*rest, all=True)) if rest else list(first)


def _gathering(row: dict) -> Gathering:
    return Gathering(
        kind=row["kind"],
        count=row["gatherings"] or 0,
        index=CoProduction.of_counts(
            people=row["people"], lived_experience=row["lived"], staff_lived_experience=row["staff"]
        ),
    )


def by_kind(scope: Scope, kinds=tuple(KINDS)) -> list[Gathering]:
    """Each kind of gathering across the scope's sites, in the order of ``KINDS``: one query."""
    found = {row["kind"]: _gathering(row) for row in _counted(scope, kinds, by_site=False)}
    return [found[kind] for kind in kinds]


def by_site(scope: Scope, kinds=tuple(KINDS)) -> dict[int, dict[str, Gathering]]:
    """Each site's gatherings by kind (a site with none of a kind has no entry): one query."""
    sites: dict[int, dict[str, Gathering]] = {}
    for row in _counted(scope, kinds, by_site=True):
        sites.setdefault(row["site_pk"], {})[row["kind"]] = _gathering(row)
    return sites


def site_summary(site: Site, *, group: CoProduction) -> list[Gathering]:
    """The site page's summary: its project group (already read for the page, so passed in)
    and every other kind of gathering in one query."""
    others = by_kind(Scope(sites=Site.objects.filter(pk=site.pk)), kinds=tuple(KINDS)[1:])
    groups = 1 if group.people else 0
    return [Gathering(kind="group", count=groups, index=group), *others]
