"""Entering data: a grid to type or paste many dated values at once, correcting a value,
deleting one only after confirming, no future dates unless forecasts are expected, and a
percentage's numerator and denominator kept with its value."""

import datetime

import pytest
import time_machine

from pdsa.csv_import import parse_rows
from pdsa.models import DataPoint
from tests.pdsa.factories import DataPointFactory, IndicatorFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False):
        yield


TODAY = datetime.date(2026, 12, 1)
SPREADSHEET = "Date\tValue\tNote\n02/11/2026\t41\tbefore\n09/11/2026\t43%\t\n16/11/2026\t44\t\n"


def grid_url(indicator):
    return f"/pdsa/indicators/{indicator.pk}/data/add/"


def test_cells_pasted_from_a_spreadsheet_and_typed_rows_are_added_together(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    client = client_for(world.member_a)
    response = client.post(
        grid_url(indicator),
        {"paste": SPREADSHEET, "date_0": "2026-11-23", "value_0": "45", "note_0": "typed"},
    )
    assert response.status_code == 302
    assert list(DataPoint.objects.values_list("date", "value", "note")) == [
        (datetime.date(2026, 11, 2), 41.0, "before"),
        (datetime.date(2026, 11, 9), 43.0, ""),
        (datetime.date(2026, 11, 16), 44.0, ""),
        (datetime.date(2026, 11, 23), 45.0, "typed"),
    ]


def test_one_bad_row_adds_nothing_and_names_the_row(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    page = client_for(world.lead_a).post(
        grid_url(indicator),
        {"paste": SPREADSHEET, "date_0": "2026-11-09", "value_0": "45"},
    )
    text = page.content.decode()
    assert '<a href="#id_date_0">9 November 2026 is both typed and pasted.</a>' in text
    assert not DataPoint.objects.exists()


def test_a_bad_cell_is_linked_from_the_summary_marked_and_explained_beside_it(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    page = client_for(world.lead_a).post(
        grid_url(indicator),
        {"date_0": "02/11/2026", "value_0": "41", "date_1": "09/11/2026", "value_1": "lots"},
    )
    text = page.content.decode()
    message = "Row 2: “lots” is not a number."
    assert f'<a href="#id_value_1">{message}</a>' in text
    assert (
        f'<span class="nhsuk-error-message" id="id_value_1-error">'
        f'<span class="nhsuk-u-visually-hidden">Error:</span> {message}</span>'
    ) in text
    assert 'class="nhsuk-input nhsuk-input--error" id="id_value_1"' in text
    assert 'aria-describedby="id_value_1-error"' in text
    assert not DataPoint.objects.exists()


def test_a_decimal_comma_is_read_where_it_cannot_be_a_thousands_separator(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    client = client_for(world.lead_a)
    ambiguous = client.post(grid_url(indicator), {"date_0": "02/11/2026", "value_0": "1,250"})
    assert (
        "Row 1: “1,250” is not a number: use a full stop for decimals, like 62.5."
        in ambiguous.content.decode()
    )
    response = client.post(grid_url(indicator), {"date_0": "02/11/2026", "value_0": "62,5"})
    assert response.status_code == 302
    assert DataPoint.objects.get().value == 62.5


def test_uk_dates_typed_in_the_grid_are_read_day_first(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    client = client_for(world.lead_a)
    rows = {"date_0": "03/11/2026", "value_0": "1", "date_1": "30112026", "value_1": "2"}
    rows |= {"date_2": "10/11/26", "value_2": "3", "date_3": "17-Nov-26", "value_3": "4"}
    assert client.post(grid_url(indicator), rows).status_code == 302
    assert sorted(DataPoint.objects.values_list("date", flat=True)) == [
        datetime.date(2026, 11, 3),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 11, 17),
        datetime.date(2026, 11, 30),
    ]


def test_rows_added_by_the_page_beyond_the_ten_shown_are_saved(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    start = datetime.date(2026, 6, 1)
    data = {}
    for i in range(14):
        data |= {f"date_{i}": f"{start + datetime.timedelta(weeks=i):%d/%m/%Y}", f"value_{i}": i}
    assert client_for(world.lead_a).post(grid_url(indicator), data).status_code == 302
    assert DataPoint.objects.count() == 14


def test_future_dates_are_refused_unless_the_indicator_expects_forecasts(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    client = client_for(world.lead_a)
    data = {"date_0": "2026-12-02", "value_0": "5"}
    assert (
        "Row 1: 2 December 2026 is in the future."
        in client.post(grid_url(indicator), data).content.decode()
    )
    assert not DataPoint.objects.exists()
    indicator.expects_forecasts = True
    indicator.save()
    assert client.post(grid_url(indicator), data).status_code == 302
    assert DataPoint.objects.get().date == datetime.date(2026, 12, 2)


def test_a_percentage_keeps_its_numerator_and_denominator_and_shows_them(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, unit="%")
    client = client_for(world.lead_a)
    response = client.post(
        grid_url(indicator),
        {
            "date_0": "2026-11-02",
            "numerator_0": "12",
            "denominator_0": "40",
            "paste": "2026-11-09,25,,10,40\n",
        },
    )
    assert response.status_code == 302
    assert list(DataPoint.objects.values_list("value", "numerator", "denominator")) == [
        (30.0, 12.0, 40.0),
        (25.0, 10.0, 40.0),
    ]
    page = client.get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    assert 'scope="col" role="columnheader">Numerator</th>' in page
    assert "Numerator </span><span>12</span></td>" in page
    assert "Denominator </span><span>40</span></td>" in page


def test_counts_that_do_not_give_the_value_are_refused():
    rows, errors = parse_rows("2026-11-09,50,,10,40\n2026-11-16,,,41,40\n2026-11-23,,,3,\n")
    assert rows == []
    assert errors == [
        "Line 1: 50 is not 10 / 40 (25.0%).",
        "Line 2: the numerator cannot be larger than the denominator.",
        "Line 3: give both the numerator and the denominator, or neither.",
    ]


def test_a_value_is_corrected_on_its_own_page(world):
    point = DataPointFactory(indicator__goal__priority__site=world.site_a, value=10)
    url = f"/pdsa/indicators/{point.indicator_id}/data/{point.pk}/edit/"
    client = client_for(world.lead_a)
    response = client.post(url, {"date": point.date.isoformat(), "value": "12", "note": "typo"})
    assert response.status_code == 302
    point.refresh_from_db()
    assert (point.value, point.note) == (12.0, "typo")
    page = client.post(url, {"date": "2027-01-01", "value": "12"}).content.decode()
    assert "The date cannot be in the future for this indicator." in page


def test_deleting_a_value_asks_first(world):
    point = DataPointFactory(indicator__goal__priority__site=world.site_a, value=10)
    url = f"/pdsa/indicators/{point.indicator_id}/data/{point.pk}/delete/"
    client = client_for(world.lead_a)
    page = client.get(url).content.decode()
    assert f"Delete the value of {point.date:%-d %B %Y}?" in page
    assert DataPoint.objects.exists()
    assert client.post(url).status_code == 302
    assert not DataPoint.objects.exists()


def test_a_reader_cannot_enter_or_delete_values(world):
    point = DataPointFactory(indicator__goal__priority__site=world.site_a, value=10)
    consultant = client_for(world.consultant)
    assert consultant.post(grid_url(point.indicator), {"paste": SPREADSHEET}).status_code == 403
    delete = f"/pdsa/indicators/{point.indicator_id}/data/{point.pk}/delete/"
    assert consultant.post(delete).status_code == 403
    assert client_for(world.lead_b).post(delete).status_code == 404
    assert DataPoint.objects.count() == 1
