"""Everything an indicator's charts show, computed once from its series, phases and cycles.

The indicator page, the site PDF, the spreadsheet and the summary tables all read this one
result, so they cannot disagree: the same points, the same phases, the same limits. A long
series is computed whole and *shown* from :attr:`ChartResults.window` on (the last two
years), never re-baselined on the part shown.
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, replace

from . import charts
from .chart_warnings import ChartWarning, chart_warnings, needs_more

SHOWN_DAYS = 731  # a long series is drawn from its last two years; every value is in the table
ICONS = {
    "common_cause": "Common cause variation",
    "improvement_high": "Special cause improvement (higher)",
    "improvement_low": "Special cause improvement (lower)",
    "concern_high": "Special cause concern (higher)",
    "concern_low": "Special cause concern (lower)",
    "neutral_high": "Special cause variation (higher)",
    "neutral_low": "Special cause variation (lower)",
}
ASSURANCE = {
    "pass": "Consistently meets the target",
    "fail": "Consistently fails the target",
    "hit_and_miss": "Hits and misses the target at random",
}


@dataclass(frozen=True)
class PhaseMark:
    index: int  # first point of the phase; len(values) when no value has come in yet
    starts_on: datetime.date
    reason: str


@dataclass(frozen=True)
class CycleMark:
    number: int
    starts_on: datetime.date
    ends_on: datetime.date
    outcome: str  # its label ("Adopt") or "" while the cycle is open
    change_idea: str


@dataclass(frozen=True)
class PhaseSummary:
    """One phase in words and numbers: the page's text and the spreadsheet's rows."""

    number: int
    first: datetime.date
    last: datetime.date
    count: int
    reason: str
    median: float | None
    xmr: charts.Phase


@dataclass(frozen=True)
class ChartResults:
    name: str
    unit: str
    better: str | None
    target: float | None
    dates: tuple[datetime.date, ...]
    values: tuple[float, ...]
    notes: tuple[str, ...]
    phases: tuple[PhaseMark, ...]
    cycles: tuple[CycleMark, ...]
    run: charts.RunChart
    xmr: charts.XmrChart
    window: int  # first point shown; 0 unless the series is longer than two years
    # (date, value) of a stored value too large to chart (from before values were bounded):
    # then nothing is charted and the charts say which value to correct.
    too_large: tuple[datetime.date, float] | None = None
    typed_baseline: float | None = None  # the indicator's "value before any change"
    fixed_baseline: int | None = None  # XmR limits fixed on the first n points of each phase
    run_length: int = charts.signals.XMR_RUN  # shift and trend length
    excluded: tuple[int, ...] = ()  # points left out of the calculations
    left_out_reasons: tuple[str, ...] = ()  # per point: why it is left out, or ""
    interval_days: int = 30  # how often a value is expected

    @property
    def variation(self) -> str | None:
        """The Making Data Count variation icon of the latest point."""
        return charts.variation_icon(self.xmr, self.better)

    @property
    def variation_words(self) -> str:
        return ICONS.get(self.variation, "No data yet")

    @property
    def assurance(self) -> str | None:
        return charts.assurance(self.xmr, self.target, self.better)

    @property
    def assurance_words(self) -> str:
        if self.target is None:
            return "No target set"
        if self.assurance is None and self.xmr.trial:
            return f"Trial limits cannot judge the target: {needs_more(self.xmr.baseline)}"
        return ASSURANCE.get(self.assurance, "Not enough data to judge the target")

    @property
    def warnings(self) -> tuple[ChartWarning, ...]:
        """What the charts cannot yet tell, in words for under them."""
        return chart_warnings(self)

    @property
    def trial(self) -> bool:
        return self.xmr.trial

    @property
    def summarised(self) -> bool:
        return self.window > 0

    def phase_summaries(self) -> list[PhaseSummary]:
        reasons = {m.index: m.reason for m in self.phases}
        return [
            PhaseSummary(
                number,
                self.dates[run.start],
                self.dates[run.end - 1],
                run.end - run.start,
                reasons.get(run.start, ""),
                run.centre,
                xmr,
            )
            for number, (run, xmr) in enumerate(
                zip(self.run.phases, self.xmr.phases, strict=True), start=1
            )
            if run.end > run.start
        ]


def chart_results(indicator) -> ChartResults:
    """The indicator's charts, read and computed (three queries). The perf work wraps this in
    the shared cache, keyed on the indicator's data version."""
    return compute(
        indicator,
        list(indicator.data_points.order_by("date")),
        phases=list(indicator.phases.order_by("starts_on")),
        cycles=list(indicator.cycles.order_by("starts_on", "number")),
    )


def compute(indicator, points, phases=(), cycles=()) -> ChartResults:
    """Everything derived from the series (``points`` in date order), the phases and the
    cycles that watch the indicator. Pure apart from reading their attributes."""
    bad = charts.unchartable([p.value for p in points])
    if bad is not None:
        empty = compute(indicator, [], phases, cycles)
        return replace(empty, too_large=(points[bad].date, points[bad].value))
    dates = tuple(p.date for p in points)
    values = tuple(p.value for p in points)
    marks = tuple(
        PhaseMark(bisect.bisect_left(dates, phase.starts_on), phase.starts_on, phase.reason)
        for phase in sorted(phases, key=lambda p: p.starts_on)
    )
    starts = [m.index for m in marks]
    baseline = indicator.xmr_baseline or None
    left_out = tuple(getattr(p, "left_out_because", "") for p in points)
    excluded = tuple(i for i, reason in enumerate(left_out) if reason)
    run = getattr(indicator, "xmr_run", None) or charts.signals.XMR_RUN
    window = 0
    if dates and (dates[-1] - dates[0]).days > SHOWN_DAYS:
        window = bisect.bisect_left(dates, dates[-1] - datetime.timedelta(days=SHOWN_DAYS))
    return ChartResults(
        name=indicator.name,
        unit=indicator.unit,
        better=indicator.better or None,
        target=indicator.target,
        dates=dates,
        values=values,
        notes=tuple(p.note for p in points),
        phases=marks,
        cycles=tuple(
            CycleMark(c.number, c.starts_on, c.ends_on, c.get_outcome_display(), c.change_idea)
            for c in sorted(cycles, key=lambda c: (c.starts_on, c.number))
        ),
        run=charts.run_chart(values, baseline, starts, excluded=excluded),
        xmr=charts.xmr_chart(
            values,
            baseline if baseline and baseline >= 2 else None,
            starts,
            run=run,
            excluded=excluded,
        ),
        window=window,
        typed_baseline=getattr(indicator, "baseline", None),
        fixed_baseline=baseline,
        run_length=run,
        excluded=excluded,
        left_out_reasons=left_out,
        interval_days=getattr(indicator, "data_interval_days", None) or 30,
    )
