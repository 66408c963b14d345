"""A consultant's own page: their sites a page at a time with each one's progress score (from
the per-site cache), whose review is due, which have gone quiet."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from pdsa.scores import site_progress
from pdsa.services import data_points_add
from support.services import support_log_add
from tests.pdsa.factories import IndicatorFactory
from tests.sites.factories import SiteFactory
from tests.support.factories import ProgressReviewFactory

TODAY = datetime.date(2012, 6, 1)
SERVED = 5  # the user, the table's count and page, reviews due and quiet sites (each counted)
# and the scores of the page's sites (group, goals, cycles, indicators) from charts not yet
# drawn (data, phases, cycles)
COMPUTED = SERVED + 7


@time_machine.travel(datetime.datetime(2012, 6, 1, 12, 0), tick=False)
def test_consultant_sees_reviews_due_and_quiet_sites(world, client, django_assert_max_num_queries):
    a = world.site_a  # no review yet, no activity: due and quiet
    busy = SiteFactory(name="Busy Trust")
    calm = SiteFactory(name="Calm Trust")
    SiteFactory(name="Not mine")
    for site in (busy, calm):
        site.consultants.add(world.consultant)
    ProgressReviewFactory(
        site=busy,
        consultant=world.consultant,
        review_date=datetime.date(2012, 3, 1),
        period_start=datetime.date(2012, 1, 1),
        period_end=datetime.date(2012, 3, 1),
        next_review_due=datetime.date(2012, 6, 10),  # within 14 days: due
    )
    support_log_add(
        site=busy,
        kind="site_visit",
        date=datetime.date(2012, 5, 20),
        hours=Decimal("2"),
        recorded_by=world.consultant,
        given_by=world.consultant,
    )
    ProgressReviewFactory(
        site=calm,
        consultant=world.consultant,
        review_date=datetime.date(2012, 3, 1),
        period_start=datetime.date(2012, 1, 1),
        period_end=datetime.date(2012, 3, 1),
        next_review_due=datetime.date(2012, 9, 1),
    )
    data_points_add(
        indicator=IndicatorFactory(goal__priority__site=calm),
        rows=[(datetime.date(2012, 4, 1), 3.0, ""), (datetime.date(2012, 5, 1), 4.0, "")],
    )
    client.force_login(world.consultant)
    with django_assert_max_num_queries(COMPUTED):
        response = client.get("/dashboard/me/")
    context = response.context
    # Most pressing first: no review yet, then the nearest next review.
    assert [row.site.name for row in context["rows"]] == [a.name, "Busy Trust", "Calm Trust"]
    assert [site.name for site in context["due"].sites] == [a.name, "Busy Trust"]
    # Calm's last review (1 March) is 13 weeks old but its data point (1 May) is recent.
    assert [site.name for site in context["quiet"].sites] == [a.name]
    lasts = {row.site.name: row.last_activity for row in context["rows"]}
    assert lasts == {
        a.name: None,
        "Busy Trust": datetime.date(2012, 5, 20),
        "Calm Trust": datetime.date(2012, 5, 1),
    }
    page = response.content.decode()
    # Each site's progress score is the one its progress page gives, with the step's reason.
    for row in context["rows"]:
        score = site_progress(row.site)[0]
        assert row.progress == score
        assert f"{score.score}: {score.label}" in page and score.reached.reason in page
    assert "Not mine" not in page
    assert "no review yet" in page
    with django_assert_max_num_queries(SERVED):  # the scores from the cache
        again = client.get("/dashboard/me/")
    assert [row.progress for row in again.context["rows"]] == [
        row.progress for row in context["rows"]
    ]


def _assign(world, count: int) -> None:
    for n in range(count):
        site = SiteFactory(name=f"Trust {n:02d}")
        site.consultants.add(world.consultant)
        IndicatorFactory(goal__priority__site=site)


@pytest.mark.parametrize("extra", [3, 40])
def test_the_page_costs_the_same_for_few_sites_or_many(
    world, client, extra, django_assert_max_num_queries
):
    _assign(world, extra)
    client.force_login(world.consultant)
    with django_assert_max_num_queries(COMPUTED):
        client.get("/dashboard/me/")
    with django_assert_max_num_queries(SERVED):
        response = client.get("/dashboard/me/")
    assert len(response.context["rows"]) == min(extra + 1, 25)


def test_the_sites_come_25_a_page_sorted_and_filtered_without_javascript(world, client):
    _assign(world, 40)  # and Alpha: 41 sites
    client.force_login(world.consultant)
    first = client.get("/dashboard/me/", {"sort": "name"})
    page = first.content.decode()
    assert [row.site.name for row in first.context["rows"]][:2] == [world.site_a.name, "Trust 00"]
    assert len(first.context["rows"]) == 25
    assert "41 sites, 25 a page" in page and "Page 1 of 2" in page
    assert 'href="?sort=-name"' in page  # the heading sorts the other way round
    second = client.get("/dashboard/me/", {"sort": "name", "page": 2})
    assert [row.site.name for row in second.context["rows"]][-1] == "Trust 39"
    assert len(second.context["rows"]) == 16
    backwards = client.get("/dashboard/me/", {"sort": "-name"})
    assert backwards.context["rows"][0].site.name == "Trust 39"
    found = client.get("/dashboard/me/", {"q": "trust 1", "sort": "name"})
    assert [row.site.name for row in found.context["rows"]] == [f"Trust 1{n}" for n in range(10)]
    # Reviews due and quiet sites: the most pressing few, and how many there are.
    assert first.context["due"].count == 41 and len(first.context["due"].sites) == 10
    assert "The 10 most pressing of 41" in page
