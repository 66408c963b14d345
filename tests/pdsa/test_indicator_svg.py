"""The indicator chart reads on a 390 px phone and tells time truly: points placed by date,
four-digit years, labels that do not overlap, a note on its point, cycles as bands, phases and
the target drawn, trial limits labelled."""

import datetime
import re
from types import SimpleNamespace as Row

from pdsa.chart_results import compute
from pdsa.indicator_svg import WIDTH, legend_notes, render_indicator_svg

START = datetime.date(2025, 1, 6)
PHONE = 390


def indicator(**fields):
    defaults = {"name": "Peer contacts", "unit": "", "better": "up", "target": None}
    return Row(**{**defaults, "xmr_baseline": None, **fields})


def weekly(values, *, gap_after=None, gap_weeks=0, note_at=None):
    points = []
    for week, value in enumerate(values):
        extra = gap_weeks if gap_after is not None and week > gap_after else 0
        note = "after the workshop" if week == note_at else ""
        points.append(
            Row(date=START + datetime.timedelta(weeks=week + extra), value=value, note=note)
        )
    return points


def xs(svg: str) -> list[float]:
    points = re.search(r'<g class="points">(.*?)</g>', svg, re.S).group(1)
    return [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', points)]


def test_no_text_is_smaller_than_12_px_on_a_390_px_phone():
    svg = render_indicator_svg(compute(indicator(target=12), weekly([10, 12] * 10)), "xmr")
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) * PHONE / WIDTH >= 12


def test_points_are_placed_by_date_so_a_three_month_gap_looks_like_one():
    svg = render_indicator_svg(
        compute(indicator(), weekly([10, 12] * 5, gap_after=4, gap_weeks=13)), "run"
    )
    x = xs(svg)
    steps = [b - a for a, b in zip(x, x[1:], strict=False)]
    assert steps[4] > 10 * steps[0]  # thirteen weeks against one
    assert max(steps[:4]) - min(steps[:4]) < 0.2  # weekly points evenly spaced


def test_axis_labels_have_four_digit_years_and_never_overlap():
    for weeks in (5, 30, 104, 300):
        results = compute(indicator(), weekly([10, 12] * (weeks // 2)))
        svg = render_indicator_svg(results, "run")
        axis = re.search(r'<g class="axes">(.*?)</g>', svg, re.S).group(1)
        labels = re.findall(
            r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle"[^>]*>([^<]+)<', axis
        )
        assert labels, weeks
        assert all(re.search(r"\b20\d\d\b", text) for _, text in labels)
        placed = [(float(x), len(text) * 8.4) for x, text in labels]
        for (a, wa), (b, wb) in zip(placed, placed[1:], strict=False):
            assert b - a >= (wa + wb) / 2, (weeks, labels)


def test_a_note_is_on_its_point_and_cycles_phases_target_and_trial_limits_are_drawn():
    cycles = [
        Row(
            number=3,
            starts_on=START + datetime.timedelta(weeks=5),
            ends_on=START + datetime.timedelta(weeks=8),
            get_outcome_display=lambda: "Adopt",
            change_idea="Peer workers on rounds",
        ),
    ]
    phases = [Row(starts_on=START + datetime.timedelta(weeks=9), reason="Cycle 3 adopted")]
    results = compute(
        indicator(target=30), weekly([10, 12] * 4 + [10] + [20, 22] * 4, note_at=2), phases, cycles
    )
    svg = render_indicator_svg(results, "xmr")
    assert "20 Jan 2025: 10 contacts" not in svg  # no unit given
    assert "20 Jan 2025: 10. Note: after the workshop" in svg
    assert ">C3 Adopt</text>" in svg and "Cycle 3 (Adopt): Peer workers on rounds" in svg
    assert ">P2</text>" in svg and "P2 from 10 Mar 2025: Cycle 3 adopted" in svg
    assert ">Target</text>" in svg
    assert ">UL (trial)</text>" in svg and "Trial limits: from 8 points (fewer than 12)." in svg


def test_a_long_series_is_shown_from_its_last_two_years_with_a_note():
    results = compute(indicator(), weekly([10, 12] * 100))
    svg = render_indicator_svg(results, "xmr")
    assert results.window > 0
    assert len(xs(svg)) == 200 - results.window
    assert "Last 2 years shown" in svg and "limits from the whole series" in svg


def test_the_printed_chart_draws_the_same_points_and_words_in_a_few_nodes():
    """The site report's PDF draws each kind of point as one path, with no tooltips (nothing
    to hover on paper) and the legend's lines as text under it: a fraction of the page
    chart's nodes, the same words."""
    values = [10, 12, 11, 13, 30, 12, 10, 11, 12, 13, 11, 10] * 4
    results = compute(indicator(target=12), weekly(values, note_at=3))
    for kind in ("run", "xmr"):
        page = render_indicator_svg(results, kind)
        printed = render_indicator_svg(results, kind, printed=True)
        assert len(re.findall(r"<title", page)) > len(values)
        assert len(re.findall(r"<title", printed)) == 1  # the chart's own, for its name
        assert len(re.findall(r"<(?:circle|path)", printed)) <= 8
        notes = legend_notes(results, kind)  # printed under the chart, as HTML
        said = re.findall(r"<text[^>]*>([^<]*)<", page)
        assert notes and set(notes) <= set(said)
        assert re.findall(r"<text[^>]*>([^<]*)<", printed) == [t for t in said if t not in notes]
        points = re.search(r'<g class="points">(.*?)</g>', printed, re.S).group(1)
        assert sum(p.count("M") for p in re.findall(r' d="([^"]+)"', points)) == len(values)
