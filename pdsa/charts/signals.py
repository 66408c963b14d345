"""Signal rules for run charts (IHI) and XmR charts (NHS "Making Data Count") over one phase.

Pure functions over a list of numbers in time order, so the rules can be tested without
Django. :mod:`pdsa.charts` splits a series into phases and runs these on each.

The XmR rules reproduce NHSRplotthedots (``ptd_spc_standard`` and ``ptd_calculate_point_type``,
nhs-r-community/NHSRplotthedots) point for point; the only departure is documented in
:func:`xmr_chart` (all moving ranges zero).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from itertools import pairwise

# NHS "Making Data Count" constants, as in NHSRplotthedots.
LIMIT_FACTOR = 2.66  # 3 sigma from the mean moving range (3 / d2, d2 = 1.128)
NEAR_FACTOR = 2 * (LIMIT_FACTOR / 3)  # the two-thirds line, same expression as the reference
SCREEN_FACTOR = 3.267  # D4: a moving range this large is itself a special cause
XMR_RUN = 7  # points for a shift or a trend (the Making Data Count tool also offers 6)
XMR_RUN_CHOICES = (6, 7)
TRIAL_BELOW = 12  # limits from fewer points are provisional (NHSRplotthedots warns below 12)

# IHI run chart rules.
RUN_SHIFT = 6
RUN_TREND = 5
ASTRONOMICAL_MOST = 2  # a spike of up to two adjacent points; longer is a shift, not a spike

# Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical tool for learning from
# variation in healthcare processes." BMJ Qual Saf 2011;20:46-51, Table 1 (adapted from Swed &
# Eisenhart 1943, about a 5% risk of a false signal). Key: useful observations (points not on
# the median); value: (lower, upper) number of runs. Fewer runs than the lower limit is "too
# few", more than the upper limit is "too many". The table stops at 10-60 observations, so
# outside that range the runs test is not applied.
RUNS_TABLE: dict[int, tuple[int, int]] = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12),
    16: (5, 13), 17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16),
    22: (7, 17), 23: (7, 17), 24: (8, 18), 25: (8, 18), 26: (9, 19), 27: (10, 19),
    28: (10, 20), 29: (10, 20), 30: (11, 21), 31: (11, 22), 32: (11, 22), 33: (11, 23),
    34: (12, 23), 35: (13, 24), 36: (13, 24), 37: (13, 25), 38: (14, 26), 39: (14, 26),
    40: (15, 27), 41: (15, 27), 42: (16, 28), 43: (16, 28), 44: (17, 29), 45: (17, 30),
    46: (17, 30), 47: (18, 31), 48: (18, 31), 49: (19, 32), 50: (19, 32), 51: (20, 33),
    52: (20, 33), 53: (21, 34), 54: (21, 35), 55: (22, 35), 56: (22, 36), 57: (23, 36),
    58: (23, 37), 59: (24, 38), 60: (24, 38),
}  # fmt: skip

# The charts' arithmetic (medians, moving ranges, limits, the axis scale) stays exact and
# finite for values up to here; a stored value beyond it (1e308 from an old import) is not
# charted, and the page says which value to correct.
LARGEST = 1e12

IMPROVEMENT = "improvement"
CONCERN = "concern"
COMMON_CAUSE = "common cause"
SPECIAL_CAUSE = "special cause"  # a signal on an indicator with no better direction


@dataclass(frozen=True)
class RunPoint:
    value: float
    position: str  # "above", "below" or "on" the median
    signals: frozenset[str]  # subset of {"shift", "trend", "astronomical"}


@dataclass(frozen=True)
class RunChart:
    points: tuple[RunPoint, ...]
    median: float | None
    runs: int
    useful_points: int
    runs_lower: int | None  # None when the Perla table does not cover useful_points
    runs_upper: int | None
    too_few_runs: bool
    too_many_runs: bool
    phases: tuple = ()  # pdsa.charts.Phase of each phase, when split into phases


@dataclass(frozen=True)
class XmrPoint:
    value: float
    moving_range: float | None  # |value - previous value|; None for the first point
    signals: frozenset[str]  # subset of {"outside", "shift", "trend", "two_of_three"}
    # The rule the reference reports for this point (outside > trend > two_of_three > shift)
    # and which way it points; both None for common cause.
    cause: str | None
    side: str | None  # "high" or "low"

    def reading(self, better: str | None) -> str:
        """Improvement, concern or common cause, given which way the indicator is better.

        ``better=None`` is the reference's "neutral" direction: a signal is just a special cause.
        """
        if self.side is None:
            return COMMON_CAUSE
        if better is None:
            return SPECIAL_CAUSE
        return IMPROVEMENT if self.side == _high_side(better) else CONCERN


@dataclass(frozen=True)
class XmrChart:
    points: tuple[XmrPoint, ...]
    baseline: int  # points the centre line and limits were computed from
    mean: float | None
    mean_moving_range: float | None  # after screening; None with fewer than two points
    upper_limit: float | None
    lower_limit: float | None
    upper_two_thirds: float | None
    lower_two_thirds: float | None
    screened_out: tuple[int, ...]  # indexes of points whose moving range was dropped
    phases: tuple = ()  # pdsa.charts.Phase of each phase, when split into phases

    @property
    def trial(self) -> bool:
        """The (latest) limits come from fewer than 12 points: trial limits."""
        return self.upper_limit is not None and self.baseline < TRIAL_BELOW

    @property
    def collapsed(self) -> bool:
        """Limits that cannot tell: the mean moving range is 0, or most points lie outside
        them (step-like counts); a run chart reads such data better."""
        if self.upper_limit is None:
            return False
        outside = sum("outside" in p.signals for p in self.points)
        return self.mean_moving_range == 0 or outside * 2 > len(self.points)


def _high_side(better: str) -> str:
    if better not in ("up", "down"):
        raise ValueError(f'better must be "up", "down" or None, not {better!r}')
    return "high" if better == "up" else "low"


def unchartable(values) -> int | None:
    """The index of the first value no chart can draw (not finite, or beyond ±LARGEST)."""
    for index, value in enumerate(values):
        if not (math.isfinite(value) and abs(value) <= LARGEST):
            return index
    return None


def _numbers(values) -> list[float]:
    numbers = [float(v) for v in values]
    if unchartable(numbers) is not None:
        raise ValueError(f"chart values must be finite numbers within ±{LARGEST:g}")
    return numbers


def _check_baseline(baseline, *, least: int) -> None:
    if baseline is not None and (isinstance(baseline, bool) or not isinstance(baseline, int)):
        raise TypeError("baseline must be a whole number of points")
    if baseline is not None and baseline < least:
        raise ValueError(f"baseline must use at least {least} points, not {baseline}")


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _runs_of(keys: list, indexes: list[int] | None = None) -> list[tuple[object, list[int]]]:
    """Group consecutive equal keys into (key, original indexes)."""
    indexes = list(range(len(keys))) if indexes is None else indexes
    groups: list[tuple[object, list[int]]] = []
    for key, index in zip(keys, indexes, strict=True):
        if groups and groups[-1][0] == key:
            groups[-1][1].append(index)
        else:
            groups.append((key, [index]))
    return groups


def _monotone_runs(values: list[float], length: int) -> list[tuple[int, list[int]]]:
    """Stretches of ``length``+ points each strictly above (+1) or below (-1) the one before."""
    steps = [_sign(b - a) for a, b in pairwise(values)]
    found = []
    for direction, step_indexes in _runs_of(steps):
        if direction != 0 and len(step_indexes) + 1 >= length:
            found.append((direction, [step_indexes[0]] + [i + 1 for i in step_indexes]))
    return found


# --- Run chart -------------------------------------------------------------------------------


def run_chart(values, baseline: int | None = None, excluded=()) -> RunChart:
    """IHI run chart: median line, shift, trend, number of runs and astronomical points.

    Decisions, following IHI practice (Perla et al. 2011):

    * A point exactly on the median is not useful: it neither counts toward a run or shift nor
      breaks one, and it is not flagged as part of the shift it sits in.
    * Trend: 5+ points each going up (or each going down). Consecutive equal values ("like
      values") are counted once and do not break the trend; every point of the stretch,
      repeats included, is flagged.
    * Runs: series of consecutive useful points on the same side of the median. Too few / too
      many runs is judged with the Perla table (:data:`RUNS_TABLE`) when it covers the number of
      useful points (10 to 60) and is False otherwise.
    * Astronomical point: IHI leaves this to judgement ("obviously different"); here it is a
      spike of one or two adjacent points: beyond the XmR process limits of the same data
      (:func:`xmr_chart`, about 3 sigma) on the same side, reached and left by an abnormally
      large jump, i.e. a moving range the XmR screening drops (>= 3.267 x the mean moving range).
      The jump condition stops a step change, where every point sits far from the overall mean,
      from flagging every point; a sustained change shows as a shift instead.

    The median comes from the first ``baseline`` points (all points when None or when the data
    are shorter), less any ``excluded`` ones, and is extended over the rest (IHI); the rules
    run over every point.
    """
    _check_baseline(baseline, least=1)
    numbers = _numbers(values)
    base = numbers if baseline is None else numbers[:baseline]
    used = [v for i, v in enumerate(base) if i not in set(excluded)]
    if not used:
        return RunChart((), None, 0, 0, None, None, False, False)
    median = statistics.median(used)
    positions = ["above" if v > median else "below" if v < median else "on" for v in numbers]
    signals: list[set[str]] = [set() for _ in numbers]

    useful = [i for i, p in enumerate(positions) if p != "on"]
    runs = _runs_of([positions[i] for i in useful], useful)
    for _, run in runs:
        if len(run) >= RUN_SHIFT:
            for i in run:
                signals[i].add("shift")

    distinct = _runs_of(numbers)  # like values collapse into one step
    for _, steps in _monotone_runs([value for value, _ in distinct], RUN_TREND):
        for step in steps:
            for i in distinct[step][1]:
                signals[i].add("trend")

    for i in _astronomical(numbers):
        signals[i].add("astronomical")

    lower, upper = RUNS_TABLE.get(len(useful), (None, None))
    return RunChart(
        points=tuple(
            RunPoint(value, position, frozenset(flags))
            for value, position, flags in zip(numbers, positions, signals, strict=True)
        ),
        median=median,
        runs=len(runs),
        useful_points=len(useful),
        runs_lower=lower,
        runs_upper=upper,
        too_few_runs=lower is not None and len(runs) < lower,
        too_many_runs=upper is not None and len(runs) > upper,
    )


def _astronomical(numbers: list[float]) -> list[int]:
    """Spikes of one or two points in a row beyond the limits on the same side, reached and
    left by an abnormally large jump (a moving range the screening drops) or the series' edge."""
    xmr = xmr_chart(numbers)
    jumps = set(xmr.screened_out)  # i: the step from point i - 1 to point i is abnormally large
    sides = [_sign(p.value - xmr.mean) if "outside" in p.signals else 0 for p in xmr.points]
    found = []
    for side, block in _runs_of(sides):
        first, last = block[0], block[-1]
        if (
            side != 0
            and len(block) <= ASTRONOMICAL_MOST
            and (first == 0 or first in jumps)
            and (last == len(numbers) - 1 or last + 1 in jumps)
        ):
            found += block
    return found


# --- XmR chart -------------------------------------------------------------------------------


def xmr_chart(values, baseline: int | None = None, *, run: int = XMR_RUN, excluded=()) -> XmrChart:
    """XmR chart with the NHS "Making Data Count" rules, as NHSRplotthedots computes them.

    The mean and mean moving range come from the first ``baseline`` points (all points when
    None or when the data are shorter); moving ranges >= 3.267 x the mean moving range are
    dropped and the mean recomputed once; limits are mean +/- 2.66 x mean moving range. The
    rules then run over every point:

    * outside: strictly beyond a limit;
    * shift: 7+ points in a row strictly on one side of the mean (a point on it breaks the run);
    * trend: 7+ points in a row each strictly above (or below) the one before, i.e. 6 rises;
    * two_of_three: of 3 consecutive points all on the same side of the mean, the ones beyond the
      two-thirds line but not outside the limits, when there are 2 or more of them.

    Every point of a shift or trend is flagged. ``cause`` and ``side`` follow the reference's
    single label per point: outside (side of the mean), then trend (direction of the trend,
    taken from the step to the next point when that point is also in a trend, else from the step
    from the previous one), then two_of_three and shift (side of the mean).

    ``run`` is the shift and trend length (7, or 6 as the Making Data Count tool allows).
    ``excluded`` indexes are left out of the calculations (mean and moving ranges, taken
    between the remaining values) but kept on the chart and tested by every rule, as the
    Making Data Count tool's "exclude from calculations" does.

    Departure from the reference: when every moving range is zero (all values equal) the
    reference screens them all out and returns NaN limits; here the limits equal the mean, so
    nothing is outside unless it differs from the mean. With one point there is no moving range
    and no limits; the point is common cause.
    """
    _check_baseline(baseline, least=2)
    numbers = _numbers(values)
    n_base = len(numbers) if baseline is None else min(baseline, len(numbers))
    moving = [None][: len(numbers)] + [abs(b - a) for a, b in pairwise(numbers)]
    left_out = set(excluded)
    used = [i for i in range(n_base) if i not in left_out]
    plain = tuple(
        XmrPoint(v, m, frozenset(), None, None) for v, m in zip(numbers, moving, strict=True)
    )
    if not used:
        return XmrChart(plain, 0, None, None, None, None, None, None, ())
    mean = statistics.mean(numbers[i] for i in used)  # exact: equal values give their own value
    if len(used) == 1:  # a single value: no moving range, so no limits (baseline is at least 2)
        return XmrChart(plain, 1, mean, None, None, None, None, None, ())

    # (index, range): each used value's step from the used value before it
    base_ranges = [(b, abs(numbers[b] - numbers[a])) for a, b in pairwise(used)]
    mr = statistics.mean(r for _, r in base_ranges)
    screened_out: tuple[int, ...] = ()
    if mr > 0:
        screened_out = tuple(i for i, r in base_ranges if r >= SCREEN_FACTOR * mr)
        mr = statistics.mean(r for _, r in base_ranges if r < SCREEN_FACTOR * mr)
    upper, lower = mean + LIMIT_FACTOR * mr, mean - LIMIT_FACTOR * mr
    near_upper, near_lower = mean + NEAR_FACTOR * mr, mean - NEAR_FACTOR * mr

    relative = [_sign(v - mean) for v in numbers]
    outside = [v > upper or v < lower for v in numbers]
    near = [
        not out and (v > near_upper or v < near_lower)
        for v, out in zip(numbers, outside, strict=True)
    ]
    signals: list[set[str]] = [{"outside"} if out else set() for out in outside]

    for side, stretch in _runs_of(relative):
        if side != 0 and len(stretch) >= run:
            for i in stretch:
                signals[i].add("shift")

    in_trend = [False] * len(numbers)
    for _, stretch in _monotone_runs(numbers, run):
        for i in stretch:
            in_trend[i] = True
            signals[i].add("trend")

    for start in range(len(numbers) - 2):
        window = range(start, start + 3)
        if abs(sum(relative[i] for i in window)) == 3 and sum(near[i] for i in window) >= 2:
            for i in window:
                if near[i]:
                    signals[i].add("two_of_three")

    points = []
    for i, v in enumerate(numbers):
        cause, side = _cause(i, numbers, relative, signals[i], in_trend)
        points.append(XmrPoint(v, moving[i], frozenset(signals[i]), cause, side))
    return XmrChart(
        points=tuple(points),
        baseline=len(used),
        mean=mean,
        mean_moving_range=mr,
        upper_limit=upper,
        lower_limit=lower,
        upper_two_thirds=near_upper,
        lower_two_thirds=near_lower,
        screened_out=screened_out,
    )


def _cause(i, numbers, relative, signals, in_trend) -> tuple[str | None, str | None]:
    """The reference's one label per point (``ptd_special_cause_type``), as (rule, side)."""
    mean_side = "high" if relative[i] > 0 else "low"
    if "outside" in signals:
        return "outside", mean_side
    if "trend" in signals:
        if i + 1 < len(numbers) and in_trend[i + 1]:
            step = numbers[i + 1] - numbers[i]
        else:
            step = numbers[i] - numbers[i - 1] if i else 0.0
        return "trend", "high" if step > 0 else "low"
    for rule in ("two_of_three", "shift"):
        if rule in signals:
            return rule, mean_side
    return None, None


def xmr_reading(chart: XmrChart, better: str | None) -> tuple[str, ...]:
    """Per point: "improvement", "concern", "common cause" (or "special cause" if no direction)."""
    return tuple(point.reading(better) for point in chart.points)


def variation_icon(chart: XmrChart, better: str | None) -> str | None:
    """The Making Data Count variation icon for the latest point, named as in NHSRplotthedots.

    One of common_cause, improvement_high/low, concern_high/low, neutral_high/low; None when
    there is no data.
    """
    if not chart.points:
        return None
    latest = chart.points[-1]
    if latest.side is None:
        return "common_cause"
    kind = {IMPROVEMENT: "improvement", CONCERN: "concern", SPECIAL_CAUSE: "neutral"}
    return f"{kind[latest.reading(better)]}_{latest.side}"
