"""Every headline figure has one value wherever it appears: the dashboard, the programme
report, the site pages and the pages of the figure's source (peer-support and colleges
overviews), on the demo and on a generated programme (issue 22)."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from accounts.roles import Role
from reports.models import Report
from reports.registry import ReportContext
from sites import figures
from sites.models import Site
from sites.report_sections import programme_figures
from tests.reports.factories import ReportFactory
from tests.sites.factories import UserFactory

pytestmark = pytest.mark.django_db


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def dashboard_figures(client) -> tuple[dict, object]:
    response = client.get("/dashboard/")
    assert response.status_code == 200
    table = response.context["tables"]["outcomes"]
    return {row[0].text: _number(row[1].text) for row in table.rows}, response.context["filters"]


def report_figures(until) -> dict:
    ctx = ReportContext(
        report=ReportFactory(kind=Report.Kind.PROGRAMME, site=None), today=until, period_end=until
    )
    section = programme_figures(ctx)
    table = next(t for t in section.tables if t.name == "Headline figures")
    return {label: _number(value) for label, value in table.rows}


def site_page_peer_workers(client, site) -> tuple[int, float]:
    page = client.get(f"/sites/{site.slug}/").content.decode()
    text = re.search(r'id="site-peer-workers">([^<]*)<', page).group(1)
    people, wte = re.fullmatch(r"(\d+) employed \(([\d.]+) WTE\)", text.strip()).groups()
    return int(people), float(wte)


def site_page_colleges(client, site) -> tuple[int, int]:
    page = client.get(f"/sites/{site.slug}/").content.decode()
    text = re.search(r'id="site-colleges">([^<]*)<', page).group(1)
    opened, planned = re.match(r"(\d+) open, (\d+) planned", text.strip()).groups()
    return int(opened), int(planned)


def assert_one_value_each(client):
    dashboard, filters = dashboard_figures(client)
    report = report_figures(filters.until)
    every = figures.values([f.key for f in figures.figures()], Site.objects.active(), filters.until)
    shared = set(dashboard) & set(report)
    assert len(shared) >= 8, shared  # peer workers, colleges, courses, students, risk
    for label in shared:
        assert dashboard[label] == report[label], label
    for f in figures.figures():
        assert report[f.label] == _number(every[f.key]), f.label

    # The site pages add up to the programme's figures.
    people = wte = opened = planned = 0
    for site in Site.objects.active():
        site_people, site_wte = site_page_peer_workers(client, site)
        site_open, site_planned = site_page_colleges(client, site)
        people, wte = people + site_people, wte + site_wte
        opened, planned = opened + site_open, planned + site_planned
    assert people == dashboard["Peer support workers (head count)"]
    assert wte == pytest.approx(dashboard["Peer support workers (whole-time equivalent)"])
    assert opened == dashboard["Recovery colleges open"]
    assert planned == dashboard["Recovery colleges planned"]

    # The sources' own overviews say the same.
    peers = client.get("/peer-support/").context["totals"]
    assert peers.head_count == dashboard["Peer support workers (head count)"]
    colleges = client.get("/colleges/").context["totals"]
    assert (colleges.open, colleges.planned) == (opened, planned)
    assert colleges.students == dashboard["Recovery college students (latest term)"]
    return dashboard


def test_every_headline_figure_has_one_value_on_the_demo(client):
    call_command("load_demo", stdout=StringIO())
    client.force_login(UserFactory(username="figures-admin", roles=[Role.ADMINISTRATOR]))
    dashboard = assert_one_value_each(client)
    # Devon: the site page's peer workers are its posts (5 people, 4.1 WTE), not a
    # snapshot's typed 12.
    devon = Site.objects.get(name="Devon Partnership NHS Trust")
    assert site_page_peer_workers(client, devon) == (5, 4.1)
    assert dashboard["Recovery colleges open"] == 3
    assert dashboard["Recovery colleges planned"] == 4


def test_every_headline_figure_has_one_value_on_a_generated_programme(client):
    call_command("generate_programme", "--sites", "6", "--seed", "22", stdout=StringIO())
    client.force_login(UserFactory(username="figures-admin", roles=[Role.ADMINISTRATOR]))
    dashboard = assert_one_value_each(client)
    assert dashboard["Peer support workers (head count)"] > 0


def test_an_indicators_centre_lines_and_limits_agree_on_the_page_pdf_spreadsheet_and_api(
    client, world
):
    """Rounded once (``pdsa.chart_words.rounded``): the page's and the PDF's text, the
    spreadsheet's numbers and the API's values, rounded, are the same figures."""
    import datetime

    from api.figures import chart_record
    from pdsa import chart_cache
    from pdsa.chart_words import rounded, shown
    from reports import services
    from tests.pdsa.factories import DataPointFactory, GoalFactory, IndicatorFactory
    from tests.reports.pdf import assert_pdf_contains, sheets

    goal = GoalFactory(priority__site=world.site_a, title="Fewer restrictive practices")
    indicator = IndicatorFactory(goal=goal, name="Incidents a ward", unit="incidents")
    values = [12.137, 9.481, 11.262, 13.915, 10.333, 8.774, 12.606, 11.049, 9.958, 14.121]
    for week, value in enumerate(values):
        DataPointFactory(
            indicator=indicator,
            date=datetime.date(2026, 1, 5) + datetime.timedelta(weeks=week),
            value=value,
        )
    results = chart_cache.results(indicator)
    phase = results.phase_summaries()[-1]
    figures = [phase.median, phase.xmr.centre, phase.xmr.lower_limit, phase.xmr.upper_limit]
    assert all(f is not None and f != rounded(f) for f in figures[1:]), figures  # decimals

    client.force_login(world.lead_a)
    page = client.get(indicator.get_absolute_url()).content.decode()
    limits = f"mean {shown(phase.xmr.centre)}; trial limits {shown(phase.xmr.lower_limit)} to "
    limits += f"{shown(phase.xmr.upper_limit)}"
    assert limits in " ".join(re.sub(r"<[^>]+>", "", page).split())
    assert f"Median {shown(phase.median)} incidents." in page

    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert services.report_generate(report=report)
    report.refresh_from_db()
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(pdf.read(), limits, f"Median {shown(phase.median)} incidents.")
    with report.spreadsheet.open("rb") as xlsx:
        rows = sheets(xlsx.read())["Indicator phases and limits"]
    row = next(r for r in rows if r[1] == "Incidents a ward")
    assert list(row[6:10]) == [rounded(f) for f in figures]

    api = chart_record(results)["phases"][-1]
    assert [rounded(api[k]) for k in ("median", "mean", "lower_limit", "upper_limit")] == list(
        row[6:10]
    )
