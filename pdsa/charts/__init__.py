"""Run charts and XmR charts over a series split into phases, and Making Data Count assurance.

Pure functions, no Django, shared by the web pages, the PDF and the SVG renderer. A phase starts
where a change was made and understood (NHSRplotthedots' ``rebase``): each phase is charted as
if alone, with its own centre line and limits (from its own first ``baseline`` points when the
baseline is fixed, the same n in every phase), and no rule run crosses a phase boundary. With no
phases the whole series is one phase, exactly as :mod:`pdsa.charts.signals` computes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import signals
from .signals import (
    COMMON_CAUSE,
    CONCERN,
    IMPROVEMENT,
    LARGEST,
    RUNS_TABLE,
    SPECIAL_CAUSE,
    TRIAL_BELOW,
    RunChart,
    RunPoint,
    XmrChart,
    XmrPoint,
    unchartable,
    variation_icon,
    xmr_reading,
)

__all__ = [
    "COMMON_CAUSE",
    "CONCERN",
    "IMPROVEMENT",
    "LARGEST",
    "RUNS_TABLE",
    "SPECIAL_CAUSE",
    "TRIAL_BELOW",
    "ASSURANCE_WORDS",
    "Phase",
    "RunChart",
    "RunPoint",
    "XmrChart",
    "XmrPoint",
    "assurance",
    "phase_bounds",
    "run_chart",
    "unchartable",
    "variation_icon",
    "xmr_chart",
    "xmr_reading",
]


PASS, FAIL, HIT_AND_MISS = "pass", "fail", "hit_and_miss"
ASSURANCE_WORDS = {
    PASS: "The process will consistently meet the target",
    FAIL: "The process will consistently fail to meet the target",
    HIT_AND_MISS: "The process will hit and miss the target at random",
}


@dataclass(frozen=True)
class Phase:
    """One phase of a chart: points ``start`` to ``end - 1`` and the lines drawn from them.

    ``centre`` is the median (run chart) or the mean (XmR); the limits are None on a run chart
    and on an XmR phase of a single point.
    """

    start: int
    end: int
    baseline: int  # points the centre line (and limits) came from
    centre: float | None
    upper_limit: float | None = None
    lower_limit: float | None = None
    upper_two_thirds: float | None = None
    lower_two_thirds: float | None = None
    collapsed: bool = False  # XmR limits that cannot tell (see XmrChart.collapsed)

    @property
    def trial(self) -> bool:
        """Limits from fewer than 12 points are trial limits."""
        return self.baseline < TRIAL_BELOW

    @property
    def count(self) -> int:
        return self.end - self.start


def phase_bounds(n: int, phases=()) -> list[tuple[int, int]]:
    """(start, end) of each phase of ``n`` points; a start outside 1..n-1 or repeated is
    ignored (a phase marked after the last value has no points yet)."""
    starts = set()
    for start in phases:
        if isinstance(start, bool) or not isinstance(start, int):
            raise TypeError("a phase starts at a whole-number point index")
        if 0 < start < n:
            starts.add(start)
    edges = [0, *sorted(starts), n]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a] or [(0, 0)]


def _inside(excluded, start: int, end: int) -> tuple[int, ...]:
    return tuple(i - start for i in excluded if start <= i < end)


def run_chart(values, baseline: int | None = None, phases=(), excluded=()) -> RunChart:
    """The IHI run chart of each phase, joined. The chart's median, runs and runs test are the
    last phase's; every phase's median is in ``phases``. ``excluded`` points are left out of
    the medians."""
    values = list(values)
    parts, found = [], []
    for start, end in phase_bounds(len(values), phases):
        part = signals.run_chart(values[start:end], baseline, _inside(excluded, start, end))
        parts.append(part)
        used = end - start if baseline is None else min(baseline, end - start)
        found.append(Phase(start, end, used, part.median))
    last = parts[-1]
    points = tuple(p for part in parts for p in part.points)
    return replace(last, points=points, phases=tuple(found))


def xmr_chart(
    values, baseline: int | None = None, phases=(), *, run: int = signals.XMR_RUN, excluded=()
) -> XmrChart:
    """The Making Data Count XmR chart of each phase, joined. The chart's mean and limits are
    the last phase's (what the latest point and assurance are read against); a phase's first
    point has no moving range, as in the reference. ``run`` is the shift and trend length;
    ``excluded`` points are left out of each phase's calculations."""
    values = list(values)
    parts, found, screened = [], [], []
    for start, end in phase_bounds(len(values), phases):
        part = signals.xmr_chart(
            values[start:end], baseline, run=run, excluded=_inside(excluded, start, end)
        )
        parts.append(part)
        screened += [start + i for i in part.screened_out]
        found.append(
            Phase(
                start,
                end,
                part.baseline,
                part.mean,
                part.upper_limit,
                part.lower_limit,
                part.upper_two_thirds,
                part.lower_two_thirds,
                part.collapsed,
            )
        )
    last = parts[-1]
    points = tuple(p for part in parts for p in part.points)
    return replace(last, points=points, screened_out=tuple(screened), phases=tuple(found))


def assurance(chart: XmrChart, target: float | None, better: str | None) -> str | None:
    """Making Data Count assurance of a target against the last phase's process limits.

    A target beyond the limit on the better side will consistently be missed ("fail"), beyond
    the limit on the worse side consistently met ("pass"), between the limits (or on one) hit
    and missed at random ("hit_and_miss"). None without a target, a better direction or limits,
    and None from trial limits (fewer than 12 points): they cannot yet tell.
    """
    if target is None or better is None or chart.upper_limit is None or chart.trial:
        return None
    if better not in ("up", "down"):
        raise ValueError(f'better must be "up", "down" or None, not {better!r}')
    high = FAIL if better == "up" else PASS
    low = PASS if better == "up" else FAIL
    if target > chart.upper_limit:
        return high
    if target < chart.lower_limit:
        return low
    return HIT_AND_MISS
