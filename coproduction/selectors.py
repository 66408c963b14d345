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

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import JSONObject

from challenges.models import Participant
from learning_sets.models import Delegate
from pdsa.models import CycleTeamMember
from sites.models import CoProduction, Perspective, ProjectGroupMember, Site
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


def _counted(scope: Scope, kinds, *, by_site: bool) -> list[dict]:
    branches = []
    for key in kinds:
        kind = KINDS[key]
        keys = {"kind": Value(key)} | ({"site_pk": F(kind.site)} if by_site else {})
        branches.append(kind.rows(scope).values(**keys).annotate(**kind.counts()).order_by())
    first, *rest = branches
    return list(first.union(*rest, all=True)) if rest else list(first)


def by_kind(scope: Scope, kinds=tuple(KINDS)) -> list[Gathering]:
    """Each kind of gathering across the scope's sites, in the order of ``KINDS``: one query."""
    found = {row["kind"]: row for row in _counted(scope, kinds, by_site=False)}
    return [_gathering(kind, found.get(kind)) for kind in kinds]


def by_site(scope: Scope, kinds=tuple(KINDS)) -> dict[int, dict[str, Gathering]]:
    """Each site's gatherings by kind (a site with none of a kind has no entry): one query."""
    sites: dict[int, dict[str, Gathering]] = {}
    for row in _counted(scope, kinds, by_site=True):
        sites.setdefault(row["site_pk"], {})[row["kind"]] = _gathering(row["kind"], row)
    return sites


SITE_KINDS = tuple(KINDS)[1:]  # the page reads the project group itself


def with_co_production(sites: QuerySet[Site]) -> QuerySet[Site]:
    """Each site with its counts of every kind but the project group, as a JSON object a
    kind (``co_<kind>``), in the query that fetches it: the site page spends no query."""
    return sites.annotate(
        **{
            f"co_{key}": Subquery(
                KINDS[key]
                .model.objects.filter(KINDS[key].only, **{KINDS[key].site: OuterRef("pk")})
                .order_by()
                .values(KINDS[key].site)
                .annotate(counts=JSONObject(**KINDS[key].counts()))
                .values("counts")
            )
            for key in SITE_KINDS
        }
    )


def site_summary(site: Site, *, group: CoProduction) -> list[Gathering]:
    """The site page's summary: its project group (read for the page already) and the
    kinds ``with_co_production`` counted when the site was fetched."""
    groups = Gathering(kind="group", count=1 if group.people else 0, index=group)
    return [groups, *(_gathering(key, getattr(site, f"co_{key}")) for key in SITE_KINDS)]
