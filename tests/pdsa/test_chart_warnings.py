"""Charts that say when they cannot yet tell (domain.md "Limits that cannot yet tell"): trial
limits, short phases, collapsed limits, values left out, missing periods; and the forms that
refuse or warn."""

import datetime

import pytest
from django.core.cache import cache

from pdsa.models import DataPoint
from tests.pdsa.factories import IndicatorFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)


def weekly(indicator, values, first_week=0):
    DataPoint.objects.bulk_create(
        DataPoint(
            indicator=indicator, date=START + datetime.timedelta(weeks=first_week + w), value=v
        )
        for w, v in enumerate(values)
    )


def page(world, indicator) -> str:
    cache.clear()  # data written behind the services
    return client_for(world.lead_a).get(f"/pdsa/indicators/{indicator.pk}/").content.decode()


def test_trial_limits_are_labelled_and_give_no_assurance_verdict(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, target=5)
    weekly(indicator, [10, 12])
    html = page(world, indicator)
    assert "What this chart cannot yet tell" in html
    assert "they come from 2 values (fewer than 12), so they cannot yet tell; needs 10 more" in html
    assert "No assurance about the target is given from trial limits." in html
    assert "Trial limits cannot judge the target: needs 10 more values" in html
    assert "Consistently" not in html  # no verdict from two points


def test_collapsed_limits_are_named_with_a_run_chart_suggestion(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, unit="people")
    weekly(indicator, [0, 0, 0, 2, 2, 2, 2, 5, 5, 5, 5, 5, 8, 8, 8])
    html = page(world, indicator)
    assert "The XmR limits cannot tell: " in html
    assert "Step-like counts (head counts, courses) are often better read on the run chart." in html


def test_a_missing_period_is_named_and_the_line_breaks(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, data_interval_days=7)
    weekly(indicator, [10, 12, 11, 13])
    weekly(indicator, [12, 11, 10], first_week=7)  # weeks 4 to 6 have no value
    html = page(world, indicator)
    assert "No value between 27 Jan 2025 and 24 Feb 2025 (one is expected every 7 days)" in html
    run_svg = html.split('<section aria-labelledby="run-heading">')[1].split("</svg>")[0]
    assert run_svg.count("<polyline") == 2


def test_a_short_phase_is_warned_when_it_is_made_and_on_the_chart(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    weekly(indicator, [10, 12] * 6 + [20, 22, 21])
    client = client_for(world.lead_a)
    response = client.post(
        f"/pdsa/indicators/{indicator.pk}/phases/add/",
        {
            "starts_on_day": 31,
            "starts_on_month": 3,
            "starts_on_year": 2025,
            "reason": "Cycle 2 adopted",
        },
        follow=True,
    )
    assert (
        "It has 3 values so far: its limits are trial limits, which cannot yet tell, until it "
        "has 12 (needs 9 more values)." in response.content.decode()
    )
    html = page(world, indicator)
    assert "Phase 2 (from 31 Mar 2025)&#x27;s XmR limits are trial limits" in html


def test_a_fixed_baseline_under_twelve_points_is_refused_with_a_message(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    response = client_for(world.lead_a).post(
        f"/pdsa/indicators/{indicator.pk}/edit/",
        {
            "name": indicator.name,
            "better": "up",
            "data_interval_days": 7,
            "xmr_baseline": 2,
            "xmr_run": 7,
        },
    )
    assert response.status_code == 200
    assert "Fix the baseline on at least 12 points" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.xmr_baseline is None


def test_a_value_left_out_is_hollow_kept_in_the_table_and_in_the_history(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, unit="people")
    weekly(indicator, [10, 12] * 6 + [90])
    point = indicator.data_points.get(value=90)
    client = client_for(world.lead_a)
    response = client.post(
        f"/pdsa/indicators/{indicator.pk}/data/{point.pk}/edit/",
        {
            "date_day": 31,
            "date_month": 3,
            "date_year": 2025,
            "value": 90,
            "left_out_because": "Counted twice during the system change",
        },
    )
    assert response.status_code == 302, response.content.decode()
    html = page(world, indicator)
    assert (
        "Left out of the calculations (hollow on the charts, kept in the table): 31 Mar 2025"
        in (html)
    )
    assert 'fill="#ffffff" stroke="#231f20" stroke-width="2"' in html  # the hollow point
    assert "mean 11; process limits 5.68 to 16.32" in html  # worked out without the 90
    assert "changed the value of 31 Mar 2025" in html
    assert "Counted twice during the system change" in html.split('id="history-heading"')[1]


def test_six_in_a_row_is_a_shift_when_the_indicator_chose_six(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, xmr_run=6)
    weekly(indicator, [2, 6, 2, 6, 2, 3, 5, 5, 5, 5, 5, 5, 3])
    assert "6 or more points on one side of the mean" in page(world, indicator)
