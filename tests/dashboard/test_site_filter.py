"""The dashboard's site filter: a multiple site chooser (no checkbox per site), whose sites
narrow every figure and ride along on the drill-down links and pages."""

import re

import pytest

from tests.sites.factories import SiteFactory

from .programme import PERIOD, build
from .test_views import figures


@pytest.fixture
def consultant(client, world):
    build(world)
    client.force_login(world.consultant)
    return client


def test_the_site_filter_narrows_the_figures_and_the_links_keep_it(consultant, world):
    chosen = {**PERIOD, "sites": [world.site_a.pk]}
    response = consultant.get("/dashboard/", chosen)
    status = figures(response, "status")
    assert status["Pilot"][-1] == 1 and status["Demonstration"][-1] == 0
    assert status["Network"][-1] == 0
    assert figures(response, "goals")["All goals"] == [2]
    page = response.content.decode()
    assert f"?sites={world.site_a.pk}&amp;date_from=" in page  # the tabs and drill-downs
    assert re.search(rf'name="sites" type="checkbox" value="{world.site_a.pk}"[^>]* checked', page)
    heatmap = consultant.get("/dashboard/heatmap/", chosen).content.decode()
    assert heatmap.count('<th scope="row"') == 1


def test_the_site_filter_lists_no_site_until_searched_and_then_at_most_fifty(
    client, world, django_assert_max_num_queries
):
    SiteFactory.create_batch(60)
    client.force_login(world.consultant)
    page = client.get("/dashboard/", PERIOD).content.decode()
    assert 'name="sites" type="checkbox"' not in page
    assert "Search or filter to list sites to tick." in page
    searched = client.get(
        "/dashboard/", {**PERIOD, "sites_q": "trust", "sites_search": "1"}
    ).content.decode()
    assert searched.count('name="sites" type="checkbox"') == 50
    assert "11 more sites match: refine your search" in searched  # and Alpha's trust


@pytest.mark.parametrize("value", ["abc", str(2**70), "999999"])
def test_a_bad_site_in_the_filter_is_a_form_error_not_a_500(client, world, value):
    client.force_login(world.consultant)
    for url in ("/dashboard/", "/dashboard/heatmap/", "/dashboard/list/goals/"):
        response = client.get(url, {"sites": value})
        assert response.status_code == 200
        assert "Select the sites from the list" in response.content.decode()
        assert "tables" not in response.context
    assert client.get("/dashboard/csv/goals/", {"sites": value}).status_code == 400
