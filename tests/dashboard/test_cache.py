"""The dashboard's figures are computed once per programme data version and read from the
cache after that; a write through a service shows at once (no stale figure), and a cache
that cannot be reached computes them every time."""

from decimal import Decimal

import pytest

from dashboard.tasks import warm
from sites import figures as sites_figures
from support.services import support_log_add
from tests.challenges.factories import assess

from .programme import IN_PERIOD, PERIOD, build
from .test_views import figures


@pytest.fixture
def consultant(client, world):
    build(world)
    client.force_login(world.consultant)
    return client


def test_a_second_view_reads_the_figures_from_the_cache(consultant, django_assert_max_num_queries):
    first = consultant.get("/dashboard/", PERIOD)
    with django_assert_max_num_queries(4):  # the user, the filters' two lists: no figure
        again = consultant.get("/dashboard/", PERIOD)
    assert figures(again, "support") == figures(first, "support")
    assert again.context["grid"] == first.context["grid"]


def test_a_write_changes_the_figure_the_dashboard_shows_at_once(consultant, world):
    before = figures(consultant.get("/dashboard/", PERIOD), "support")
    assert before["Site visit"][0] == 2
    support_log_add(
        site=world.site_b,
        kind="site_visit",
        date=IN_PERIOD,
        hours=Decimal("2"),
        recorded_by=world.consultant,
        given_by=world.consultant,
    )
    assess(world.site_b, [3] * 10, on=IN_PERIOD)
    response = consultant.get("/dashboard/", PERIOD)
    assert figures(response, "support")["Site visit"][0] == 3
    assert figures(response, "stages")["Q1 2012"][0] == 1  # site B assessed by then
    assert figures(response, "stages")["Q1 2012"][-1] == 10  # at stage 3


class Unreachable:
    """What ``imroc.cache.ResilientRedisCache`` answers with Redis down."""

    def get(self, key, default=None):
        return default

    def add(self, *args, **kwargs):
        return False

    def set(self, *args, **kwargs):
        return None


def test_an_unreachable_cache_computes_the_figures_each_time(consultant, world, monkeypatch):
    monkeypatch.setattr(sites_figures, "cache", Unreachable())
    assert figures(consultant.get("/dashboard/", PERIOD), "support")["Site visit"][0] == 2
    support_log_add(
        site=world.site_b,
        kind="site_visit",
        date=IN_PERIOD,
        hours=Decimal("2"),
        recorded_by=world.consultant,
        given_by=world.consultant,
    )
    assert figures(consultant.get("/dashboard/", PERIOD), "support")["Site visit"][0] == 3


def test_the_worker_computes_the_default_view_after_a_write(
    consultant, world, django_assert_max_num_queries
):
    support_log_add(
        site=world.site_b,
        kind="site_visit",
        date=IN_PERIOD,
        hours=Decimal("2"),
        recorded_by=world.consultant,
        given_by=world.consultant,
    )
    warm()
    with django_assert_max_num_queries(4):  # the user, the filters' two lists: no figure
        assert consultant.get("/dashboard/").status_code == 200
    with django_assert_max_num_queries(4):  # the heatmap's first page too
        assert consultant.get("/dashboard/heatmap/").status_code == 200


def test_the_heatmap_is_read_from_the_cache_and_shows_a_new_assessment_at_once(
    consultant, world, django_assert_max_num_queries
):
    def cells(response):
        row = next(r for r in response.context["table"].rows if r[0].text == world.site_b.name)
        return [cell.text for cell in row[3:]]

    first = consultant.get("/dashboard/heatmap/", PERIOD)
    with django_assert_max_num_queries(4):  # the user, the filters' two lists: no site
        again = consultant.get("/dashboard/heatmap/", PERIOD)
    assert again.context["body"] == first.context["body"]
    assess(world.site_b, [3] * 10, on=IN_PERIOD)
    after = consultant.get("/dashboard/heatmap/", PERIOD)
    assert cells(after) == [3] * 10 and cells(after) != cells(first)
    assert '<td class="heat heat-3">' in after.content.decode()


def test_an_unreachable_cache_draws_the_heatmap_each_time(consultant, world, monkeypatch):
    monkeypatch.setattr(sites_figures, "cache", Unreachable())
    assert (
        "How to read the heatmap" in consultant.get("/dashboard/heatmap/", PERIOD).content.decode()
    )
    assess(world.site_b, [2] * 10, on=IN_PERIOD)
    page = consultant.get("/dashboard/heatmap/", PERIOD).content.decode()
    assert page.count('<td class="heat heat-2">') >= 10
