"""The site's improvement work as the review page shows it beside the form: goals with their
status, cycles (open and recently completed, overdue stages named) and indicators (latest
value against target, and what the charts say about the latest point, in words). Three
queries, however many goals, cycles and data points the site has."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from pdsa import charts
from pdsa.models import Cycle, Goal, Indicator
from sites.models import Site

RECENTLY_COMPLETED = datetime.timedelta(days=90)
"""A cycle completed within this long before the review is still worth showing."""

XMR_CAUSE_TEXT = {
    "outside": "outside the process limits",
    "shift": "7 or more points on one side of the mean",
    "trend": "7 or more points each higher (or lower) than the last",
    "two_of_three": "2 of 3 points near a limit",
}
RUN_SIGNAL_TEXT = {
    "shift": "a shift (6 or more points on one side of the median)",
    "trend": "a trend (5 or more points going one way)",
    "astronomical": "an astronomical point",
}
UNCHARTABLE = "not charted: a value is too large (correct it on the indicator's page)"


@dataclass
class IndicatorNow:
    """An indicator's latest value against its target and the latest point's chart signals."""

    pk: int
    name: str
    unit: str
    better: str
    target: float | None
    goal_title: str
    xmr_baseline: int | None
    dates: list = field(default_factory=list)
    values: list = field(default_factory=list)

    @property
    def latest_value(self) -> float | None:
        return self.values[-1] if self.values else None

    @property
    def latest_date(self):
        return self.dates[-1] if self.dates else None

    @property
    def target_met(self) -> bool | None:
        if self.target is None or self.latest_value is None:
            return None
        if self.better == Indicator.Better.UP:
            return self.latest_value >= self.target
        return self.latest_value <= self.target

    @property
    def xmr_signal(self) -> str:
        if len(self.values) < 2:
            return "too few points for an XmR chart"
        if charts.unchartable(self.values) is not None:
            return UNCHARTABLE
        chart = charts.xmr_chart(self.values, baseline=self.xmr_baseline)
        latest = chart.points[-1]
        if latest.cause is None:
            return "common cause variation (no signal at the latest point)"
        return f"{latest.reading(self.better)}: {XMR_CAUSE_TEXT[latest.cause]}"

    @property
    def run_signal(self) -> str:
        if not self.values:
            return "no data yet"
        if charts.unchartable(self.values) is not None:
            return UNCHARTABLE
        signals = charts.run_chart(self.values).points[-1].signals
        if not signals:
            return "no run-chart signal at the latest point"
        return "the latest point is part of " + " and ".join(
            RUN_SIGNAL_TEXT[name] for name in sorted(signals)
        )

    def get_absolute_url(self) -> str:
        return Indicator(pk=self.pk).get_absolute_url()


@dataclass(frozen=True)
class SiteWorkNow:
    goals: list[Goal]
    indicators: list[IndicatorNow]
    today: datetime.date

    @property
    def cycles(self) -> list[Cycle]:
        return [cycle for goal in self.goals for cycle in goal.shown_cycles]

    @property
    def cycle_rows(self) -> list[tuple[Cycle, object]]:
        """Each cycle with its current stage's state (None once complete)."""
        rows = []
        for cycle in self.cycles:
            states = [s for s in cycle.stages(self.today) if s.status in ("current", "overdue")]
            rows.append((cycle, states[0] if states else None))
        return rows

    @property
    def overdue_cycles(self) -> list[Cycle]:
        return [cycle for cycle in self.cycles if cycle.is_overdue(self.today)]


def site_work_now(site: Site, today: datetime.date) -> SiteWorkNow:
    shown = Cycle.objects.filter(
        Q(act_done__isnull=True) | Q(act_done__gte=today - RECENTLY_COMPLETED)
    ).order_by("number")
    goals = list(
        Goal.objects.filter(priority__site=site)
        .select_related("priority__challenge", "owner")
        .prefetch_related(Prefetch("cycles", queryset=shown, to_attr="shown_cycles"))
    )
    return SiteWorkNow(goals=goals, indicators=_indicators(site), today=today)


def _indicators(site: Site) -> list[IndicatorNow]:
    """Indicators and their points in one query (a left join, so an indicator without data
    is still listed)."""
    rows = (
        Indicator.objects.filter(goal__priority__site=site)
        .order_by("goal__title", "name", "pk", "data_points__date")
        .values_list(
            "pk",
            "name",
            "unit",
            "better",
            "target",
            "goal__title",
            "xmr_baseline",
            "data_points__date",
            "data_points__value",
        )
    )
    indicators: dict[int, IndicatorNow] = {}
    points = defaultdict(list)
    for pk, name, unit, better, target, goal_title, baseline, date, value in rows:
        if pk not in indicators:
            indicators[pk] = IndicatorNow(pk, name, unit, better, target, goal_title, baseline)
        if date is not None:
            points[pk].append((date, value))
    for pk, indicator in indicators.items():
        indicator.dates = [date for date, _ in points[pk]]
        indicator.values = [value for _, value in points[pk]]
    return list(indicators.values())
