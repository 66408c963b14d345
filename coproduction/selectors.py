"""The co-production index across the places people gather or decide: project groups,
self-assessments (the site's and its teams'), PDSA cycle teams, learning-set workshops and
training courses.

Each kind is defined once (``KINDS``: which rows, whose site, which date) and counted in one
of two shapes: all kinds at once in a UNION ALL query (the dashboard and the programme page,
optionally per site), or as JSON subqueries riding on the query that fetches a site (the site
page). Either way a page costs one query or none, whatever the number of sites, people or
gatherings. The index itself is ``sites.models.CoProduction``: this module only counts."""

import datetime
from dataclasses import dataclass, field
from functools import partial

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import JSONObject

from challenges.models import Participant
from learning_sets.models import Delegate
from pdsa.models import CycleTeamMember
from sites.models import CoProduction, Perspective, ProjectGroupMember, Site
from sites.tables import Column, SiteTable
from support.models import TrainingDelivery
from teams.models import TeamParticipant

LIVED = Q(perspective__in=Perspective.lived_experience())
STAFF_LIVED = Q(perspective=Perspective.STAFF_LIVED)


@dataclass(frozen=True)
class Kind:
    """One kind of gathering: its rows (a person each, or a course with head counts), the
    path to their site, the date that places them in a period, and what one gathering is."""

    label: str
    model: type
    site: str
    gathering: str
    date: str | None = None  # None: counted as it stands (a project group)
    only: Q = field(default_factory=Q)
    head_counts: bool = False  # a course records numbers, not people

    def rows(self, scope: "Scope") -> QuerySet:
        chosen = self.model.objects.filter(self.only, **{f"{self.site}__in": scope.sites})
        if self.date:
            chosen = chosen.filter(scope.dated(self.date))
        if self.model is Delegate and scope.learning_set:
            chosen = chosen.filter(workshop__learning_set=scope.learning_set)
        return chosen

    def counts(self) -> dict:
        if self.head_counts:
            return {
                "gatherings": Count("pk"),
                "people": Sum(F("staff_attending") + F("service_users_attending")),
                "lived": Sum("service_users_attending"),
                "staff": Value(None, output_field=IntegerField()),
            }
        return {
            "gatherings": Count(self.gathering, distinct=True),
            "people": Count("pk"),
            "lived": Count("pk", filter=LIVED),
            "staff": Count("pk", filter=STAFF_LIVED),
        }


KINDS = {
    "group": Kind("Project group", ProjectGroupMember, "site", "site"),
    "assessment": Kind(
        "Self-assessments", Participant, "assessment__site", "assessment", "assessment__assessed_on"
    ),
    "team": Kind(
        "Team recovery self-assessments (TRIP)",
        TeamParticipant,
        "assessment__team__site",
        "assessment",
        "assessment__assessed_on",
    ),
    "cycle": Kind(
        "PDSA cycle teams",
        CycleTeamMember,
        "cycle__goal__priority__site",
        "cycle",
        "cycle__starts_on",
    ),
    "workshop": Kind(
        "Learning-set workshops (attended)",
        Delegate,
        "site",
        "workshop",
        "workshop__date",
        only=Q(status=Delegate.Status.REGISTERED, attended=True),
    ),
    "training": Kind("Training courses", TrainingDelivery, "site", "pk", "date", head_counts=True),
}
LABELS = {key: kind.label for key, kind in KINDS.items()}


@dataclass(frozen=True)
class Scope:
    """Which sites and, optionally, which period and learning set (the dashboard's filters)."""

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
        return LABELS[self.kind]


def _gathering(kind: str, row: dict | None) -> Gathering:
    row = row or {}
    return Gathering(
        kind=kind,
        count=row.get("gatherings") or 0,
        index=CoProduction.of_counts(
            people=row.get("people") or 0,
            lived_experience=row.get("lived") or 0,
            staff_lived_experience=row.get("staff", 0 if not KINDS[kind].head_counts else None),
        ),
    )


def _counted(scope: Scope, kinds) -> list[dict]:
    branches = []
    for key in kinds:
        kind = KINDS[key]
        rows = kind.rows(scope).values(kind=Value(key)).annotate(**kind.counts()).order_by()
        branches.append(rows)
    first, *rest = branches
    return list(first.union(*rest, all=True)) if rest else list(first)


def by_kind(scope: Scope, kinds=tuple(KINDS)) -> list[Gathering]:
    """Each kind of gathering across the scope's sites, in the order of ``KINDS``: one query."""
    found = {row["kind"]: row for row in _counted(scope, kinds)}
    return [_gathering(kind, found.get(kind)) for kind in kinds]


SITE_KINDS = tuple(KINDS)[1:]  # the page reads the project group itself


def _per_site(key: str) -> QuerySet:
    kind = KINDS[key]
    return kind.model.objects.filter(kind.only, **{kind.site: OuterRef("pk")}).order_by()


def with_co_production(sites: QuerySet[Site], kinds=SITE_KINDS) -> QuerySet[Site]:
    """Each site with its counts of each kind (by default every kind but the project group)
    as a JSON object a kind (``co_<kind>``), in the query that fetches it: the site page
    spends no query, and a page of the programme's table one."""
    return sites.annotate(
        **{
            f"co_{key}": Subquery(
                _per_site(key)
                .values(KINDS[key].site)
                .annotate(counts=JSONObject(**KINDS[key].counts()))
                .values("counts")
            )
            for key in kinds
        }
    )


def site_summary(site: Site, *, group: CoProduction) -> list[Gathering]:
    """The site page's summary: its project group (read for the page already) and the
    kinds ``with_co_production`` counted when the site was fetched."""
    groups = Gathering(kind="group", count=1 if group.people else 0, index=group)
    return [groups, *(_gathering(key, getattr(site, f"co_{key}")) for key in SITE_KINDS)]


def lived_experience_of(key: str) -> Subquery:
    """A site's service users or carers counted in one kind of gathering: what the
    programme's table sorts that kind's column by."""
    rows = _per_site(key).values(KINDS[key].site)
    return Subquery(rows.annotate(n=KINDS[key].counts()["lived"]).values("n"))


COLUMNS = [
    Column("Site", "site", by="name"),
    *(Column(kind.label, key, by=partial(lived_experience_of, key)) for key, kind in KINDS.items()),
]


def programme_table(sites: QuerySet[Site], params) -> SiteTable:
    """The sites a page at a time with every kind's counts, filtered and sorted (a kind by
    its service users or carers)."""
    return SiteTable(
        params, with_co_production(sites, tuple(KINDS)), columns=COLUMNS, default="site"
    )


def site_gatherings(site: Site) -> list[Gathering | None]:
    """A row of the programme's table: each kind counted for a site by ``programme_table``
    (None where it has none)."""
    return [
        None if getattr(site, f"co_{key}") is None else _gathering(key, getattr(site, f"co_{key}"))
        for key in KINDS
    ]


def programme_csv(sites: QuerySet[Site]):
    """The header, then a row a site with each kind's gatherings, people, service users or
    carers and staff with lived experience, read in chunks."""
    yield [
        "Site",
        "Category",
        "Region",
        *(
            f"{kind.label}: {what}"
            for kind in KINDS.values()
            for what in (
                "how many",
                "people",
                "service users or carers",
                "staff with lived experience",
            )
        ),
    ]
    for site in sites.iterator(chunk_size=500):
        cells = []
        for gathering in site_gatherings(site):
            if gathering is None:
                cells += [0, 0, 0, 0]
            else:
                index = gathering.index
                cells += [
                    gathering.count,
                    index.people,
                    index.lived_experience,
                    index.staff_lived_experience,
                ]
        yield [site.name, site.get_category_display(), site.get_region_display(), *cells]
