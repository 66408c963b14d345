"""The site's improvement work as the review page shows it beside the form: goals with their
status, cycles (open and recently completed, overdue stages named) and the open goals'
indicators (latest value against target, and what the charts say about the latest point, in
words, from the stored chart results). A fixed number of queries, however many goals, cycles
and data points the site has."""

import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
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

    pk: int
    name: str
    unit: str
    target: float | None
    better: str
    goal_title: str
    charted: ChartSummary
    url: str

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
        if self.better == Indicator.Better.UP:
            return self.latest_value >= self.target
        return self.latest_value <= self.target

    @property
    def xmr_signal(self) -> str:
        return self.charted.xmr_signal

    @property
    def run_signal(self) -> str:
        return self.charted.run_signal


def _has_signal(charted: ChartSummary) -> bool:
    return bool(charted.xmr_cause or charted.run_signals)


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
        Goal.objects.filter(priority__site=site)
        .annotate(challenge_number=F("priority__challenge__number"))
        .only("pk", "title", "difficulty", "status", "target_date")
    )
    open_goals = [goal for goal in goals if goal.status in OPEN_GOAL_STATUSES]
    goal_url = link_maker("pdsa:goal-detail", pk=True)
    for goal in open_goals:
        goal.url = goal_url.format(pk=goal.pk)
    cycles = _cycles(site, today)
    indicators, all_indicators = _indicators(site)
    return SiteWorkNow(
        goals=open_goals,
        closed_goals=len(goals) - len(open_goals),
        cycles=cycles,
        open_cycles=cycles[0].shown_total if cycles else 0,
        overdue=cycles[0].overdue_total if cycles else 0,
        indicators=indicators,
        all_indicators=all_indicators,
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


_INDICATOR_FIELDS = ("pk", "data_version", "name", "unit", "target", "better", "goal__title")


def _indicators(site: Site) -> tuple[list[IndicatorNow], int]:
    """The first few of the open goals' indicators, those with a signal at the latest point
    first, and how many there are: one query of plain values. Which are shown, with their
    chart summaries, is kept in the shared cache under the indicators' data versions in
    order (a new value, phase or cycle, or another set or order of indicators, gives a new
    key; names, titles and targets are read fresh), so a page reads one entry, not a summary
    per indicator (526 at the busiest site); on a miss, one query more and
    ``chart_cache.summaries``' three for any summary not stored."""
    rows = list(
        Indicator.objects.filter(goal__priority__site=site, goal__status__in=OPEN_GOAL_STATUSES)
        .order_by("goal__title", "name", "pk")
        .values_list(*_INDICATOR_FIELDS)
    )
    versions = repr([(row[0], row[1]) for row in rows]).encode()
    key = f"support:shown-indicators:{chart_cache.VERSION}:{hashlib.sha256(versions).hexdigest()}"
    shown = cache.get(key)
    if shown is None:
        shown = _signals_first([row[0] for row in rows])[:SHOWN_INDICATORS]
        cache.set(key, shown, chart_cache.TIMEOUT)
    by_pk = {row[0]: row for row in rows}
    url = link_maker("pdsa:indicator-detail", pk=True)
    indicators = []
    for pk, charted in shown:
        _, _, name, unit, target, better, goal_title = by_pk[pk]
        indicators.append(
            IndicatorNow(pk, name, unit, target, better, goal_title, charted, url.format(pk=pk))
        )
    return indicators, len(rows)


def _signals_first(pks: list[int]) -> list[tuple[int, ChartSummary]]:
    """Each indicator (in the order given) with its chart summary, those with a signal at
    the latest point first."""
    indicators = Indicator.objects.in_bulk(pks)
    charted = chart_cache.summaries([indicators[pk] for pk in pks])
    return sorted(((pk, charted[pk]) for pk in pks), key=lambda row: not _has_signal(row[1]))
