"""What an indicator's charts cannot yet tell, said under them (domain.md "Limits that cannot
yet tell"): trial limits, short phases, limits that collapse, values left out of the
calculations and missing periods. Pure: read from :class:`~pdsa.chart_results.ChartResults`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .charts import TRIAL_BELOW

TRIAL, SHORT_PHASE, COLLAPSED, LEFT_OUT, GAP = (
    "trial",
    "short_phase",
    "collapsed",
    "left_out",
    "gap",
)
RUN_CHART_KINDS = (LEFT_OUT, GAP)  # the rest are about the XmR limits


@dataclass(frozen=True)
class ChartWarning:
    kind: str
    text: str


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%b %Y}"


def needs_more(count: int) -> str:
    n = TRIAL_BELOW - count
    return f"needs {n} more value{'s' if n != 1 else ''}"


def gaps(dates, interval_days: int) -> list[tuple[int, datetime.date, datetime.date]]:
    """(index after the gap, last date before, first date after) where a whole expected
    period has no value: more than one and a half intervals between two values."""
    allowed = interval_days * 1.5
    return [
        (i, a, b)
        for i, (a, b) in enumerate(zip(dates, dates[1:], strict=False), start=1)
        if (b - a).days > allowed
    ]


def chart_warnings(results) -> tuple[ChartWarning, ...]:
    if results.too_large or len(results.values) < 2:
        return ()
    found = []
    phases = [p for p in results.xmr.phases if p.end > p.start]
    several = len(phases) > 1
    for number, phase in enumerate(phases, start=1):
        named = f"Phase {number} (from {_day(results.dates[phase.start])})" if several else ""
        latest = number == len(phases)
        if phase.upper_limit is None:
            found.append(
                ChartWarning(
                    SHORT_PHASE,
                    f"{named or 'The chart'} has {phase.count} value: no limits until it has 2, "
                    f"and trial limits until it has {TRIAL_BELOW}.",
                )
            )
            continue
        if phase.trial:
            what = f"{named}'s" if named else "The"
            text = (
                f"{what} XmR limits are trial limits: they come from {phase.baseline} "
                f"value{'s' if phase.baseline != 1 else ''} (fewer than {TRIAL_BELOW}), so they "
                f"cannot yet tell; {needs_more(phase.baseline)}."
            )
            if latest and results.target is not None:
                text += " No assurance about the target is given from trial limits."
            found.append(ChartWarning(SHORT_PHASE if several else TRIAL, text))
        if phase.collapsed:
            outside = sum(
                "outside" in p.signals for p in results.xmr.points[phase.start : phase.end]
            )
            why = (
                "the values barely vary (mean moving range 0)"
                if phase.upper_limit == phase.lower_limit
                else f"{outside} of its {phase.count} values lie outside them"
            )
            found.append(
                ChartWarning(
                    COLLAPSED,
                    f"{named + ': the' if named else 'The'} XmR limits cannot tell: {why}. "
                    "Step-like counts (head counts, courses) are often better read on the run "
                    "chart.",
                )
            )
    left_out = [i for i in results.excluded if i < len(results.dates)]
    if left_out:
        reasons = "; ".join(
            f"{_day(results.dates[i])}: {results.left_out_reasons[i]}" for i in left_out
        )
        found.append(
            ChartWarning(
                LEFT_OUT,
                f"Left out of the calculations (hollow on the charts, kept in the table): "
                f"{reasons}.",
            )
        )
    for _, before, after in gaps(results.dates, results.interval_days):
        found.append(
            ChartWarning(
                GAP,
                f"No value between {_day(before)} and {_day(after)} (one is expected every "
                f"{results.interval_days} days): the line breaks there; the calculations use "
                "the values as they come.",
            )
        )
    return tuple(found)
