"""Indicator values are bounded where people type or import them, and a value stored before
the bound (1e308 from an old import) no longer breaks the indicator page, the site report or
its PDF: the charts say which value to correct, and the delete buttons work."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pdsa import charts
from pdsa.chart_results import compute
from pdsa.indicator_svg import render_indicator_svg
from pdsa.models import DataPoint
from reports import services as report_services
from reports.models import Report
from tests.pdsa.factories import DataPointFactory, IndicatorFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def extreme_indicator(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, name="Peer workers")
    for day, value in enumerate([3, 4, 1e308, -1e308, 5, 6], start=1):
        DataPointFactory(indicator=indicator, date=datetime.date(2012, 1, day), value=value)
    return indicator


def test_a_typed_value_beyond_a_billion_is_refused_in_the_form(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    url = f"/pdsa/indicators/{indicator.pk}/data/add/"
    response = client_for(world.lead_a).post(url, {"date_0": "2012-01-02", "value_0": "1e308"})
    assert response.status_code == 200
    assert (
        "Row 1: “1e308” is refused: enter a value from -1,000,000,000 to 1,000,000,000."
        in response.content.decode()
    )
    assert not DataPoint.objects.exists()


def test_an_indicators_own_bounds_refuse_a_percentage_over_100(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, lowest=0, highest=100)
    url = f"/pdsa/indicators/{indicator.pk}/data/add/"
    response = client_for(world.lead_a).post(url, {"date_0": "2012-01-02", "value_0": "101"})
    assert "enter a value from 0 to 100." in response.content.decode()
    response = client_for(world.lead_a).post(url, {"date_0": "2012-01-02", "value_0": "99.5"})
    assert response.status_code == 302


def test_the_indicator_form_sets_bounds_and_keeps_baseline_and_target_inside(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    url = f"/pdsa/indicators/{indicator.pk}/edit/"
    data = {"name": "Share", "unit": "%", "better": "up", "data_interval_days": 7}
    response = client_for(world.lead_a).post(
        url, {**data, "lowest": 0, "highest": 100, "target": 150, "baseline": "1e308"}
    )
    page = response.content.decode()
    for field in ("target", "baseline"):  # at the field, and linked from the error summary
        assert f'<a href="#id_{field}">Enter a value from 0 to 100.</a>' in page
    assert page.count("</span> Enter a value from 0 to 100.</span>") == 2
    response = client_for(world.lead_a).post(url, {**data, "target": "-1e308"})
    assert "Enter a value from -1,000,000,000 to 1,000,000,000." in response.content.decode()
    response = client_for(world.lead_a).post(url, {**data, "lowest": 100, "highest": 0})
    assert "must be above the lowest" in response.content.decode()


def test_an_import_refuses_extreme_values_naming_their_lines(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    url = f"/pdsa/indicators/{indicator.pk}/data/import/"
    text = "date,value\n2012-01-01,5\n2012-01-08,1e308\n2012-01-15,-1e308\n"
    page = client_for(world.lead_a).post(url, {"text": text}).content.decode()
    assert "Line 3: “1e308” is refused: enter a value from -1,000,000,000" in page
    assert "Line 4: “-1e308” is refused" in page
    assert not DataPoint.objects.exists()


def test_an_import_line_with_a_huge_field_is_reported_by_number(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    url = f"/pdsa/indicators/{indicator.pk}/data/import/"
    huge = "x" * 131_073
    for text in (f"2012-01-01,5\n2012-01-08,6,{huge}\n", f'2012-01-01,5\n2012-01-08,6,"{huge}'):
        response = client_for(world.lead_a).post(url, {"text": text})
        assert response.status_code == 200
        assert "Line 2: longer than 1,000 characters" in response.content.decode()
    assert not DataPoint.objects.exists()


def test_an_upload_over_the_byte_limit_is_refused(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    url = f"/pdsa/indicators/{indicator.pk}/data/import/"
    upload = SimpleUploadedFile("data.csv", b"2012-01-01,5\n" * 80_000, "text/csv")
    response = client_for(world.lead_a).post(url, {"file": upload})
    assert "The file is larger than 1 MB." in response.content.decode()


def test_stored_extreme_values_leave_the_indicator_page_working_and_deletable(world):
    indicator = extreme_indicator(world)
    client = client_for(world.lead_a)
    response = client.get(f"/pdsa/indicators/{indicator.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Not drawn: the value of 3 Jan 2012 (1e+308) is too large to chart." in page
    for point in indicator.data_points.filter(value__gt=1e9) | indicator.data_points.filter(
        value__lt=-1e9
    ):
        url = f"/pdsa/indicators/{indicator.pk}/data/{point.pk}/delete/"
        assert client.post(url).status_code == 302
    page = client.get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    assert "Not drawn" not in page and "Median" in page


def test_stored_extreme_values_leave_the_site_report_and_its_pdf_working(world):
    extreme_indicator(world)
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert report_services.report_generate(report=report) is True
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=12),
    st.sampled_from(["up", "down", ""]),
    st.one_of(st.none(), st.floats(-1e9, 1e9)),
)
def test_any_stored_values_give_a_chart_or_say_which_cannot_be_drawn(values, better, target):
    indicator = SimpleNamespace(
        name="Peer workers", unit="people", better=better, target=target, xmr_baseline=None
    )
    start = datetime.date(2012, 1, 2)
    points = [
        SimpleNamespace(date=start + datetime.timedelta(days=7 * i), value=v, note="")
        for i, v in enumerate(values)
    ]
    results = compute(indicator, points)
    bad = charts.unchartable(values)
    for kind in ("run", "xmr"):
        svg = render_indicator_svg(results, kind)
        if bad is not None:
            assert f"({values[bad]:g}) is too large to chart" in svg
        else:
            assert "too large" not in svg
