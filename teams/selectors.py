"""Reads of teams and their recovery plans, scoped to the sites the user may see."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from sites.models import Person
from sites.selectors import sites_for_user

from . import practice
from .models import Team, TeamAction, TeamAssessment


def teams_for_user(user) -> QuerySet[Team]:
    """Teams of the sites the user may see: an outsider gets a 404, not a refusal."""
    return Team.objects.filter(site__in=sites_for_user(user)).select_related("site")


def _first(order: tuple[str, ...]) -> QuerySet[TeamAssessment]:
    return TeamAssessment.objects.filter(team=OuterRef("pk")).order_by(*order)


def _scalar(queryset: QuerySet, name: str) -> Subquery:
    return Subquery(queryset.values(name)[:1])


def _count(queryset: QuerySet) -> Coalesce:
    counted = queryset.order_by().values("team").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def _with_standing(teams: QuerySet[Team], today, *, only=None) -> QuerySet[Team]:
    """Each team with its first and latest assessment's date and total, its next co-review
    and its plan's progress, in the one query (``only``: just those of them)."""
    first, latest = _first(("assessed_on", "pk")), _first(("-assessed_on", "-pk"))
    actions = TeamAction.objects.filter(team=OuterRef("pk"))
    open_actions = actions.exclude(status=TeamAction.Status.DONE)
    standing = {
        "assessment_count": lambda: _count(TeamAssessment.objects.filter(team=OuterRef("pk"))),
        "first_on": lambda: _scalar(first, "assessed_on"),
        "first_total": lambda: _scalar(first.annotate(total=Sum("ratings__rating")), "total"),
        "latest_on": lambda: _scalar(latest, "assessed_on"),
        "latest_total": lambda: _scalar(latest.annotate(total=Sum("ratings__rating")), "total"),
        "next_review_on": lambda: _scalar(latest, "next_review_on"),
        "actions_total": lambda: _count(actions),
        "actions_done": lambda: _count(actions.filter(status=TeamAction.Status.DONE)),
        "actions_overdue": lambda: _count(open_actions.filter(due_on__lt=today)),
    }
    return teams.annotate(
        **{name: build() for name, build in standing.items() if only is None or name in only}
    )


@dataclass
class TeamRow:
    """Where one team stands: its first and latest assessment, its plan's progress."""

    team: Team
    today: object

    @property
    def change(self) -> int | None:
        """Points gained (or lost) since the first assessment; None until there are two."""
        if self.team.assessment_count < 2:
            return None
        return (self.team.latest_total or 0) - (self.team.first_total or 0)

    @property
    def review_overdue(self) -> bool:
        return bool(self.team.next_review_on and self.team.next_review_on < self.today)


@dataclass
class SiteTeams:
    rows: list[TeamRow]

    @property
    def moved(self) -> int:
        """Teams whose latest assessment scores higher than their first."""
        return sum(1 for row in self.rows if row.change and row.change > 0)

    @property
    def with_overdue_actions(self) -> list[TeamRow]:
        return [row for row in self.rows if row.team.actions_overdue]

    @property
    def overdue_actions(self) -> int:
        return sum(row.team.actions_overdue for row in self.rows)

    @property
    def reviews_overdue(self) -> int:
        return sum(row.review_overdue for row in self.rows)


# What ``SiteTeams`` and ``TeamRow`` read: the site page's summary needs no more (each
# subquery left out is ~0.4 ms less of building the query).
SUMMARY = ("assessment_count", "first_total", "latest_total", "next_review_on", "actions_overdue")


def site_teams(site, *, today, only=None) -> SiteTeams:
    """Every team of the site with its first and latest totals, its plan's progress and
    overdue actions, in one query whatever the number of teams, assessments or actions (the
    site page and the teams page both read this; the site page ``only=SUMMARY``)."""
    teams = _with_standing(site.teams.all(), today, only=only)
    return SiteTeams([TeamRow(team, today) for team in teams])


@dataclass
class ItemMovement:
    item: practice.Item
    first: int | None
    previous: int | None
    latest: int | None

    @property
    def since_previous(self) -> str:
        return practice.movement(self.previous, self.latest)

    @property
    def since_first(self) -> str:
        return practice.movement(self.first, self.latest)


def team_plan(team: Team) -> dict:
    """The team page: its assessments (oldest first, each with its total and who took part),
    the movement of each practice between them, and the plan's actions."""
    assessments = list(
        team.assessments.prefetch_related("ratings", "participants").select_related("created_by")
    )
    for assessment in assessments:
        assessment.by_item = {r.item: r.rating for r in assessment.ratings.all()}
        assessment.total = sum(assessment.by_item.values())
    latest = assessments[-1] if assessments else None
    first = assessments[0] if len(assessments) > 1 else None
    previous = assessments[-2] if len(assessments) > 2 else None  # else it is the first
    movement = [
        ItemMovement(
            item,
            first.by_item.get(item.key) if first else None,
            previous.by_item.get(item.key) if previous else None,
            latest.by_item.get(item.key) if latest else None,
        )
        for item in practice.ITEMS
    ]
    actions = list(team.actions.select_related("owner_person"))
    return {
        "assessments": assessments,
        "latest": latest,
        "previous": previous,
        "first": first,
        "movement": movement,
        "actions": actions,
    }


def assessment_for_user(user, pk) -> TeamAssessment | None:
    return (
        TeamAssessment.objects.filter(team__in=teams_for_user(user), pk=pk)
        .select_related("team__site", "created_by")
        .prefetch_related("ratings", "participants")
        .first()
    )


def latest_ratings(team: Team) -> dict[str, dict]:
    """The last assessment's ratings and evidence, so a re-assessment starts from them."""
    latest = team.assessments.order_by("-assessed_on", "-pk").first()
    if latest is None:
        return {}
    return {r.item: {"rating": r.rating, "evidence": r.evidence} for r in latest.ratings.all()}


def people_of(site) -> QuerySet:
    """The site's project group as action owners."""
    return Person.objects.filter(memberships__site=site).order_by("full_name")
