"""The SVG charts are well-formed, accessible and readable without colour."""

import xml.etree.ElementTree as ET

import pytest

from pdsa.chart_svg import render_run_chart_svg, render_xmr_chart_svg
from pdsa.charts import run_chart, xmr_chart

NS = {"svg": "http://www.w3.org/2000/svg"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
# Limits from the first 8 points: Sep (17) is above the upper limit, Nov (5) below the lower.
XMR_VALUES = [10, 12, 10, 12, 10, 12, 10, 12, 17, 11, 5]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def markers(root: ET.Element) -> list[ET.Element]:
    group = root.find("svg:g[@class='points']", NS)
    return [] if group is None else list(group)


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{{{NS['svg']}}}text")]


def xmr_svg(**overrides) -> str:
    options = {"labels": MONTHS, "title": "Peer workers in post", "unit": "people", "better": "up"}
    options.update(overrides)
    return render_xmr_chart_svg(xmr_chart(XMR_VALUES, baseline=8), **options)


def test_xmr_svg_is_a_scalable_accessible_image():
    root = parse(xmr_svg())
    assert root.tag == f"{{{NS['svg']}}}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 720 400"
    assert root.get("width") is None  # scales to its container
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title.text == "Peer workers in post"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "process limits 5.68 to 16.3, computed from the first 8 points" in desc.text
    assert "Special cause improvement at Sep." in desc.text
    assert "Special cause concern at Nov." in desc.text
    assert "Latest point: concern." in desc.text


def test_xmr_svg_draws_one_marker_per_point_with_a_distinct_shape_for_each_reading():
    drawn = markers(parse(xmr_svg()))
    assert len(drawn) == 11
    small = [m for m in drawn if m.tag.endswith("circle") and m.get("r") == "3.5"]
    assert len(small) == 9
    improvement, concern = drawn[8], drawn[10]
    assert improvement.tag.endswith("circle") and improvement.get("r") == "6.5"
    assert improvement.get("fill") == "#289de0" and improvement.get("stroke")
    assert concern.tag.endswith("path") and concern.get("fill") == "#fab428"
    assert concern.find("svg:title", NS).text == "Nov: 5 people (concern: outside the limits)"


def test_xmr_svg_swaps_improvement_and_concern_when_lower_is_better():
    drawn = markers(parse(xmr_svg(better="down")))
    assert drawn[8].get("fill") == "#fab428" and drawn[10].get("fill") == "#289de0"


def test_xmr_svg_labels_the_mean_and_dashed_limits_and_has_a_text_legend():
    root = parse(xmr_svg())
    assert {"Upper limit 16.3", "Mean 11", "Lower limit 5.68"} <= set(texts(root))
    lines = root.findall("svg:g[@class='lines']/svg:line", NS)
    assert [line.get("stroke-dasharray") for line in lines] == ["6 4", None, "6 4"]
    legend = texts(root.find("svg:g[@class='legend']", NS))
    assert legend == [
        "Common cause",
        "Improvement (ringed circle)",
        "Concern (diamond)",
        "Signals found: outside the limits",
    ]


def test_xmr_svg_without_a_better_direction_uses_the_neutral_marker():
    root = parse(xmr_svg(better=None))
    assert markers(root)[8].get("fill") == "#490092"
    assert "Special cause (square)" in texts(root)


def test_svg_uses_no_script_style_or_external_resource():
    svg = xmr_svg() + render_run_chart_svg(run_chart([1, 2, 3]), title="t")
    for forbidden in ("<script", "style=", "href", "<image", "url("):
        assert forbidden not in svg


def test_svg_escapes_text_from_users():
    nasty = 'Falls < 5 & "rising" <script>'
    root = parse(xmr_svg(title=nasty, labels=["<b>"] * 11, unit="a&b"))
    assert root.find("svg:title", NS).text == nasty
    assert nasty in texts(root)
    assert root.find("svg:script", NS) is None


def test_run_chart_svg_marks_signals_and_describes_runs():
    values = [1, 3, 1, 3, 9, 9, 5, 9, 9, 9, 9, 1, 3, 20, 4]
    root = parse(render_run_chart_svg(run_chart(values), title="Run", unit="%", better="down"))
    drawn = markers(root)
    assert len(drawn) == 15
    ringed = [i for i, m in enumerate(drawn) if m.get("r") == "6.5"]
    assert ringed == [4, 5, 7, 8, 9, 10, 13]  # the shift and the astronomical spike
    assert {drawn[i].get("fill") for i in ringed} == {"#005eb8"}
    desc = root.find("svg:desc", NS).text
    assert "Median 5 %." in desc
    assert "5 runs among 14 points off the median, as expected (expected 4 to 12)." in desc
    assert "Signals: shift at 5 to 6, 8 to 11; astronomical point at 14." in desc
    assert "Lower is better." in desc
    assert "Median 5" in texts(root)
    assert "Signals found: astronomical point, shift" in texts(root)


def test_run_chart_svg_reports_too_few_runs():
    chart = run_chart([1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9])
    desc = parse(render_run_chart_svg(chart, title="Steps")).find("svg:desc", NS).text
    assert "2 runs among 12 points off the median, too few (expected 3 to 11)." in desc


@pytest.mark.parametrize("values", [[], [42]])
def test_too_few_points_render_a_not_enough_data_message(values):
    for svg in (
        render_run_chart_svg(run_chart(values), title="Empty"),
        render_xmr_chart_svg(xmr_chart(values), title="Empty"),
    ):
        root = parse(svg)
        assert root.find("svg:title", NS).text == "Empty"
        assert root.find("svg:desc", NS).text
        assert markers(root) == []
        assert any(t.startswith("Not enough data") for t in texts(root))


def test_equal_values_still_draw_an_axis_and_separate_line_labels():
    root = parse(render_xmr_chart_svg(xmr_chart([7] * 6), title="Flat"))
    assert len(markers(root)) == 6
    labels = root.findall("svg:g[@class='lines']/svg:text", NS)
    ys = [float(label.get("y")) for label in labels]
    assert [label.text for label in labels] == ["Upper limit 7", "Mean 7", "Lower limit 7"]
    assert ys[1] - ys[0] >= 13 and ys[2] - ys[1] >= 13


def test_labels_must_match_the_points():
    with pytest.raises(ValueError, match="3 labels given for 11 points"):
        xmr_svg(labels=["a", "b", "c"])
