"""The dashboard's pictures: each chart shows the numbers of the table behind it, the stages
over time count each site by its latest assessment, the heatmap names its columns and gives
the stage number in every cell, and zeros lead nowhere."""

import datetime
import re

import pytest

from challenges.models import Challenge, short_name_of
from dashboard.chart_svg import Bar, Series, bar_chart, stacked_bars
from dashboard.forms import Filters
from dashboard.selectors import stages_by_quarter
from dashboard.stages import quarter_ends, quarter_label
from tests.challenges.factories import assess

from .programme import PERIOD, build


def texts(svg: str) -> list[str]:
    """The words and numbers a reader sees in a chart."""
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.fixture
def consultant(client, world):
    build(world)
    client.force_login(world.consultant)
    return client


def test_a_bar_chart_writes_each_value_beside_its_label():
    svg = bar_chart(title="Goals by status", bars=[Bar("Stalled", 3), Bar("Achieved", 0)])
    assert svg.startswith("<svg") and 'role="img"' in svg and "width=" not in svg.split(">")[0]
    assert texts(svg) == ["Stalled", "3", "Achieved", "0"]
    assert "<title" in svg and "Stalled: 3; Achieved: 0." in svg  # the description
    assert svg.count("<rect") == 1  # a zero draws no bar


def test_a_stacked_bar_writes_each_part_and_names_the_series():
    svg = stacked_bars(
        title="Stages",
        rows=[("Q1 2012", [2, 6]), ("Q2 2012", [0, 0])],
        series=[Series("1 Engagement", "#c3dcf2"), Series("2 Development", "#5b9bd5")],
    )
    seen = texts(svg)
    assert seen[:3] == ["Q1 2012", "2", "6"]
    assert "none" in seen and "1 Engagement" in seen and "2 Development" in seen
    assert "Q1 2012: 1 Engagement 2, 2 Development 6." in svg


def test_quarters_run_back_from_the_period_end():
    ends = quarter_ends(datetime.date(2012, 2, 10), n=3)
    assert ends == [
        datetime.date(2011, 9, 30),
        datetime.date(2011, 12, 31),
        datetime.date(2012, 3, 31),
    ]
    assert [quarter_label(end) for end in ends] == ["Q3 2011", "Q4 2011", "Q1 2012"]


def test_each_quarter_counts_a_site_by_its_latest_assessment_by_then(world):
    """Site A: all at stage 1 in January, then six moved on to stage 2 in May (twice that
    day: the later one counts); site B first assessed in May; site A's assessment after the
    period's end and a site outside the filter are not counted."""
    jan, may = datetime.date(2012, 1, 10), datetime.date(2012, 5, 1)
    assess(world.site_a, [1] * 10, on=jan)
    assess(world.site_a, [3] * 10, on=may)
    assess(world.site_a, [1] * 4 + [2] * 6, on=may)
    assess(world.site_a, [3] * 10, on=datetime.date(2012, 7, 1))
    assess(world.site_b, [0] * 10, on=may)
    ends = [datetime.date(2011, 12, 31), datetime.date(2012, 3, 31), datetime.date(2012, 6, 30)]
    until = datetime.date(2012, 6, 30)
    assessed, stages = stages_by_quarter(Filters(since=ends[0], until=until), ends)
    assert assessed == [0, 1, 2]
    assert {rank: counts for rank, (_, counts) in stages.items()} == {
        0: [0, 0, 10],
        1: [0, 10, 4],
        2: [0, 0, 6],
    }
    assert stages[2][0] == "2 Development"
    pilots = Filters(category=world.site_a.category, since=ends[0], until=until)
    assert stages_by_quarter(pilots, ends)[0] == [0, 1, 1]


def test_challenges_have_short_names_and_any_other_gets_one_derived(db):
    names = list(
        Challenge.objects.filter(framework__version="2009")
        .order_by("number")
        .values_list("short_name", flat=True)
    )
    assert names[:3] == ["Interactions", "Co-produced training", "Recovery college"]
    assert all(names) and all(len(name) <= 30 for name in names)
    assert (
        short_name_of("Increasing 'personalisation' and choice") == "Increasing 'personalisation'…"
    )
    assert short_name_of("Coproduced learning") == "Coproduced learning"
    assert (
        short_name_of("Supporting staff in their recovery journey") == "Supporting staff in their…"
    )
    assert short_name_of("Risk (safety planning)") == "Risk"


def test_the_overview_draws_each_headline_from_its_table(consultant, world):
    assess(world.site_a, [1, 2, 3, 0, 1, 2, 3, 0, 1, 2])
    response = consultant.get("/dashboard/", PERIOD)
    tables = response.context["tables"]
    goals = texts(tables["goals"].chart)
    assert goals[goals.index("Stalled") + 1] == "1" and goals[goals.index("Achieved") + 1] == "1"
    cycles = texts(tables["cycles"].chart)
    assert cycles[cycles.index("Complete") + 1] == "2" and "All cycles" not in cycles
    attendance = tables["attendance"].chart
    assert "Share of service users and carers: 50%." in texts(attendance)
    assert texts(attendance)[texts(attendance).index("Delegates who attended") + 1] == "4"
    stages = texts(tables["stages"].chart)
    assert stages[-4:] == ["0 Not started", "1 Engagement", "2 Development", "3 Transformation"]
    q1 = stages.index("Q1 2012")
    assert stages[q1 + 1 : q1 + 5] == ["2", "3", "3", "2"]  # site A's ten ratings
    assert tables["stages"].rows[-1][1].text == 1  # one site assessed by then
    status = texts(tables["status"].chart)
    assert "On track" in status and "No review yet" in status
    page = response.content.decode()
    assert page.count("<svg") == 9  # with co-production and peer support
    assert "Show the data" in page
    assert "A dashboard headline" not in page  # the template's comment stays a comment


def test_zeros_on_the_overview_lead_nowhere(consultant):
    response = consultant.get("/dashboard/", PERIOD)
    completed = {row[0].text: row[1] for row in response.context["tables"]["completed"].rows}
    assert completed["Adopt"].text == 0 and completed["Adopt"].link is None
    assert completed["Abandon"].link == completed["Abandon"].url
    page = response.content.decode()
    assert completed["Adopt"].url.replace("&", "&amp;") not in page
    assert completed["Abandon"].url.replace("&", "&amp;") in page


def test_the_heatmap_heads_its_columns_with_short_names_and_writes_every_stage(consultant, world):
    assess(world.site_a, [1, 2, 3, 0, 1, 2, 3, 0, 1, 2])
    page = consultant.get("/dashboard/heatmap/", PERIOD).content.decode()
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', page, re.S)
    plain = [" ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in headers]
    assert plain[1] == "1 Interactions" and plain[10] == "10 Life beyond illness"
    row = re.search(r'<tr[^>]*>\s*<th scope="row"[^>]*><a[^>]*>Alpha Partner.*?</tr>', page, re.S)
    cells = re.findall(r'<td class="heat heat-(\d)"><a href="[^"]+">(\d)</a></td>', row.group(0))
    assert [(int(css), int(text)) for css, text in cells] == [
        (n, n) for n in [1, 2, 3, 0, 1, 2, 3, 0, 1, 2]
    ]
    legend = re.sub(r"<[^>]+>", "", page[page.index("How to read the heatmap") :])
    for words in ("0 Not started", "1 Engagement", "2 Development", "3 Transformation"):
        assert words in legend
    assert "not assessed" in legend
