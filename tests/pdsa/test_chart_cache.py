"""An indicator's chart results are computed once per change of its data and read from the
shared cache by every page; every write through the services makes them current again."""

import datetime

from django.test import Client

from pdsa import services
from pdsa.models import DataPoint, Goal
from tests.pdsa.factories import DataPointFactory, IndicatorFactory

START = datetime.date(2012, 1, 2)


def indicator_with(site, values, **fields):
    indicator = IndicatorFactory(goal__priority__site=site, better="up", unit="%", **fields)
    for day, value in enumerate(values):
        DataPointFactory(
            indicator=indicator, date=START + datetime.timedelta(days=day), value=value
        )
    return indicator


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sneak_in(indicator, value):
    """A value written behind the services' back: only a version change makes it show."""
    DataPoint.objects.create(indicator=indicator, date=datetime.date(2013, 1, 1), value=value)


def test_pages_read_the_stored_results_until_the_data_changes(world):
    indicator = indicator_with(world.site_a, [10, 11, 10, 12, 11, 10, 11, 10, 11, 12, 10, 11])
    client = signed_in(world.lead_a)
    url = f"/pdsa/indicators/{indicator.pk}/"
    assert "Common cause variation only." in client.get(url).content.decode()

    sneak_in(indicator, 90)
    assert "Common cause variation only." in client.get(url).content.decode()  # stored

    services.charts_changed(indicator_ids=[indicator.pk])
    page = client.get(url).content.decode()
    assert "Common cause variation only." not in page
    assert "outside the process limits" in page


def test_adding_and_deleting_a_value_through_the_services_redraws_the_charts(world):
    indicator = indicator_with(world.site_a, [10, 11, 10, 12, 11, 10, 11, 10, 11, 12, 10, 11])
    client = signed_in(world.lead_a)
    url = f"/pdsa/indicators/{indicator.pk}/"
    client.get(url)
    indicator.refresh_from_db()
    services.data_points_add(indicator=indicator, rows=[(datetime.date(2013, 1, 1), 90.0, "")])
    assert "outside the process limits" in client.get(url).content.decode()

    point = indicator.data_points.get(date=datetime.date(2013, 1, 1))
    services.data_point_delete(data_point=point)
    assert "Common cause variation only." in client.get(url).content.decode()


def test_editing_the_indicator_redraws_its_charts_under_the_new_name(world):
    indicator = indicator_with(world.site_a, [10, 11, 12], name="Old name")
    client = signed_in(world.lead_a)
    url = f"/pdsa/indicators/{indicator.pk}/"
    assert "Run chart: Old name" in client.get(url).content.decode()
    services.indicator_update(indicator=indicator, name="New name")
    page = client.get(url).content.decode()
    assert "Run chart: New name" in page and "Run chart: Old name" not in page


def test_the_review_form_reads_the_stored_signals_of_open_goals_indicators(world):
    flat = [10, 11, 10, 12, 11, 10, 11, 10, 11, 12, 10, 11]
    indicator = indicator_with(world.site_a, flat, name="Open measure")
    closed = indicator_with(world.site_a, flat, name="Achieved measure")
    Goal.objects.filter(pk=closed.goal_id).update(status=Goal.Status.ACHIEVED)
    client = signed_in(world.consultant)
    url = "/support/sites/alpha/reviews/add/"
    page = client.get(url).content.decode()
    assert "Open measure" in page and "Achieved measure" not in page
    assert "XmR: common cause variation" in page

    sneak_in(indicator, 90)
    assert "XmR: common cause variation" in client.get(url).content.decode()  # stored
    services.charts_changed(indicator_ids=[indicator.pk])
    assert "XmR: improvement: outside the process limits" in client.get(url).content.decode()
