"""A consultant's own page: their sites, whose review is due, which have gone quiet."""

import datetime
from decimal import Decimal

import time_machine

from pdsa.selectors import site_progress
from pdsa.services import data_points_add
from support.services import support_log_add
from tests.pdsa.factories import IndicatorFactory
from tests.sites.factories import SiteFactory
from tests.support.factories import ProgressReviewFactory

TODAY = datetime.date(2012, 6, 1)


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
    with django_assert_max_num_queries(10):  # 5 for the reviews, 5 for the progress scores
        response = client.get("/dashboard/me/")
    context = response.context
    assert [row["site"].name for row in context["rows"]] == [
        a.name,
        "Busy Trust",
        "Calm Trust",
    ]
    assert [row["site"].name for row in context["due"]] == [a.name, "Busy Trust"]
    # Calm's last review (1 March) is 13 weeks old but its data point (1 May) is recent.
    assert [row["site"].name for row in context["quiet"]] == [a.name]
    lasts = {row["site"].name: row["last_activity"] for row in context["rows"]}
    assert lasts == {
        a.name: None,
        "Busy Trust": datetime.date(2012, 5, 20),
        "Calm Trust": datetime.date(2012, 5, 1),
    }
    page = response.content.decode()
    # Each site's progress score is the one its progress page gives, with the step's reason.
    for row in context["rows"]:
        score = site_progress(row["site"])[0]
        assert row["progress"] == score
        assert f"{score.score}: {score.label}" in page and score.reached.reason in page
    assert "Not mine" not in page
    assert "no review yet" in page
