"""A recovery college's fidelity score over time as server-side SVG.

Like dashboard.chart_svg: a standalone ``<svg role="img">`` with a title and a description a
screen reader reads, a ``viewBox`` and no width or height (it fills its container), presentation
attributes only (no CSS, no script, nothing fetched), so it works under a strict CSP and on
paper. Every point carries its score in text, so nothing is said by colour alone; the page
keeps the same numbers in a table behind a details element. No Django import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from xml.sax.saxutils import escape

FONT = "Arial, Helvetica, sans-serif"
TEXT, AXIS, GRID, LINE = "#212b32", "#4c6272", "#d8dde0", "#005eb8"
WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 456, 16, 196  # the plot area; dates sit below it
MOST = 14


def fidelity_chart(*, title: str, points: Sequence[tuple[str, int]]) -> str:
    """``points`` are (date label, score out of 14) in date order, evenly spaced along the
    axis (checks are a few a year; their order matters more than the gaps)."""
    desc = "; ".join(f"{label}: {score} of {MOST}" for label, score in points) + "."
    uid = "fidelity-" + hashlib.sha1(repr((title, desc)).encode()).hexdigest()[:10]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'preserveAspectRatio="xMinYMin meet" role="img" class="colleges-chart" '
        f'aria-labelledby="{uid}-title {uid}-desc" font-family="{FONT}" font-size="12">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(desc if points else "No checks yet.")}</desc>',
    ]
    for score in range(0, MOST + 1, 2):
        y = _y(score)
        out.append(_line(LEFT, y, RIGHT, y, GRID if score else AXIS))
        out.append(_text(LEFT - 6, y + 4, str(score), anchor="end"))
    xy = [(_x(i, len(points)), _y(score)) for i, (_, score) in enumerate(points)]
    if len(xy) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        out.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    every = -(-len(points) // 8)  # at most 8 date labels fit; the table has every date
    for i, ((x, y), (label, score)) in enumerate(zip(xy, points, strict=True)):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{LINE}"/>')
        out.append(_text(x, y - 8, str(score), anchor="middle", weight="bold"))
        if i % every == 0 or i == len(points) - 1:
            out.append(_text(x, BOTTOM + 18, label, anchor="middle"))
    out.append(_text(LEFT, HEIGHT - 6, f"Score out of {MOST} at each check"))
    return "\n".join(out + ["</svg>"])


def _x(index: int, count: int) -> float:
    if count == 1:
        return (LEFT + RIGHT) / 2
    margin = 28
    return LEFT + margin + (RIGHT - LEFT - 2 * margin) * index / (count - 1)


def _y(score: int) -> float:
    return BOTTOM - (BOTTOM - TOP) * score / MOST


def _line(x1, y1, x2, y2, stroke) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def _text(x, y, text, *, anchor="start", weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{TEXT}">{escape(str(text))}</text>'
    )
