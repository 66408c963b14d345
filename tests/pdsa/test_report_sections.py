"""A busy site's progress report stays readable and quick: the PDF charts a few indicators
and lists the latest cycles; the spreadsheet keeps every value and every cycle."""

import datetime

import pytest

from pdsa import chart_cache, report_sections
from pdsa.chart_words import rounded
from pdsa.models import DataPoint
from reports.models import Report
from reports.registry import ReportContext
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory, completed

pytestmark = pytest.mark.django_db


def test_a_busy_site_report_charts_the_latest_values_of_a_few_indicators(world):
    start = datetime.date(2011, 1, 3)
    goal = GoalFactory(priority__site=world.site_a, status="in_progress")
    closed = GoalFactory(priority__site=world.site_a, status="achieved")
    indicators = [IndicatorFactory(goal=goal) for _ in range(report_sections.CHARTED_INDICATORS)]
    indicators.append(IndicatorFactory(goal=closed, name="Closed goal's indicator"))
    DataPoint.objects.bulk_create(
        DataPoint(indicator=i, date=start + datetime.timedelta(weeks=w), value=w % 7)
        for i in indicators
        for w in range(120)
    )
    ctx = ReportContext(
        report=Report(kind="site_progress", site=world.site_a),
        today=datetime.date(2012, 6, 1),
        site=world.site_a,
    )

    built = report_sections.priorities_and_goals(ctx)

    goals = {g["goal"].title: g for b in built.context["blocks"] for g in b["goals"]}
    charted = goals[goal.title]["charts"]
    assert len(charted) == report_sections.CHARTED_INDICATORS
    # 119 weeks span more than two years: the charts show weeks 15 to 119, the last 731 days.
    assert {c["charted"] for c in charted} == {105}
    assert {c["points"] for c in charted} == {120}
    assert goals[closed.title]["charts"] == [] and goals[closed.title]["others"] == 1
    assert built.context["uncharted"] == 1
    data = next(t for t in built.tables if t.name == "Indicator data")
    assert len(data.rows) == 120 * len(indicators)


def test_the_spreadsheet_reads_every_indicator_but_whole_results_only_of_the_charted(
    world, monkeypatch
):
    """The spreadsheet's readings and limits of an indicator the PDF does not chart are its
    results' own, read from its stored spreadsheet rows: whole results (every point) are
    unpickled only for the charted few."""
    start = datetime.date(2011, 1, 3)
    goal = GoalFactory(priority__site=world.site_a, status="in_progress")
    closed = GoalFactory(priority__site=world.site_a, status="achieved")
    indicators = [IndicatorFactory(goal=goal) for _ in range(report_sections.CHARTED_INDICATORS)]
    uncharted = IndicatorFactory(goal=closed, name="Closed goal's indicator", better="up")
    values = [5, 5, 6, 5, 4, 5, 6, 5, 5, 4, 5, 6, 5, 5, 12, 13, 14, 13, 14, 15]
    DataPoint.objects.bulk_create(
        DataPoint(indicator=i, date=start + datetime.timedelta(weeks=w), value=v)
        for i in [*indicators, uncharted]
        for w, v in enumerate(values)
    )
    ctx = ReportContext(
        report=Report(kind="site_progress", site=world.site_a),
        today=datetime.date(2012, 6, 1),
        site=world.site_a,
    )
    uncharted.refresh_from_db()
    whole = chart_cache.results(uncharted)  # what the indicator's page reads
    report_sections.priorities_and_goals(ctx)  # the first report stores the sheets' rows
    asked = []
    read = chart_cache.results_many
    monkeypatch.setattr(
        chart_cache, "results_many", lambda some: asked.extend(i.pk for i in some) or read(some)
    )

    built = report_sections.priorities_and_goals(ctx)

    assert sorted(asked) == sorted(i.pk for i in indicators)  # the next: the charted only
    data = next(t for t in built.tables if t.name == "Indicator data")
    readings = [row[-1] for row in data.rows if row[1] == uncharted.name]
    assert readings == [x.reading("up") for x in whole.xmr.points]
    assert len(readings) == len(values) and set(readings) != {"common cause"}
    limits = next(t for t in built.tables if t.name == "Indicator phases and limits")
    [phase] = [row for row in limits.rows if row[1] == uncharted.name]
    assert phase[3:5] == [whole.dates[0], whole.dates[-1]]
    assert phase[7:10] == [
        rounded(whole.xmr.phases[0].centre),
        rounded(whole.xmr.phases[0].lower_limit),
        rounded(whole.xmr.phases[0].upper_limit),
    ]


def test_a_busy_site_report_lists_open_and_latest_cycles_and_keeps_all_in_the_table(world):
    goal = GoalFactory(priority__site=world.site_a)
    total = report_sections.LISTED_CYCLES + 10
    for number in range(1, total):
        completed(
            goal=goal,
            number=number,
            act_done=datetime.date(2012, 1, 1) + datetime.timedelta(days=number),
        )
    CycleFactory(goal=goal, number=total)  # still open
    ctx = ReportContext(
        report=Report(kind="site_progress", site=world.site_a),
        today=datetime.date(2012, 6, 1),
        site=world.site_a,
    )

    built = report_sections.cycles_and_outcomes(ctx)

    listed = [row[1] for row in built.context["rows"]]
    assert len(listed) == report_sections.LISTED_CYCLES
    assert listed[0] == total  # the open cycle first, then the latest completed
    assert listed[1] == total - 1
    assert built.context["unlisted"] == 10
    assert len(built.tables[0].rows) == total


def test_the_site_report_gives_the_progress_score_in_the_pages_words(world):
    from django.template.loader import render_to_string

    from pdsa import scores

    goal = GoalFactory(priority__site=world.site_a, title="Peer workers", status="in_progress")
    IndicatorFactory(goal=goal, target=20)
    ctx = ReportContext(
        report=Report(kind="site_progress", site=world.site_a),
        today=datetime.date(2012, 6, 1),
        site=world.site_a,
    )
    built = report_sections.progress_score(ctx)
    score, goals = scores.site_progress(world.site_a)
    html = render_to_string(built.template, built.context)
    assert "1.5: Planning for the project has begun." in html
    assert goals[0][1].next_step.reason in html  # "Start a PDSA cycle, or record 6 values…"
    rows = next(t for t in built.tables if t.name == "Progress score").rows
    assert rows[0][:3] == ["Site", score.score, score.label]
    assert [r[5] for r in rows if r[0] == "Peer workers"] == [s.reason for s in goals[0][1].steps]
