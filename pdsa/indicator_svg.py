"""An indicator's run chart or XmR chart as server-side SVG, drawn from its
:class:`~pdsa.chart_results.IndicatorCharts`: points placed by date, the PDSA cycles that
watch it as labelled bands, phase boundaries with their reasons, the target line, and trial
limits labelled as such.

The ``viewBox`` is narrow (480 units) and no text is smaller than 15 units, so on a 390 px
phone no text is below 12 px; presentation attributes only (no CSS, no script), so the same
markup works inline in a page and in a WeasyPrint PDF.
"""

from __future__ import annotations

import datetime
import hashlib
from xml.sax.saxutils import escape

from imroc.dates import long_date, short_date

from .chart_svg import MARKERS, RUN_RULES, XMR_RULES, _fmt, _marker, _scale, _spread
from .chart_warnings import gaps
from .charts import COMMON_CAUSE, CONCERN, IMPROVEMENT, SPECIAL_CAUSE

WIDTH = 480
LEFT, RIGHT = 56, 402  # plot area; the short line tags sit right of it
LANE, PLOT_HEIGHT, LINE = 22, 210, 21
FONT, SMALL, CHAR = 15, 15, 8.4  # text sizes (units) and the width of one character
FAMILY = "Arial, Helvetica, sans-serif"
TEXT, AXIS, GRID, BAND, TARGET = "#231f20", "#425563", "#d8dde0", "#e8edee", "#007f3b"
PHASE = "#330072"


def render_indicator_svg(results, kind: str, *, printed: bool = False) -> str:
    """``kind`` is "run" or "xmr". ``printed``: the same chart for a PDF, without what only a
    pointer can read (a tooltip per point, cycle and phase), with the points of each kind as
    one path and the legend's lines of text left to the document (``legend_notes``): WeasyPrint
    lays SVG text out a letter at a time, HTML text a line at a time."""
    chart = results.run if kind == "run" else results.xmr
    first = results.window
    dates, values = results.dates[first:], results.values[first:]
    name = "Run chart" if kind == "run" else "XmR chart"
    title = f"{name}: {results.name}{f' ({results.unit})' if results.unit else ''}"
    uid = "ichart-" + hashlib.sha1(repr((kind, title, dates, values)).encode()).hexdigest()[:10]
    if results.too_large:
        day, value = results.too_large
        message = f"Not drawn: the value of {short_date(day)} ({value:g}) is too large to chart."
        return _svg_open(uid, title, f"{message} Correct or delete it.", 80) + (
            _text(WIDTH / 2, 44, message, anchor="middle") + "</svg>"
        )
    if len(values) < 2:
        return _svg_open(uid, title, "Not enough data: at least 2 values are needed.", 80) + (
            _text(WIDTH / 2, 44, "At least 2 values are needed for a chart.", anchor="middle")
            + "</svg>"
        )

    start, end = dates[0], dates[-1]
    span = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        days = min(max((day - start).days, 0), span)
        return LEFT + 10 + days / span * (RIGHT - LEFT - 20)

    cycles = [c for c in results.cycles if c.ends_on >= start and c.starts_on <= end]
    lanes = _lanes([(x(c.starts_on), x(c.starts_on) + _width(_cycle_tag(c)) + 6) for c in cycles])
    top = 10 + LANE * (max(lanes, default=-1) + 1) + (6 if cycles else 0)
    bottom = top + PLOT_HEIGHT
    phases = [p for p in chart.phases if p.end > first]
    lines = _lines(kind, phases, results)
    low, high, ticks, decimals = _scale(list(values) + [v for *_, v, _ in lines])

    def y(v: float) -> float:
        return bottom - (v - low) / (high - low) * (bottom - top)

    kinds, tips = _point_kinds(kind, chart, results, first)
    legend = _legend(kind, kinds, results, chart, phases, first)
    if printed:
        legend = [row for row in legend if row[0] in MARKERS]
    height = bottom + 36 + LINE * len(legend) + 8
    out = [_svg_open(uid, title, _describe(kind, chart, results, kinds, first), height)]

    out.append('<g class="cycles">')
    for cycle, lane in zip(cycles, lanes, strict=True):
        x1, x2 = x(cycle.starts_on), max(x(cycle.ends_on), x(cycle.starts_on) + 3)
        tip = f"Cycle {cycle.number} ({cycle.outcome or 'open'}): {cycle.change_idea}"
        out.append(
            f'<rect x="{x1:.1f}" y="{top:.1f}" width="{x2 - x1:.1f}" height="{PLOT_HEIGHT}" '
            f'fill="{BAND}">{_tip(tip, printed)}</rect>'
        )
        ly = 10 + LANE * lane + 15
        out.append(_line(x1, ly - 14, x1, top, AXIS))
        out.append(_text(x1 + 3, ly, _cycle_tag(cycle), weight="bold"))
    out.append("</g>")

    out.append('<g class="axes">')
    for t in ticks:
        out.append(_line(LEFT, y(t), RIGHT, y(t), GRID))
        out.append(_text(LEFT - 6, y(t) + 5, f"{t:.{decimals}f}", anchor="end"))
    out.append(_line(LEFT, top, LEFT, bottom, AXIS))
    out.append(_line(LEFT, bottom, RIGHT, bottom, AXIS))
    for day, label in _date_ticks(start, end):
        out.append(_line(x(day), bottom, x(day), bottom + 5, AXIS))
        out.append(_text(x(day), bottom + 22, label, anchor="middle"))
    out.append("</g>")

    out.append('<g class="phases">')
    for number, mark in enumerate(results.phases, start=2):
        if mark.index <= first or mark.index >= len(results.dates):
            continue
        px = (x(results.dates[mark.index - 1]) + x(results.dates[mark.index])) / 2
        out.append(
            f'<line x1="{px:.1f}" y1="{top:.1f}" x2="{px:.1f}" y2="{bottom:.1f}" '
            f'stroke="{PHASE}" stroke-width="2" stroke-dasharray="2 3">'
            f"{_tip(f'Phase {number} from {short_date(mark.starts_on)}: {mark.reason}', printed)}"
            "</line>"
        )
        out.append(_text(px + 3, bottom - 6, f"P{number}", weight="bold", fill=PHASE))
    out.append("</g>")

    out.append('<g class="lines">')
    tags = []
    for label, x1, x2, value, style in lines:
        colour = TARGET if label == "Target" else AXIS
        x1 = LEFT if x1 is None else x(x1)
        x2 = RIGHT if x2 is None else x(x2)
        out.append(_line(x1, y(value), x2, y(value), colour, width=2, dash=style))
        if x2 == RIGHT:
            tags.append((y(value), label, colour))
    tags.sort()
    for ty, (_, label, colour) in zip(_spread([t[0] for t in tags], 17), tags, strict=True):
        out.append(_text(RIGHT + 4, ty + 5, label, fill=colour))
    out.append("</g>")

    shown = list(zip(dates, values, strict=True))
    breaks = {i - first for i, *_ in gaps(results.dates, results.interval_days)}
    for phase in phases:  # the line joins points of a phase only, and breaks at a gap
        a, b = max(phase.start, first) - first, phase.end - first
        edges = [a, *sorted(i for i in breaks if a < i < b), b]
        for lo, hi in zip(edges, edges[1:], strict=False):
            path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in shown[lo:hi])
            out.append(
                f'<polyline points="{path}" fill="none" stroke="#7B7D7D" stroke-width="1.5"/>'
            )
    left_out = {i - first for i in results.excluded}
    out.append('<g class="points">')
    together: dict[str, list[tuple[float, float]]] = {}
    for i, ((day, value), point_kind, tip) in enumerate(zip(shown, kinds, tips, strict=True)):
        if i in left_out:
            out.append(_hollow(x(day), y(value), None if printed else tip))
        elif printed:
            together.setdefault(point_kind, []).append((x(day), y(value)))
        else:
            shape, fill, _ = MARKERS[point_kind]
            out.append(_marker(shape, fill, x(day), y(value), tip))
    for point_kind, centres in together.items():
        out.append(_markers(*MARKERS[point_kind][:2], centres))
    out.append("</g>")

    out.append('<g class="legend">')
    for row, items in enumerate(legend):
        ly, lx = bottom + 36 + LINE * row + 12, 8.0
        for item in items:
            if item in MARKERS:
                shape, fill, text = MARKERS[item]
                out.append(_marker(shape, fill, lx + 6, ly - 5))
                out.append(_text(lx + 16, ly, text))
                lx += 28 + _width(text)
            else:
                out.append(_text(lx, ly, item))
                lx += 16 + _width(item)
    out.append("</g>")
    return "\n".join(out + ["</svg>"])


def legend_notes(results, kind: str) -> list[str]:
    """The legend's lines of text (not its markers), which the printed chart leaves out."""
    if results.too_large or len(results.values) < 2:
        return []
    chart, first = (results.run if kind == "run" else results.xmr), results.window
    kinds, _ = _point_kinds(kind, chart, results, first)
    phases = [p for p in chart.phases if p.end > first]
    legend = _legend(kind, kinds, results, chart, phases, first)
    return [row[0] for row in legend if row[0] not in MARKERS]


def _svg_open(uid: str, title: str, desc: str, height: float) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'preserveAspectRatio="xMidYMid meet" role="img" class="indicator-chart" '
        f'aria-labelledby="{uid}-title {uid}-desc" font-family="{FAMILY}" font-size="{FONT}">\n'
        f'<title id="{uid}-title">{escape(title)}</title>\n'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>\n'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>\n'
    )


def _cycle_tag(cycle) -> str:
    return f"C{cycle.number} {cycle.outcome}".strip()


def _width(text: str) -> float:
    return len(text) * CHAR


def _lanes(spans: list[tuple[float, float]]) -> list[int]:
    """Stack labels so none overlaps: each takes the first lane free at its start."""
    ends: list[float] = []
    lanes = []
    for left, right in spans:
        lane = next((i for i, e in enumerate(ends) if e <= left), len(ends))
        if lane == len(ends):
            ends.append(right)
        ends[lane] = right
        lanes.append(lane)
    return lanes


def _lines(kind, phases, results) -> list[tuple]:
    """(tag, from date, to date, value, dash) per line; None dates run to the plot's edges.
    Each phase's lines span its own points; only the latest phase's are tagged at the edge."""
    found = []
    first = results.window
    for i, phase in enumerate(phases):
        last = i == len(phases) - 1
        d1 = None if phase.start <= first else results.dates[phase.start]
        d2 = None if last else results.dates[phase.end - 1]
        trial = " (trial)" if getattr(phase, "trial", False) and kind == "xmr" else ""
        if phase.centre is None:
            continue
        found.append(("Median" if kind == "run" else "Mean", d1, d2, phase.centre, None))
        if kind == "xmr" and phase.upper_limit is not None:
            found.append((f"UL{trial}", d1, d2, phase.upper_limit, "6 4"))
            found.append((f"LL{trial}", d1, d2, phase.lower_limit, "6 4"))
    if results.target is not None:
        found.append(("Target", None, None, results.target, "2 4"))
    return found


def _point_kinds(kind, chart, results, first) -> tuple[list[str], list[str]]:
    kinds, tips = [], []
    for i in range(first, len(results.values)):
        point = chart.points[i]
        if kind == "run":
            point_kind = "signal" if point.signals else COMMON_CAUSE
            why = ", ".join(RUN_RULES[s] for s in sorted(point.signals))
        else:
            point_kind = point.reading(results.better)
            rule = XMR_RULES[point.cause].format(run=results.run_length) if point.cause else ""
            why = f"{point_kind}: {rule}" if point.cause else ""
        note = results.notes[i]
        tip = f"{short_date(results.dates[i])}: {_fmt(results.values[i])}"
        tip += f"{f' {results.unit}' if results.unit else ''}"
        tip += f" ({why})" if why else ""
        tip += f". Note: {note}" if note else ""
        if i in results.excluded:
            tip += f". Left out of the calculations: {results.left_out_reasons[i]}"
        kinds.append(point_kind)
        tips.append(tip)
    return kinds, tips


def _legend(kind, kinds, results, chart, phases, first) -> list[list[str]]:
    """Rows of legend items (marker kinds or plain text), wrapped to the width."""
    items: list[str] = [COMMON_CAUSE]
    if kind == "run":
        items.append("signal")
    elif results.better is None:
        items.append(SPECIAL_CAUSE)
    else:
        items += [IMPROVEMENT, CONCERN]
    rows, width = [[]], 0.0
    for item in items:
        w = 28 + _width(MARKERS[item][2])
        if width + w > WIDTH - 8 and rows[-1]:
            rows.append([])
            width = 0.0
        rows[-1].append(item)
        width += w
    text = ["UL, LL: upper and lower process limits."] if kind == "xmr" else []
    if results.cycles:
        text.append("Shaded bands: PDSA cycles (C number and outcome).")
    if results.target is not None:
        text.append(f"Target {_fmt(results.target)}: dotted green line.")
    if kind == "xmr" and chart.trial:
        text.append(f"Trial limits: from {chart.baseline} points (fewer than 12).")
    if kind == "xmr" and any(p.collapsed for p in phases):
        text.append("Limits that cannot tell: see the run chart.")
    if any(i >= first for i in results.excluded):
        text.append("Hollow circle: left out of the calculations.")
    if gaps(results.dates, results.interval_days):
        text.append("A break in the line: a missing period.")
    for number, mark in enumerate(results.phases, start=2):
        if mark.index < len(results.dates) and mark.index > first:
            text.append(_clip(f"P{number} from {short_date(mark.starts_on)}: {mark.reason}"))
    if results.summarised:
        text.append(f"Last 2 years shown ({len(kinds)} of {len(results.values)} values);")
        text.append("centre lines and limits from the whole series.")
    return rows + [[t] for t in text]


def _hollow(cx: float, cy: float, tip: str | None) -> str:
    """A value left out of the calculations: an open circle, kept on the chart."""
    return (
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="#ffffff" stroke="{TEXT}" '
        f'stroke-width="2">{_tip(tip)}</circle>'
    )


def _tip(tip: str | None, printed: bool = False) -> str:
    return "" if printed or not tip else f"<title>{escape(tip)}</title>"


def _markers(shape: str, fill: str, centres: list[tuple[float, float]]) -> str:
    """Every point of one kind as one path, drawn as ``chart_svg._marker`` draws each."""
    outline = "" if shape == "dot" else f' stroke="{TEXT}" stroke-width="1.5"'
    if shape in ("dot", "ring"):  # four Bézier quarters: a renderer draws them as they are
        r = 3.5 if shape == "dot" else 6.5
        k, j = round(r * 0.5523, 2), round(r - r * 0.5523, 2)
        quarters = (
            f"c0,{k} {-j},{r} {-r},{r}c{-k},0 {-r},{-j} {-r},{-r}"
            f"c0,{-k} {j},{-r} {r},{-r}c{k},0 {r},{j} {r},{r}Z"
        )
        d = "".join(f"M{cx + r:.1f},{cy:.1f}{quarters}" for cx, cy in centres)
    else:
        r = 7.5 if shape == "diamond" else 5.5
        corners = (
            [(0, -r), (r, 0), (0, r), (-r, 0)]
            if shape == "diamond"
            else [(-r, -r), (r, -r), (r, r), (-r, r)]
        )
        d = "".join(
            "M" + " L".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners) + "Z"
            for cx, cy in centres
        )
    return f'<path d="{d}" fill="{fill}"{outline}/>'


def _clip(text: str, room: float = WIDTH - 16) -> str:
    most = int(room / CHAR)
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _date_ticks(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, str]]:
    """Round dates along the axis with four-digit years, as many as fit without touching."""
    room = RIGHT - LEFT - 20
    days = (end - start).days
    if days <= 62:
        for step in (1, 2, 7, 14, 28, 31):
            label_w = _width("31 Dec 2026") + 12
            count = days // step + 1
            if count * label_w <= room:
                ticks = [start + datetime.timedelta(days=k * step) for k in range(count)]
                return [(d, short_date(d)) for d in ticks]
    for months in (1, 2, 3, 6, 12, 24, 60, 120):
        label = "Mar 2026" if months < 12 else "2026"
        label_w = _width(label) + 14
        ticks = _month_starts(start, end, months)
        if ticks and _apart(ticks, start, end, label_w, room):
            fmt = "%b %Y" if months < 12 else "%Y"
            return [(d, d.strftime(fmt)) for d in ticks]
    return [(start, f"{start:%Y}")]


def _month_starts(start, end, months) -> list[datetime.date]:
    """First days of months (every ``months``, on calendar multiples) within the span."""
    ticks = []
    index = start.year * 12 + start.month - 1
    index += (-index) % months
    while True:
        day = datetime.date(index // 12, index % 12 + 1, 1)
        if day > end:
            return ticks
        if day >= start:
            ticks.append(day)
        index += months


def _apart(ticks, start, end, label_w, room) -> bool:
    span = max((end - start).days, 1)
    xs = [(d - start).days / span * room for d in ticks]
    return all(b - a >= label_w for a, b in zip(xs, xs[1:], strict=False))


def _describe(kind, chart, results, kinds, first) -> str:
    shown = len(results.values) - first
    words = [
        f"{'Run' if kind == 'run' else 'XmR'} chart of {shown} values, "
        f"{long_date(results.dates[first])} to {long_date(results.dates[-1])}."
    ]
    for number, phase in enumerate(chart.phases, start=1):
        if phase.centre is None or phase.end <= first:
            continue
        line = f"Phase {number}: {'median' if kind == 'run' else 'mean'} {_fmt(phase.centre)}"
        if kind == "xmr" and phase.upper_limit is not None:
            line += f", {'trial ' if phase.trial else ''}limits {_fmt(phase.lower_limit)} "
            line += f"to {_fmt(phase.upper_limit)}"
        words.append(line + ".")
    if results.target is not None:
        words.append(f"Target {_fmt(results.target)}.")
    for cycle in results.cycles:
        words.append(
            f"Cycle {cycle.number} ({cycle.outcome or 'open'}) "
            f"{short_date(cycle.starts_on)} to {short_date(cycle.ends_on)}."
        )
    special = sum(1 for k in kinds if k != COMMON_CAUSE)
    words.append(f"{special} signalled point{'s' if special != 1 else ''}.")
    return " ".join(words)


def _line(x1, y1, x2, y2, colour, width=1.0, dash=None) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{colour}" stroke-width="{width}"{dashes}/>'
    )


def _text(x, y, text, *, anchor="start", weight="normal", fill=TEXT) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{SMALL}" '
        f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>'
    )
