"""Small server-side SVG charts for the dashboard's headlines.

Like pdsa.chart_svg: standalone ``<svg role="img">`` strings with a title and a description a
screen reader reads, a ``viewBox`` and no width or height (the chart fills its container),
presentation attributes only (no CSS, no script, nothing fetched), so the same markup works in
a page under a strict CSP, on paper and in WeasyPrint PDFs. Every bar carries its number in
text, so nothing is said by colour alone. No Django import: pure drawing, tested alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "Arial, Helvetica, sans-serif"
TEXT, AXIS, BAR, WHITE = "#212b32", "#4c6272", "#005eb8", "#ffffff"
WIDTH = 480
LABEL_WIDTH = 190  # bar labels sit left of the bars
ROW, GAP, TOP = 22, 8, 12
CHAR = 6.4  # rough width of one 12 px Arial character


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


@dataclass(frozen=True)
class Series:
    """One colour of a stacked bar: its name for the legend, fill and the text colour on it
    (chosen for at least 4.5:1 contrast)."""

    name: str
    fill: str
    ink: str = TEXT


def bar_chart(*, title: str, bars: Sequence[Bar], note: str = "") -> str:
    """Horizontal bars, one per figure, the value written at the end of each bar."""
    high = max((bar.value for bar in bars), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 48
    height = TOP + len(bars) * (ROW + GAP) + (24 if note else 4)
    desc = "; ".join(f"{bar.label}: {_fmt(bar.value)}" for bar in bars) + "."
    out = _open(title, f"{desc} {note}".strip(), height)
    for i, bar in enumerate(bars):
        y = TOP + i * (ROW + GAP)
        length = span * bar.value / high
        out.append(_text(LABEL_WIDTH - 8, y + 15, _fit(bar.label, LABEL_WIDTH - 8), anchor="end"))
        if length:
            out.append(_rect(LABEL_WIDTH, y, length, ROW, BAR))
        out.append(_text(LABEL_WIDTH + length + 6, y + 15, _fmt(bar.value), weight="bold"))
    out.append(_line(LABEL_WIDTH, TOP - 4, LABEL_WIDTH, TOP + len(bars) * (ROW + GAP) - GAP + 4))
    if note:
        out.append(_text(0, height - 8, note))
    return "\n".join(out + ["</svg>"])


def stacked_bars(
    *,
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series],
    empty: str = "none",
) -> str:
    """One 100% bar per row (e.g. per quarter) split into the series, each part with its count
    written in it when it fits; a legend names the series with their colours."""
    left = min(140, max((len(label) for label, _ in rows), default=0) * CHAR + 12)
    span = WIDTH - left - 8
    legend_rows = _legend_layout(series)
    height = TOP + len(rows) * (ROW + GAP) + 18 * len(legend_rows) + 12
    desc = " ".join(
        f"{label}: " + ", ".join(f"{s.name} {n}" for s, n in zip(series, counts, strict=True)) + "."
        for label, counts in rows
    )
    out = _open(title, desc or "No data.", height)
    for i, (label, counts) in enumerate(rows):
        y = TOP + i * (ROW + GAP)
        out.append(_text(left - 8, y + 15, _fit(label, left - 8), anchor="end"))
        total = sum(counts)
        if not total:
            out.append(_text(left, y + 15, empty))
            continue
        x = float(left)
        for part, n in zip(series, counts, strict=True):
            if not n:
                continue
            width = span * n / total
            out.append(_rect(x, y, width, ROW, part.fill, tip=f"{label}, {part.name}: {n}"))
            if width >= len(str(n)) * CHAR + 4:
                out.append(_text(x + width / 2, y + 15, str(n), anchor="middle", fill=part.ink))
            x += width
    y = TOP + len(rows) * (ROW + GAP) + 8
    for line in legend_rows:
        for x, part in line:
            out.append(_rect(x, y, 12, 12, part.fill, stroke=AXIS))
            out.append(_text(x + 16, y + 10, part.name))
        y += 18
    return "\n".join(out + ["</svg>"])


def _legend_layout(series: Sequence[Series]) -> list[list[tuple[float, Series]]]:
    lines: list[list[tuple[float, Series]]] = [[]]
    x = 0.0
    for part in series:
        width = 16 + len(part.name) * CHAR + 14
        if lines[-1] and x + width > WIDTH:
            lines.append([])
            x = 0.0
        lines[-1].append((x, part))
        x += width
    return lines


def _open(title: str, desc: str, height: float) -> list[str]:
    uid = "chart-" + hashlib.sha1(repr((title, desc)).encode()).hexdigest()[:10]
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'preserveAspectRatio="xMinYMin meet" role="img" class="dashboard-chart" '
        f'aria-labelledby="{uid}-title {uid}-desc" font-family="{FONT}" font-size="12">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
    ]


def _fit(label: str, width: float) -> str:
    """Cut a label that would run into the bars (the table behind has it whole)."""
    most = int(width / CHAR)
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _fmt(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


def _rect(x, y, width, height, fill, *, tip: str = "", stroke: str = "") -> str:
    outline = f' stroke="{stroke}"' if stroke else ""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{fill}"{outline}>{title}</rect>'
    )


def _line(x1, y1, x2, y2) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{AXIS}"/>'


def _text(x, y, text, *, anchor="start", weight="normal", fill=TEXT) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{fill}">{escape(str(text))}</text>'
    )
