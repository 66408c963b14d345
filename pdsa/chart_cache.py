"""An indicator's chart results (``chart_results.compute``), computed once per change of its
data, phases or cycles and kept in the shared cache (Redis in production, files on the
embedded default).

The key carries ``Indicator.data_version``, a new random number written by every change that
alters what the charts show (``services.charts_changed``), so a stale result is never read
and nothing has to be deleted. Three entries per version:

* :func:`results`: the whole :class:`~pdsa.chart_results.ChartResults`;
* :func:`summaries`: :class:`ChartSummary`, what the charts say about the latest point, small
  enough for a page listing hundreds of indicators (the review form) to read at once;
* :func:`page`: the indicator page's charts as SVG and their signals in words;
* :func:`reads_many`: the indicator read against its goal's change (``progress.Read``), a
  few numbers where the results are every point, so a site's progress score reads hundreds
  of indicators without unpickling their points (keyed on the change's date as well);
* :func:`sheets_many`: what the site report's spreadsheet writes of the results (each
  phase's limits, each value's XmR reading), so the report unpickles whole results only for
  the few indicators it charts.

Pages, the review form and the reports read these; nothing recomputes a chart per request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects

from . import chart_words, progress
from .chart_results import ChartResults, PhaseSummary, compute
from .chart_words import ChartWords
from .indicator_svg import legend_notes, render_indicator_svg
from .models import Cycle, DataPoint, Indicator, Phase

VERSION = 3  # of what is stored: results stored by an older version are not read
TIMEOUT = 60 * 60 * 24 * 30  # unread results age out; a write makes them unreachable anyway

SIGNAL_NAMES = {
    "shift": "shift (6 or more points on one side of the median)",
    "trend": "trend (5 or more points all going up or all going down)",
    "astronomical": "astronomical point",
}
XMR_CAUSES = {
    "outside": "outside the process limits",
    "shift": "{run} or more points on one side of the mean",
    "trend": "{run} or more points each higher (or lower) than the last",
    "two_of_three": "2 of 3 points beyond two thirds of the way to a limit",
}


def cause_words(cause: str, run: int) -> str:
    """The XmR rule in words, with the indicator's shift and trend length."""
    return XMR_CAUSES[cause].format(run=run)


UNCHARTABLE = "not charted: a value is too large (correct it on the indicator's page)"
RUN_SIGNAL_TEXT = {
    "shift": "a shift (6 or more points on one side of the median)",
    "trend": "a trend (5 or more points going one way)",
    "astronomical": "an astronomical point",
}


@dataclass(frozen=True)
class Point:
    date: datetime.date
    value: float


@dataclass(frozen=True)
class ChartSummary:
    """What an indicator's charts say about its latest point (and the icons, with words)."""

    points: int
    latest: Point | None
    run_signals: frozenset[str]  # the latest point's run-chart rules
    xmr_cause: str | None  # the latest point's XmR rule, None for common cause
    xmr_reading: str | None  # improvement, concern, special cause or common cause
    variation: str | None
    variation_words: str
    assurance: str | None
    assurance_words: str
    too_large: bool = False  # a value too large to chart: nothing is charted
    run_length: int = 7  # the indicator's shift and trend length

    @property
    def xmr_signal(self) -> str:
        if self.too_large:
            return UNCHARTABLE
        if self.points < 2:
            return "too few points for an XmR chart"
        if self.xmr_cause is None:
            return "common cause variation (no signal at the latest point)"
        return f"{self.xmr_reading}: {cause_words(self.xmr_cause, self.run_length)}"

    @property
    def run_signal(self) -> str:
        if self.too_large:
            return UNCHARTABLE
        if not self.points:
            return "no data yet"
        if not self.run_signals:
            return "no run-chart signal at the latest point"
        return "the latest point is part of " + " and ".join(
            RUN_SIGNAL_TEXT[name] for name in sorted(self.run_signals)
        )


@dataclass(frozen=True)
class Stretch:
    """Consecutive points carrying the same signal, told once: a shift over a year of daily
    values is one sentence, not 300."""

    first: Point
    last: Point
    count: int
    reading: object


@dataclass(frozen=True)
class ChartPage:
    results: ChartResults
    phase_lines: tuple[PhaseSummary, ...]
    run_svg: str
    xmr_svg: str
    run_signals: tuple[Stretch, ...]
    xmr_signals: tuple[Stretch, ...]

    @property
    def words(self) -> ChartWords:
        return chart_words.words(self.results, self.run_signals, self.xmr_signals)


def _key(kind: str, indicator: Indicator) -> str:
    return f"pdsa:{VERSION}:{kind}:{indicator.pk}:{indicator.data_version}"


def _read(indicators) -> dict[int, ChartResults]:
    """Compute from the database: three queries for any number of indicators, whose data,
    phases and cycles stay prefetched on them (the indicator page lists its data from it)."""
    prefetch_related_objects(
        indicators,
        Prefetch("data_points", queryset=DataPoint.objects.order_by("date")),
        Prefetch("phases", queryset=Phase.objects.order_by("starts_on")),
        Prefetch("cycles", queryset=Cycle.objects.order_by("starts_on", "number")),
    )
    return {
        i.pk: compute(
            i, list(i.data_points.all()), phases=list(i.phases.all()), cycles=list(i.cycles.all())
        )
        for i in indicators
    }


def results(indicator: Indicator) -> ChartResults:
    return results_many([indicator])[indicator.pk]


def results_many(indicators) -> dict[int, ChartResults]:
    """Each indicator's whole results by pk: one cache read; three queries for any not
    stored yet."""
    keys = {_key("results", i): i for i in indicators}
    found = cache.get_many(keys)
    by_pk = {keys[key].pk: r for key, r in found.items()}
    missing = [i for key, i in keys.items() if key not in found]
    if missing:
        computed = _read(missing)
        cache.set_many({_key("results", i): computed[i.pk] for i in missing}, TIMEOUT)
        by_pk |= computed
    return by_pk


def reads_many(changes: dict[Indicator, datetime.date | None]) -> dict[int, progress.Read]:
    """Each indicator read against its goal's change (``changes``: the act date of the
    change, or None) by pk: one cache read; the results of any not stored yet."""
    keys = {f"{_key('read', i)}:{on}": i for i, on in changes.items()}
    found = cache.get_many(keys)
    by_pk = {keys[key].pk: read for key, read in found.items()}
    missing = {key: i for key, i in keys.items() if key not in found}
    if missing:
        results = results_many(list(missing.values()))
        computed = {
            key: progress.read_indicator(results[i.pk], changes[i]) for key, i in missing.items()
        }
        cache.set_many(computed, TIMEOUT)
        by_pk |= {missing[key].pk: read for key, read in computed.items()}
    return by_pk


@dataclass(frozen=True)
class Sheet:
    """An indicator's results as the site report's spreadsheet writes them: its latest date,
    each phase as (number, first, last, reason, median, mean, lower limit, upper limit,
    trial) and each value's XmR reading in date order (None: too large to chart)."""

    latest: datetime.date | None
    phases: tuple[tuple, ...]
    readings: tuple[str, ...] | None


def sheets_many(indicators) -> dict[int, Sheet]:
    """Each indicator's spreadsheet rows by pk: one cache read; the results of any not
    stored yet."""
    keys = {_key("sheet", i): i for i in indicators}
    found = cache.get_many(keys)
    by_pk = {keys[key].pk: sheet for key, sheet in found.items()}
    missing = {key: i for key, i in keys.items() if key not in found}
    if missing:
        results = results_many(list(missing.values()))
        computed = {key: _sheet(results[i.pk]) for key, i in missing.items()}
        cache.set_many(computed, TIMEOUT)
        by_pk |= {missing[key].pk: sheet for key, sheet in computed.items()}
    return by_pk


def _sheet(results: ChartResults) -> Sheet:
    phases = tuple(
        (p.number, p.first, p.last, p.reason, p.median, p.xmr.centre, p.xmr.lower_limit,
         p.xmr.upper_limit, p.xmr.trial)
        for p in results.phase_summaries()
    )  # fmt: skip
    readings = None
    if not results.too_large:
        readings = tuple(x.reading(results.better) for x in results.xmr.points)
    return Sheet(results.dates[-1] if results.dates else None, phases, readings)


def summarise(results: ChartResults) -> ChartSummary:
    xmr = results.xmr.points[-1] if results.xmr.points else None
    return ChartSummary(
        points=len(results.values),
        latest=Point(results.dates[-1], results.values[-1]) if results.values else None,
        run_signals=results.run.points[-1].signals if results.run.points else frozenset(),
        xmr_cause=xmr.cause if xmr else None,
        xmr_reading=xmr.reading(results.better) if xmr else None,
        variation=results.variation,
        variation_words=results.variation_words,
        assurance=results.assurance,
        assurance_words=results.assurance_words,
        too_large=results.too_large is not None,
        run_length=results.run_length,
    )


def summaries(indicators) -> dict[int, ChartSummary]:
    """Each indicator's summary by pk: one cache read; three queries for any not stored."""
    keys = {_key("summary", i): i for i in indicators}
    found = cache.get_many(keys)
    by_pk = {keys[key].pk: summary for key, summary in found.items()}
    missing = [i for key, i in keys.items() if key not in found]
    if missing:
        computed = {pk: summarise(r) for pk, r in _read(missing).items()}
        cache.set_many({_key("summary", i): computed[i.pk] for i in missing}, TIMEOUT)
        by_pk |= computed
    return by_pk


@dataclass(frozen=True)
class PrintedCharts:
    """Both charts as the site report's PDF draws them (``render_indicator_svg(printed=True)``)
    with their legends' lines of text; empty where the page draws no chart either."""

    run_svg: str
    xmr_svg: str
    run_notes: tuple[str, ...] = ()
    xmr_notes: tuple[str, ...] = ()


def printed_many(indicators, results_by_pk: dict[int, ChartResults]) -> dict[int, PrintedCharts]:
    """Each indicator's printed charts by pk, drawn once per data version: one cache read."""
    keys = {_key("printed", i): i for i in indicators}
    found = cache.get_many(keys)
    by_pk = {keys[key].pk: charts for key, charts in found.items()}
    missing = {key: i for key, i in keys.items() if key not in found}
    if missing:
        drawn = {key: _printed(results_by_pk[i.pk]) for key, i in missing.items()}
        cache.set_many(drawn, TIMEOUT)
        by_pk |= {missing[key].pk: charts for key, charts in drawn.items()}
    return by_pk


def _printed(results: ChartResults) -> PrintedCharts:
    drawn = results.values or results.too_large
    return PrintedCharts(
        run_svg=render_indicator_svg(results, "run", printed=True) if drawn else "",
        xmr_svg=render_indicator_svg(results, "xmr", printed=True)
        if len(results.values) >= 2
        else "",
        run_notes=tuple(legend_notes(results, "run")),
        xmr_notes=tuple(legend_notes(results, "xmr")),
    )


def page(indicator: Indicator) -> ChartPage:
    """Both charts of the indicator page as SVG, with their signals in words for those who
    do not see them."""
    key = _key("page", indicator)
    found = cache.get(key)
    if found is None:
        found = _page(indicator, results(indicator))
        cache.set_many({key: found, _key("summary", indicator): summarise(found.results)}, TIMEOUT)
    return found


def _page(indicator: Indicator, results: ChartResults) -> ChartPage:
    run_signals, xmr_signals = signals(results)
    return ChartPage(
        results=results,
        phase_lines=tuple(results.phase_summaries()),
        run_svg=render_indicator_svg(results, "run"),
        xmr_svg=render_indicator_svg(results, "xmr"),
        run_signals=run_signals,
        xmr_signals=xmr_signals,
    )


def signals(results: ChartResults) -> tuple[tuple[Stretch, ...], tuple[Stretch, ...]]:
    """The run chart's signals and the XmR chart's special causes, each a stretch of
    consecutive points with the same reading: the page's lists and the report's."""
    run, xmr = results.run, results.xmr
    points = [Point(d, v) for d, v in zip(results.dates, results.values, strict=True)]

    def side(index, value) -> str:
        """A shift below the median and the next one above it are two stretches."""
        median = next(p.centre for p in run.phases if p.start <= index < p.end)
        if median is None or value == median:
            return ""
        return "; above the median" if value > median else "; below the median"

    return (
        stretches(
            (i, p, ", ".join(SIGNAL_NAMES[s] for s in sorted(point.signals)) + side(i, p.value))
            for i, (p, point) in enumerate(zip(points, run.points, strict=True))
            if point.signals
        ),
        stretches(
            (i, p, (point.reading(results.better), cause_words(point.cause, results.run_length)))
            for i, (p, point) in enumerate(zip(points, xmr.points, strict=True))
            if point.cause
        ),
    )


def stretches(signalled) -> tuple[Stretch, ...]:
    """Group (index, point, reading) in date order into runs of the same reading on
    consecutive points."""
    found: list[Stretch] = []
    previous_index = None
    for index, point, reading in signalled:
        if found and found[-1].reading == reading and index == previous_index + 1:
            last = found[-1]
            found[-1] = Stretch(last.first, point, last.count + 1, reading)
        else:
            found.append(Stretch(point, point, 1, reading))
        previous_index = index
    return tuple(found)
