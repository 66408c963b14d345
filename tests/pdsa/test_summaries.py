"""A site's table of all its indicators and one indicator name across sites, each with the
Making Data Count variation and assurance icons and their words."""

import datetime

import pytest

from pdsa.models import DataPoint
from tests.pdsa.factories import IndicatorFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)


def measured(site, name, values, **fields):
    indicator = IndicatorFactory(goal__priority__site=site, name=name, **fields)
    DataPoint.objects.bulk_create(
        DataPoint(indicator=indicator, date=START + datetime.timedelta(weeks=w), value=v)
        for w, v in enumerate(values)
    )
    return indicator


STEADY = [10, 12] * 6  # mean 11, limits 5.68 to 16.32


def test_site_table_shows_each_indicator_with_both_icons_in_words(world):
    measured(world.site_a, "Peer contacts", STEADY + [30], target=20)  # 30 is outside: high
    measured(world.site_a, "Waiting days", STEADY, better="down", target=20)
    page = client_for(world.lead_a).get("/pdsa/sites/alpha/indicators/").content.decode()
    assert "Peer contacts" in page and "Waiting days" in page
    assert "Special cause improvement (higher)" in page
    assert "Common cause variation" in page
    # Higher is better, target 20 above the upper limit of 16.32: never met.
    assert "Consistently fails the target" in page
    # Lower is better, target 20 above the upper limit: always met.
    assert "Consistently meets the target" in page


def test_a_consultant_compares_one_indicator_across_sites(world):
    measured(world.site_a, "Peer contacts", STEADY, target=12)
    measured(world.site_b, "Peer contacts", STEADY + [2], target=12)
    measured(world.site_b, "Something else", STEADY)
    client = client_for(world.consultant)
    page = client.get("/pdsa/indicators/compare/").content.decode()
    assert "Peer contacts (2 sites)" in page
    page = client.get("/pdsa/indicators/compare/", {"name": "Peer contacts"}).content.decode()
    assert world.site_a.name in page and world.site_b.name in page
    assert "Something else" not in page.split("<h2")[1]
    assert "Special cause concern (lower)" in page
    assert page.count("Hits and misses the target at random") == 2


def test_site_leads_cannot_compare_across_sites(world):
    assert client_for(world.lead_a).get("/pdsa/indicators/compare/").status_code == 403


@pytest.mark.parametrize("count", [1, 6])
def test_the_tables_make_the_same_queries_with_one_or_many_indicators(
    world, django_assert_max_num_queries, count
):
    for i in range(count):
        measured(world.site_a, "Peer contacts", STEADY[: i + 2])
    client = client_for(world.consultant)
    with django_assert_max_num_queries(12):
        client.get("/pdsa/sites/alpha/indicators/")
    with django_assert_max_num_queries(12):
        client.get("/pdsa/indicators/compare/", {"name": "Peer contacts"})
