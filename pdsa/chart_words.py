"""What an indicator's charts say, in words: the run-chart sentence ("too few runs"), each
signal and special cause, and every centre line and limit rounded as shown.

The indicator page and the site progress report (PDF and spreadsheet) read these one
functions, so the report cannot say anything the page does not, nor round a limit another
way."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format
from django.utils.text import capfirst

from .charts import CONCERN, IMPROVEMENT

CENT = Decimal("0.01")
NO_RUN_SIGNALS = "No signals: the variation looks random so far."
NO_SPECIAL_CAUSES = "Common cause variation only."
TONES = {IMPROVEMENT: "signal-ok", CONCERN: "signal-bad"}


def rounded(value: float | None) -> float | None:
    """A centre line or limit as the pages show it: two decimal places, halves rounded up
    (as Django's ``floatformat``, from the number's shortest decimal form)."""
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_UP))


def shown(value: float | None) -> str:
    """``rounded`` as text: "12.50", "12" for a whole number."""
    return "" if value is None else floatformat(rounded(value), -2)


@dataclass(frozen=True)
class Said:
    """One statement: a label the page sets in bold, then the rest of the sentence."""

    label: str
    text: str
    tone: str = ""

    def __str__(self) -> str:
        return f"{self.label} {self.text}"


@dataclass(frozen=True)
class ChartWords:
    run_sentence: str  # "Median 4 beds. 5 runs among 20 points off the median (...)."
    runs_verdict: Said | None  # too few or too many runs
    run_signals: tuple[Said, ...]
    xmr_signals: tuple[Said, ...]

    @property
    def sentences(self) -> list[str]:
        """Everything said, as plain sentences (what a PDF's text must contain)."""
        said = [self.run_sentence] if self.run_sentence else []
        said += [str(s) for s in (self.runs_verdict, *self.run_signals, *self.xmr_signals) if s]
        return said


def when(stretch) -> str:
    """The dates and values of a stretch of signalled points."""
    first, last = stretch.first, stretch.last
    if stretch.count == 1:
        return f"on {_day(first.date)} ({shown(first.value)})"
    return (
        f"from {_day(first.date)} to {_day(last.date)} ({stretch.count} points, "
        f"{shown(first.value)} to {shown(last.value)})"
    )


def words(results, run_signals, xmr_signals) -> ChartWords:
    """``run_signals`` and ``xmr_signals`` are the stretches of ``chart_cache.signals``."""
    return ChartWords(
        run_sentence=run_sentence(results),
        runs_verdict=runs_verdict(results.run),
        run_signals=tuple(Said("Signal", f"{when(s)}: {s.reading}") for s in run_signals),
        xmr_signals=tuple(
            Said(capfirst(s.reading[0]), f"{when(s)}: {s.reading[1]}", TONES.get(s.reading[0], ""))
            for s in xmr_signals
        ),
    )


def run_sentence(results) -> str:
    run = results.run
    if run.median is None:
        return ""
    unit = f" {results.unit}" if results.unit else ""
    latest = " in the latest phase" if len(results.phase_summaries()) > 1 else ""
    expected = (
        f" (expected {run.runs_lower} to {run.runs_upper})" if run.runs_lower is not None else ""
    )
    runs = f"{run.runs} run{'' if run.runs == 1 else 's'}"
    return (
        f"Median {shown(run.median)}{unit}{latest}. {runs} among {run.useful_points} points "
        f"off the median{expected}."
    )


def runs_verdict(run) -> Said | None:
    if run.median is None:
        return None
    if run.too_few_runs:
        return Said("Too few runs:", "a signal of non-random change.")
    if run.too_many_runs:
        return Said("Too many runs:", "a signal of non-random variation.")
    return None


def _day(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")
