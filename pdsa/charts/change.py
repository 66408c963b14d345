"""What one indicator's data say about the goal's change, as the progress score reads it
(domain.md, "The progress score, read from the data").

The change's act date splits the series into *before* and *after*. The before points give the
baseline level and the limits the after points are read against (extended, as a fixed
baseline in NHSRplotthedots): a phase drawn at the change never hides an improvement. Pure:
no Django.
"""

from __future__ import annotations

import bisect
import datetime
import statistics
from dataclasses import dataclass

from . import assurance, signals
from .signals import IMPROVEMENT, TRIAL_BELOW

BASELINE_LEAST = 6  # before points for the baseline level to come from the data
LATEST = 12  # the current level is the mean of the latest 12 after points


@dataclass(frozen=True)
class ChangeReading:
    change_on: datetime.date | None
    before: int  # points before the change
    after: int  # points on or after the change
    baseline: float | None  # B: the before mean (6+ points), else the typed baseline
    baseline_from_data: bool
    current: float | None  # C: mean of the latest 12 after points (of the latest phase)
    target: float | None
    better: str | None
    completion: float | None  # (C - B) / (T - B) clipped to 0-1; 1 when C meets T
    meets_target: bool
    improved_on: datetime.date | None  # first after point signalling improvement (before limits)
    before_trial: bool  # the before limits come from fewer than 12 points
    sustained: bool
    concern_on: datetime.date | None  # a concern among the latest 12 points (latest limits)
    assured_points: int  # points of the after limits the assurance is read from
    assured: bool  # assurance "pass" from limits on 12+ after points

    @property
    def needs_for_assurance(self) -> int:
        return max(0, TRIAL_BELOW - self.assured_points)


def read_change(
    *,
    dates,
    values,
    better: str | None,
    target: float | None,
    typed_baseline: float | None,
    change_on: datetime.date | None,
    phase_starts=(),
    run: int = signals.XMR_RUN,
    excluded=(),
    fixed_baseline: int | None = None,
    concerns=(),
) -> ChangeReading:
    """``phase_starts`` are the phases' first dates; ``concerns`` flags each point read as a
    concern on the chart as drawn (its phases' own limits)."""
    dates, values = list(dates), list(values)
    left_out = set(excluded)
    split = len(dates) if change_on is None else bisect.bisect_left(dates, change_on)
    before = [v for i, v in enumerate(values[:split]) if i not in left_out]
    after_index = list(range(split, len(values)))

    baseline = typed_baseline
    if len(before) >= BASELINE_LEAST:
        baseline = statistics.mean(before)
    current_start = split
    if change_on is not None:
        later = [
            d for d in phase_starts if d >= change_on and bisect.bisect_left(dates, d) < len(dates)
        ]
        if later:
            current_start = bisect.bisect_left(dates, max(later))
    current_values = [values[i] for i in range(current_start, len(values)) if i not in left_out]
    current = statistics.mean(current_values[-LATEST:]) if current_values else None
    meets = _meets(current, target, better)
    completion = _completion(baseline, current, target, better, meets)

    improved_on = None
    if change_on is not None and len(before) >= 2 and better in ("up", "down"):
        chart = signals.xmr_chart(values, split, run=run, excluded=sorted(left_out))
        improved_on = next(
            (dates[i] for i in after_index if chart.points[i].reading(better) == IMPROVEMENT),
            None,
        )

    concerns = list(concerns)
    latest = range(max(split, len(dates) - LATEST), min(len(dates), len(concerns)))
    concern_on = next((dates[i] for i in latest if concerns[i]), None)  # the old days' don't count
    in_a_row = _longest_better_run([values[i] for i in after_index], baseline, better)
    sustained = (in_a_row >= run or len(after_index) >= LATEST) and concern_on is None

    assured_points, assured = 0, False
    segment = [values[i] for i in range(current_start, len(values))]
    if change_on is not None and segment:
        fixed = fixed_baseline if fixed_baseline and fixed_baseline >= 2 else None
        local = [i - current_start for i in left_out if i >= current_start]
        chart = signals.xmr_chart(segment, fixed, run=run, excluded=local)
        assured_points = chart.baseline
        assured = meets and assurance(chart, target, better) == "pass"
    return ChangeReading(
        change_on=change_on,
        before=split,
        after=len(after_index),
        baseline=baseline,
        baseline_from_data=len(before) >= BASELINE_LEAST,
        current=current if change_on is not None else None,
        target=target,
        better=better,
        completion=completion if change_on is not None else None,
        meets_target=meets and change_on is not None,
        improved_on=improved_on,
        before_trial=len(before) < TRIAL_BELOW,
        sustained=change_on is not None and bool(after_index) and sustained,
        concern_on=concern_on,
        assured_points=assured_points,
        assured=assured,
    )


def _meets(current, target, better) -> bool:
    if current is None or target is None or better not in ("up", "down"):
        return False
    return current >= target if better == "up" else current <= target


def _completion(baseline, current, target, better, meets) -> float | None:
    if baseline is None or current is None or target is None or better not in ("up", "down"):
        return None
    if meets:
        return 1.0
    sign = 1 if better == "up" else -1
    if (target - baseline) * sign <= 0:
        return 0.0  # the target is not on the better side of the baseline level
    return min(1.0, max(0.0, (current - baseline) / (target - baseline)))


def _longest_better_run(after, baseline, better) -> int:
    if baseline is None or better not in ("up", "down"):
        return 0
    sign = 1 if better == "up" else -1
    longest = length = 0
    for value in after:
        length = length + 1 if (value - baseline) * sign > 0 else 0
        longest = max(longest, length)
    return longest
