"""CSV for Excel, conditional GET for scheduled refreshes, paging, the throttle, query counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.sites.factories import SiteFactory

from .data import NAMES, programme, read, site_work, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    return programme(world)


@pytest.mark.parametrize("name", NAMES)
def test_every_list_is_also_csv(client, world, data, name):
    response = read(client, token_for(world.admin), name, format="csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].split(",")[0] == "id"
    assert len(lines) > 1


def test_csv_text_never_runs_as_a_formula(client, world, data):
    goals, _ = data
    goals["a"].title = '=HYPERLINK("http://evil")'
    goals["a"].save()
    body = read(client, token_for(world.admin), "goals", format="csv").content.decode()
    assert "'=HYPERLINK" in body


def test_an_unchanged_list_answers_304_to_its_etag(client, world, data):
    secret = token_for(world.admin)
    first = read(client, secret, "assessments")
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    again = client.get(
        "/api/v1/assessments/",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    assert again.status_code == 304 and again.content == b""


def test_pages_link_to_the_next(client, world, data):
    body = read(client, token_for(world.admin), "sites", page_size=1).json()
    assert body["count"] == 2 and "page=2" in body["next"]


def test_each_token_is_throttled_on_its_own(client, world, settings, data):
    cache.clear()
    from rest_framework.settings import api_settings

    rates = api_settings.DEFAULT_THROTTLE_RATES
    old = rates["api_token"]
    rates["api_token"] = "2/hour"
    try:
        busy, other = token_for(world.admin), token_for(world.consultant)
        assert [read(client, busy, "sites").status_code for _ in range(3)] == [200, 200, 429]
        assert read(client, other, "sites").status_code == 200
    finally:
        rates["api_token"] = old


def _queries(client, secret, name) -> int:
    read(client, secret, name)  # the chart results are stored on the first read
    with CaptureQueriesContext(connection) as queries:
        assert read(client, secret, name).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", NAMES)
def test_a_list_takes_a_fixed_number_of_queries(
    client, world, data, name, django_assert_max_num_queries
):
    """The same with two sites' work as with five (the progress scores and chart results
    of a whole page are read together)."""
    secret = token_for(world.admin)
    few = _queries(client, secret, name)
    for _ in range(3):
        site_work(SiteFactory())
    read(client, secret, name)
    with django_assert_max_num_queries(few):
        read(client, secret, name)
    assert few <= 12
