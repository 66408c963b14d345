"""The site's improvement work as the review page shows it beside the form: goals with their
status, cycles (open and recently completed, overdue stages named) and the open goals'
indicators (latest value against target, and what the charts say about the latest point, in
words, from the stored chart results). A fixed number of queries, however many goals, cycles
and data points the site has."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, Sum, When, Window

from imroc.links import link_maker
from pdsa import chart_cache
from pdsa.chart_cache import ChartSummary
from pdsa.models import Cycle, Goal, Indicator, cycles_with_current_stage_due
from sites.models import Site

RECENTLY_COMPLETED = datetime.timedelta(days=90)
"""A cycle completed within this long before the review is still worth showing."""

OPEN_GOAL_STATUSES = (Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS, Goal.Status.STALLED)
SHOWN_CYCLES = 25  # overdue first; the site's timeline has them all
SHOWN_INDICATORS = 40  # signals first; the site's indicator table has them all


@dataclass(frozen=True)
class IndicatorNow:
    """An indicator of an open goal: its latest value against its target and what its charts
    say about the latest point, read from the stored chart results."""

    indicator: Indicator
    charted: ChartSummary
    url: str

    @property
    def name(self) -> str:
        return self.indicator.name

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def target(self) -> float | None:
        return self.indicator.target

    @property
    def goal_title(self) -> str:
        return self.indicator.goal_title

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def latest_value(self) -> float | None:
        return self.charted.latest.value if self.charted.latest else None

    @property
    def latest_date(self):
        return self.charted.latest.date if self.charted.latest else None

    @property
    def target_met(self) -> bool | None:
        if self.target is None or self.latest_value is None:
            return None
        if self.indicator.better == Indicator.Better.UP:
            return self.latest_value >= self.target
        return self.latest_value <= self.target

    @property
    def has_signal(self) -> bool:
        return bool(self.charted.xmr_cause or self.charted.run_signals)

    @property
    def xmr_signal(self) -> str:
        return self.charted.xmr_signal

    @property
    def run_signal(self) -> str:
        return self.charted.run_signal


@dataclass(frozen=True)
class SiteWorkNow:
    """Open goals, their cycles (overdue first, the first few listed) and their indicators
    (those with a signal at the latest point first, the first few listed); what is not
    listed is counted, with a link to where it is."""

    goals: list[Goal]
    closed_goals: int
    cycles: list[Cycle]
    open_cycles: int
    overdue: int
    indicators: list[IndicatorNow]
    all_indicators: int
    today: datetime.date

    @property
    def cycle_rows(self) -> list[tuple[Cycle, object]]:
        """Each cycle with its current stage's state (None once complete)."""
        rows = []
        for cycle in self.cycles:
            states = [s for s in cycle.stages(self.today) if s.status in ("current", "overdue")]
            rows.append((cycle, states[0] if states else None))
        return rows

    @property
    def more_cycles(self) -> int:
        return self.open_cycles - len(self.cycles)

    @property
    def more_indicators(self) -> int:
        return self.all_indicators - len(self.indicators)


def site_work_now(site: Site, today: datetime.date) -> SiteWorkNow:
    goals = list(
        Goal.objects.filter(priority__site=site).select_related("priority__challenge", "owner")
    )
    open_goals = [goal for goal in goals if goal.status in OPEN_GOAL_STATUSES]
    goal_url = link_maker("pdsa:goal-detail", pk=True)
    for goal in open_goals:
        goal.url = goal_url.format(pk=goal.pk)
    cycles = _cycles(site, today)
    indicators = _indicators(site)
    return SiteWorkNow(
        goals=open_goals,
        closed_goals=len(goals) - len(open_goals),
        cycles=cycles,
        open_cycles=cycles[0].shown_total if cycles else 0,
        overdue=cycles[0].overdue_total if cycles else 0,
        indicators=indicators[:SHOWN_INDICATORS],
        all_indicators=len(indicators),
        today=today,
    )


def _cycles(site: Site, today: datetime.date) -> list[Cycle]:
    """Open goals' cycles, open or recently completed, overdue first: the first few, each
    carrying the totals (one query)."""
    late = Case(When(cycles_with_current_stage_due(lt=today), then=1), default=0)
    cycles = list(
        Cycle.objects.filter(goal__priority__site=site, goal__status__in=OPEN_GOAL_STATUSES)
        .filter(Q(act_done__isnull=True) | Q(act_done__gte=today - RECENTLY_COMPLETED))
        .select_related("goal")
        .annotate(
            late=late,
            shown_total=Window(Count("pk")),
            overdue_total=Window(Sum(late)),
        )
        .order_by("-late", "goal__title", "number")[:SHOWN_CYCLES]
    )
    cycle_url = link_maker("pdsa:cycle-detail", pk=True)
    for cycle in cycles:
        cycle.url = cycle_url.format(pk=cycle.pk)
    return cycles


def _indicators(site: Site) -> list[IndicatorNow]:
    """The open goals' indicators with their stored chart summaries, those with a signal at
    the latest point first: one query, and three more for any not stored yet."""
    indicators = list(
        Indicator.objects.filter(goal__priority__site=site, goal__status__in=OPEN_GOAL_STATUSES)
        .annotate(goal_title=F("goal__title"))
        .order_by("goal__title", "name", "pk")
    )
    charted = chart_cache.summaries(indicators)
    url = link_maker("pdsa:indicator-detail", pk=True)
    rows = [
        IndicatorNow(indicator, charted[indicator.pk], url.format(pk=indicator.pk))
        for indicator in indicators
    ]
    return sorted(rows, key=lambda row: not row.has_signal)
