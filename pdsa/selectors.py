"""Reads of a site's improvement work, scoped to what the user may see."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from challenges.numbering import site_numbering
from imroc.links import link_maker
from sites.models import CoProduction, Person, ProjectGroupMember, Site
from sites.rules import site_roles
from sites.selectors import sites_for_user

from . import chart_cache, history, progress
from .models import (
    Cycle,
    DataPoint,
    Goal,
    Indicator,
    Priority,
    cycles_with_current_stage_due,
)
from .rules import is_programme_member

OUTCOMES_COUNTED = {
    Cycle.Outcome.ADOPT: "Adopted",
    Cycle.Outcome.ADAPT: "Adapted",
    Cycle.Outcome.ABANDON: "Abandoned",
}
GOAL_RELATED = ("priority__site", "priority__challenge", "owner", "closed_by")


def goals_for_user(user) -> QuerySet[Goal]:
    return Goal.objects.filter(priority__site__in=sites_for_user(user)).select_related(
        *GOAL_RELATED
    )


def indicators_for_user(user) -> QuerySet[Indicator]:
    return Indicator.objects.filter(goal__priority__site__in=sites_for_user(user)).select_related(
        *(f"goal__{r}" for r in GOAL_RELATED)
    )


def cycles_for_user(user) -> QuerySet[Cycle]:
    return Cycle.objects.filter(goal__priority__site__in=sites_for_user(user)).select_related(
        *(f"goal__{r}" for r in GOAL_RELATED)
    )


def people_of(site: Site):
    """Who can own a goal: the site's project group."""
    return Person.objects.filter(memberships__site=site).order_by("full_name").distinct()


@dataclass(frozen=True)
class Checklist:
    """The method's first steps: a co-produced group with a board sponsor, an assessment,
    2-3 priorities, at least one easy and one hard goal."""

    co_produced: bool
    board_sponsor: bool
    assessment_done: bool
    priorities: int
    easy_goals: int
    hard_goals: int

    @property
    def priorities_in_range(self) -> bool:
        return 2 <= self.priorities <= 3

    @property
    def easy_and_hard(self) -> bool:
        return self.easy_goals > 0 and self.hard_goals > 0

    def items(self) -> list[tuple[str, bool]]:
        return [
            ("Project group co-produced with service users or carers", self.co_produced),
            ("Board sponsor named", self.board_sponsor),
            ("Self-assessment against the challenges done", self.assessment_done),
            (f"2-3 priority challenges agreed ({self.priorities} now)", self.priorities_in_range),
            (
                f"At least one easy and one hard goal ({self.easy_goals} easy, "
                f"{self.hard_goals} hard)",
                self.easy_and_hard,
            ),
        ]


@dataclass(frozen=True)
class SiteWork:
    priorities: list[Priority]  # the active ones
    checklist: Checklist
    dropped: list[Priority]  # dropped once their goals closed: the site's history


def site_work(site: Site, co_production: CoProduction, *, assessed: bool) -> SiteWork:
    """The site page's section: priorities with their goals, cycle counts and overdue
    stages, numbered and ordered on the site's framework, as its assessment is (4 queries)."""
    today = datetime.date.today()
    overdue_stages = (
        Cycle.objects.filter(goal=OuterRef("pk"))
        .filter(cycles_with_current_stage_due(lt=today))
        .order_by()
        .values("goal")
        .annotate(total=Count("pk"))
        .values("total")
    )
    change = Cycle.objects.filter(
        goal=OuterRef("pk"), act_done__isnull=False, outcome__in=progress.ADOPTED
    ).order_by("act_done", "number")
    # Only the columns the rows and the score show (a Goal, not its owner, per row).
    shown = ("priority", "title", "difficulty", "status", "closed_on", "target_date")
    goals = Goal.objects.only(*shown).annotate(
        owner_name=F("owner__full_name"),
        cycle_count=Count("cycles"),
        open_cycles=Count("cycles", filter=Q(cycles__act_done__isnull=True)),
        # the progress score's facts of the goal's cycles (progress.CycleFacts)
        change_number=Subquery(change.values("number")[:1]),
        change_outcome=Subquery(change.values("outcome")[:1]),
        change_on=Subquery(change.values("act_done")[:1]),
        overdue_stages=Coalesce(Subquery(overdue_stages[:1]), 0),
        is_late=ExpressionWrapper(
            Q(target_date__lt=today) & ~Q(status__in=Goal.CLOSED), output_field=BooleanField()
        ),
    )
    numbering = site_numbering(site)
    priorities = sorted(
        Priority.objects.filter(site=site)
        .select_related("challenge__framework")
        .prefetch_related(Prefetch("goals", queryset=goals)),
        key=lambda priority: numbering.sort_key(priority.challenge),
    )
    goal_url = link_maker("pdsa:goal-detail", pk=True)
    for priority in priorities:  # open goals listed; closed ones folded away
        priority.number = numbering.number(priority.challenge)
        for goal in priority.goals.all():
            goal.url = goal_url.format(pk=goal.pk)
        priority.open_goals = [g for g in priority.goals.all() if not g.is_closed]
        priority.closed_goals = [g for g in priority.goals.all() if g.is_closed]
    dropped = [p for p in priorities if p.is_dropped]
    priorities = [p for p in priorities if not p.is_dropped]
    difficulties = Counter(g.difficulty for p in priorities for g in p.goals.all())
    checklist = Checklist(
        co_produced=co_production.is_co_produced,
        board_sponsor=co_production.has_board_sponsor,
        assessment_done=assessed,
        priorities=len(priorities),
        easy_goals=difficulties[Goal.Difficulty.EASY],
        hard_goals=difficulties[Goal.Difficulty.HARD],
    )
    return SiteWork(priorities=priorities, checklist=checklist, dropped=dropped)


def with_results(indicators: QuerySet[Indicator]) -> list[Indicator]:
    """The indicators, each with ``.results`` (its chart results), ``.points`` and
    ``.latest`` (date and value): read from the stored chart results (``chart_cache``),
    computed in three more queries only for those not stored yet."""
    found = list(indicators)
    stored = chart_cache.results_many(found)
    for indicator in found:
        results = indicator.results = stored[indicator.pk]
        indicator.points = len(results.values)
        indicator.latest = (
            chart_cache.Point(results.dates[-1], results.values[-1]) if results.values else None
        )
    return found


def indicator_names(user) -> list[tuple[str, int]]:
    """Indicator names in the sites the user sees, with how many sites use each."""
    rows = (
        Indicator.objects.filter(goal__priority__site__in=sites_for_user(user))
        .values_list("name")
        .annotate(sites=Count("goal__priority__site", distinct=True))
        .order_by("name")
    )
    return list(rows)


def indicators_named(user, name: str) -> list[Indicator]:
    """The indicators of that name across the sites the user sees, with chart results."""
    return with_results(
        Indicator.objects.filter(goal__priority__site__in=sites_for_user(user), name=name)
        .select_related("goal__priority__site")
        .order_by("goal__priority__site__name", "goal__title", "pk")
    )


def goal_page(goal: Goal) -> dict:
    """Everything the goal page shows, in a fixed number of queries. Each indicator carries
    ``.charted``, its stored chart summary (points, the icons' words), and the score reads
    the indicators' stored readings (``chart_cache.reads_many``): no chart results are
    unpickled or read again a view."""

    indicators = list(goal.indicators.order_by("name", "pk"))
    charted = chart_cache.summaries(indicators)
    for indicator in indicators:
        indicator.charted = charted[indicator.pk]
    cycles = list(goal.cycles.order_by("number"))
    facts = progress.cycle_facts(cycles)
    change_on = facts.change.act_done if facts.change else None
    reads = chart_cache.reads_many({indicator: change_on for indicator in indicators})
    group_formed = ProjectGroupMember.objects.filter(site_id=goal.priority.site_id).exists()
    outcomes = Counter(c.outcome for c in cycles if c.outcome)
    return {
        "indicators": indicators,
        "cycles": cycles,
        "progress": progress.goal_progress(
            goal,
            group_formed=group_formed,
            cycles=facts,
            reads=[reads[indicator.pk] for indicator in indicators],
        ),
        "outcomes": [(label, outcomes[value]) for value, label in OUTCOMES_COUNTED.items()],
        "comments": list(goal.comments.select_related("author")),
        "history": history.entries(goal.history.select_related("history_user")),
    }


def watched_data(cycle: Cycle) -> list[Indicator]:
    """The watched indicators with their data of the cycle's dates (``cycle_points``)."""
    in_cycle = DataPoint.objects.filter(date__gte=cycle.starts_on, date__lte=cycle.ends_on)
    return list(
        cycle.watched_indicators.prefetch_related(
            Prefetch("data_points", queryset=in_cycle.order_by("date"), to_attr="cycle_points")
        ).order_by("name")
    )


def cycle_page(cycle: Cycle) -> dict:
    """The cycle with its study data, comments and history, in a fixed number of queries."""
    team = list(cycle.team.select_related("person"))
    return {
        "team": team,
        "team_co_production": CoProduction.of_perspectives(m.perspective for m in team),
        "watched": watched_data(cycle),
        "comments": list(cycle.comments.select_related("author")),
        "history": history.entries(cycle.history.select_related("history_user")),
    }


def library(user) -> QuerySet[Cycle]:
    """Completed cycles of every site, for any programme member to learn from."""
    if not is_programme_member(user):
        return Cycle.objects.none()
    return (
        Cycle.objects.filter(act_done__isnull=False)
        .select_related("goal__priority__site", "goal__priority__challenge")
        .order_by("-act_done", "-pk")
    )


def your_goals(user) -> list[Goal]:
    """Goals of the sites where the user is in the team, open ones first."""
    team_sites = [
        site_id
        for site_id, role in site_roles(user).items()
        if role in (ProjectGroupMember.Role.PROJECT_LEAD, ProjectGroupMember.Role.MEMBER)
    ]
    if not team_sites:
        return []
    return list(
        Goal.objects.filter(priority__site_id__in=team_sites, priority__site__is_active=True)
        .exclude(status__in=Goal.CLOSED)
        .select_related("priority__site", "owner")
        .annotate(open_cycles=Count("cycles", filter=Q(cycles__act_done__isnull=True)))
        .order_by("target_date", "pk")
    )
