"""Server-side SVG for run charts and XmR charts.

Standalone, accessible ``<svg role="img">`` strings: a title and a description a screen reader
can read, a ``viewBox`` and no width or height so the chart fills its container at a fixed
aspect ratio, and only presentation attributes (no CSS, no script, no external resources) so the
same markup works inline in a page and in WeasyPrint PDFs.
Special-cause points differ from common-cause points by shape and size as well as colour, and a
text legend names them, so the chart reads without colour.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from .charts import (
    COMMON_CAUSE,
    CONCERN,
    IMPROVEMENT,
    SPECIAL_CAUSE,
    RunChart,
    XmrChart,
)
from .charts.signals import XMR_RUN

WIDTH, HEIGHT = 720, 400
LEFT, RIGHT, TOP, BOTTOM = 64, 590, 48, 300  # plot area; line labels sit right of it
FONT = "Arial, Helvetica, sans-serif"
TEXT, AXIS, GRID = "#231f20", "#425563", "#d8dde0"
GREY, BLUE, ORANGE, PURPLE, RUN_SIGNAL = "#7B7D7D", "#289de0", "#fab428", "#490092", "#005eb8"

# How each kind of point is drawn: (shape, fill, label for the legend).
MARKERS = {
    COMMON_CAUSE: ("dot", GREY, "Common cause"),
    IMPROVEMENT: ("ring", BLUE, "Improvement (ringed circle)"),
    CONCERN: ("diamond", ORANGE, "Concern (diamond)"),
    SPECIAL_CAUSE: ("square", PURPLE, "Special cause (square)"),
    "signal": ("ring", RUN_SIGNAL, "Signal (ringed circle)"),
}
RUN_RULES = {"shift": "shift", "trend": "trend", "astronomical": "astronomical point"}
SPECIAL_NAMES = {
    IMPROVEMENT: "Special cause improvement",
    CONCERN: "Special cause concern",
    SPECIAL_CAUSE: "Special cause",
}
XMR_RULES = {
    "outside": "outside the limits",
    "shift": "{run} in a row one side of the mean",
    "trend": "{run} in a row rising or falling",
    "two_of_three": "2 of 3 near a limit",
}


def render_run_chart_svg(
    chart: RunChart,
    *,
    labels: Sequence[str] | None = None,
    title: str,
    unit: str = "",
    better: str | None = None,
) -> str:
    """A run chart: the points, the median, and signalled points marked and listed."""
    values = [p.value for p in chart.points]
    labels = _labels(labels, len(values))
    kinds = ["signal" if p.signals else COMMON_CAUSE for p in chart.points]
    notes = [", ".join(RUN_RULES[s] for s in sorted(p.signals)) for p in chart.points]
    desc = [f"Run chart of {_count(len(values))}{_span(labels)}."]
    if chart.median is not None:
        desc.append(f"Median {_fmt(chart.median)}{_unit(unit)}.")
    if chart.runs_lower is not None:
        verdict = "as expected"
        if chart.too_few_runs or chart.too_many_runs:
            verdict = "too few" if chart.too_few_runs else "too many"
        desc.append(
            f"{chart.runs} runs among {chart.useful_points} points off the median, {verdict} "
            f"(expected {chart.runs_lower} to {chart.runs_upper})."
        )
    desc += _signal_sentences(chart.points, labels)
    desc.append(_better_sentence(better))
    lines = [] if chart.median is None else [("Median", chart.median, "solid")]
    legend = [COMMON_CAUSE, "signal"]
    rules = sorted({RUN_RULES[s] for p in chart.points for s in p.signals})
    return _svg(title, unit, values, labels, kinds, notes, lines, legend, rules, _join(desc))


def render_xmr_chart_svg(
    chart: XmrChart,
    *,
    labels: Sequence[str] | None = None,
    title: str,
    unit: str = "",
    better: str | None = None,
) -> str:
    """An XmR chart: points coloured and shaped by improvement / concern, mean and limits."""
    values = [p.value for p in chart.points]
    labels = _labels(labels, len(values))
    kinds = [p.reading(better) for p in chart.points]
    notes = [
        f"{kind}: {XMR_RULES[p.cause].format(run=XMR_RUN)}" if p.cause else kind
        for p, kind in zip(chart.points, kinds, strict=True)
    ]
    desc = [f"XmR chart of {_count(len(values))}{_span(labels)}."]
    lines = []
    if chart.upper_limit is not None:
        desc.append(
            f"Mean {_fmt(chart.mean)}{_unit(unit)}; process limits {_fmt(chart.lower_limit)} "
            f"to {_fmt(chart.upper_limit)}, computed from the first {chart.baseline} points."
        )
        lines = [
            ("Upper limit", chart.upper_limit, "dashed"),
            ("Mean", chart.mean, "solid"),
            ("Lower limit", chart.lower_limit, "dashed"),
        ]
    desc.append(_better_sentence(better))
    for kind, name in SPECIAL_NAMES.items():
        where = [i for i, k in enumerate(kinds) if k == kind]
        if where:
            desc.append(f"{name} at {_ranges(where, labels)}.")
    if values:
        desc.append(f"Latest point: {kinds[-1]}.")
    legend = [COMMON_CAUSE] + ([SPECIAL_CAUSE] if better is None else [IMPROVEMENT, CONCERN])
    rules = sorted({XMR_RULES[p.cause].format(run=XMR_RUN) for p in chart.points if p.cause})
    return _svg(title, unit, values, labels, kinds, notes, lines, legend, rules, _join(desc))


# --- Description helpers -----------------------------------------------------------------


def _labels(labels: Sequence[str] | None, n: int) -> list[str]:
    if labels is None:
        return [str(i + 1) for i in range(n)]
    if len(labels) != n:
        raise ValueError(f"{len(labels)} labels given for {n} points")
    return [str(label) for label in labels]


def _count(n: int) -> str:
    return "1 point" if n == 1 else f"{n} points"


def _span(labels: list[str]) -> str:
    return f", {labels[0]} to {labels[-1]}" if len(labels) > 1 else ""


def _unit(unit: str) -> str:
    return f" {unit}" if unit else ""


def _join(sentences: list[str]) -> str:
    return " ".join(s for s in sentences if s)


def _better_sentence(better: str | None) -> str:
    return {"up": "Higher is better.", "down": "Lower is better."}.get(better, "")


def _ranges(indexes: list[int], labels: list[str]) -> str:
    """Consecutive indexes as "A to B" spans of their labels."""
    spans: list[list[int]] = []
    for i in indexes:
        if spans and i == spans[-1][-1] + 1:
            spans[-1].append(i)
        else:
            spans.append([i])
    return ", ".join(
        labels[s[0]] if len(s) == 1 else f"{labels[s[0]]} to {labels[s[-1]]}" for s in spans
    )


def _signal_sentences(points, labels) -> list[str]:
    found = [
        f"{name} at {_ranges([i for i, p in enumerate(points) if rule in p.signals], labels)}"
        for rule, name in RUN_RULES.items()
        if any(rule in p.signals for p in points)
    ]
    if found:
        return [f"Signals: {'; '.join(found)}."]
    return ["No signals."] if points else []


def _fmt(x: float) -> str:
    text = f"{x:.3g}" if abs(x) < 1000 else f"{round(x):,}"
    return "0" if text == "-0" else text


# --- Drawing -------------------------------------------------------------------------------


def _svg(title, unit, values, labels, kinds, notes, lines, legend, rules, desc) -> str:
    uid = "chart-" + hashlib.sha1(repr((title, values, labels)).encode()).hexdigest()[:10]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" font-family="{FONT}" font-size="12">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        _text(LEFT, 26, title, size=16, weight="bold"),
    ]
    if len(values) < 2:
        message = "Not enough data to draw a chart: at least 2 points are needed."
        out.append(_text(WIDTH / 2, HEIGHT / 2, message, anchor="middle"))
        return "\n".join(out + ["</svg>"])

    low, high, ticks, decimals = _scale(values + [y for _, y, _ in lines])
    x = _x_positions(len(values))

    def y(v: float) -> float:
        return BOTTOM - (v - low) / (high - low) * (BOTTOM - TOP)

    out.append('<g class="axes">')
    for t in ticks:
        out.append(_line(LEFT, y(t), RIGHT, y(t), GRID))
        out.append(_text(LEFT - 8, y(t) + 4, f"{t:.{decimals}f}", anchor="end"))
    out.append(_line(LEFT, TOP, LEFT, BOTTOM, AXIS))
    out.append(_line(LEFT, BOTTOM, RIGHT, BOTTOM, AXIS))
    step = math.ceil(len(values) / 8)
    for i in range(0, len(values), step):
        out.append(_line(x[i], BOTTOM, x[i], BOTTOM + 5, AXIS))
        out.append(_text(x[i], BOTTOM + 18, labels[i], anchor="middle"))
    if unit:
        mid = (TOP + BOTTOM) / 2
        out.append(_text(16, mid, unit, anchor="middle", rotate=(16, mid)))
    out.append("</g>")

    out.append('<g class="lines">')
    label_ys = _spread([y(v) for _, v, _ in lines])
    for (name, value, dash), label_y in zip(lines, label_ys, strict=True):
        out.append(_line(LEFT, y(value), RIGHT, y(value), AXIS, width=1.5, dashed=dash == "dashed"))
        out.append(_text(RIGHT + 6, label_y + 4, f"{name} {_fmt(value)}"))
    out.append("</g>")

    path = " ".join(f"{x[i]:.1f},{y(v):.1f}" for i, v in enumerate(values))
    out.append(f'<polyline points="{path}" fill="none" stroke="{GREY}" stroke-width="1.5"/>')
    out.append('<g class="points">')
    for i, (value, kind, note) in enumerate(zip(values, kinds, notes, strict=True)):
        tip = f"{labels[i]}: {_fmt(value)}{_unit(unit)}" + (f" ({note})" if note else "")
        out.append(_marker(MARKERS[kind][0], MARKERS[kind][1], x[i], y(value), tip))
    out.append("</g>")

    out.append('<g class="legend">')
    lx, ly = LEFT, BOTTOM + 48
    for kind in legend:
        shape, fill, text = MARKERS[kind]
        out.append(_marker(shape, fill, lx + 6, ly - 4))
        out.append(_text(lx + 16, ly, text))
        lx += 36 + 6.8 * len(text)  # rough width of 12px Arial
    found = "Signals found: " + ", ".join(rules) if rules else "No special cause signals."
    out.append(_text(LEFT, ly + 24, found))
    out.append("</g>")
    return "\n".join(out + ["</svg>"])


def _scale(numbers: list[float]) -> tuple[float, float, list[float], int]:
    """Axis range and about five round ticks covering every value and line."""
    low, high = min(numbers), max(numbers)
    size = max(abs(low), abs(high))
    if high - low <= size * 1e-9 or high - low < 1e-100:  # one value, or too close to tell
        middle = (low + high) / 2
        pad = size * 0.1 if size >= 1e-100 else 1.0
        low, high = middle - pad, middle + pad
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    ticks = [low + k * step for k in range(round((high - low) / step) + 1)]
    decimals = max(0, -math.floor(math.log10(step) + 1e-9) + (step / magnitude == 2.5))
    return low, high, ticks, decimals


def _x_positions(n: int) -> list[float]:
    gap = (RIGHT - LEFT - 24) / (n - 1)
    return [LEFT + 12 + i * gap for i in range(n)]


def _spread(ys: list[float], gap: float = 13) -> list[float]:
    """Nudge line labels apart so equal or close lines stay readable (input is top-down)."""
    placed: list[float] = []
    for value in ys:
        placed.append(max(value, placed[-1] + gap) if placed else value)
    return placed


def _line(x1, y1, x2, y2, colour, width=1.0, dashed=False) -> str:
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{colour}" stroke-width="{width}"{dash}/>'
    )


def _text(x, y, text, *, anchor="start", size=12, weight="normal", rotate=None) -> str:
    turn = f' transform="rotate(-90 {rotate[0]:.1f} {rotate[1]:.1f})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'font-weight="{weight}" fill="{TEXT}"{turn}>{escape(text)}</text>'
    )


def _marker(shape: str, fill: str, cx: float, cy: float, tip: str | None = None) -> str:
    """One point. Special causes are bigger, outlined and (for concern) a different shape."""
    tooltip = f"<title>{escape(tip)}</title>" if tip else ""
    outline = f'stroke="{TEXT}" stroke-width="1.5"'
    if shape == "dot":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{fill}">{tooltip}</circle>'
    if shape == "ring":
        return (
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6.5" fill="{fill}" {outline}>'
            f"{tooltip}</circle>"
        )
    r = 7.5 if shape == "diamond" else 5.5
    corners = (
        [(0, -r), (r, 0), (0, r), (-r, 0)]
        if shape == "diamond"
        else [(-r, -r), (r, -r), (r, r), (-r, r)]
    )
    d = "M" + " L".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners) + " Z"
    return f'<path d="{d}" fill="{fill}" {outline}>{tooltip}</path>'
