"""A site's last activity is kept as work is recorded, so the consultant's page reads a
column instead of every data point."""

import datetime
from decimal import Decimal

from pdsa import services as pdsa_services
from sites import activity
from sites.models import Site
from support.models import ProgressReview
from support.services import support_log_add
from tests.challenges.factories import assess
from tests.pdsa.factories import DataPointFactory, IndicatorFactory
from tests.support.factories import ProgressReviewFactory


def last_activity(site):
    return Site.objects.get(pk=site.pk).last_activity


def test_recorded_work_moves_the_last_activity_forward_never_back(world):
    site = world.site_a
    indicator = IndicatorFactory(goal__priority__site=site)
    assert last_activity(site) is None
    pdsa_services.data_points_add(
        indicator=indicator,
        rows=[(datetime.date(2012, 3, 1), 1.0, ""), (datetime.date(2012, 4, 1), 2.0, "")],
    )
    assert last_activity(site) == datetime.date(2012, 4, 1)
    support_log_add(
        site=site,
        kind="site_visit",
        date=datetime.date(2012, 2, 1),  # an older visit logged late
        hours=Decimal("1"),
        recorded_by=world.consultant,
        given_by=world.consultant,
    )
    assert last_activity(site) == datetime.date(2012, 4, 1)
    assess(site, [0] * 10, on=datetime.date(2012, 5, 2))
    assert last_activity(site) == datetime.date(2012, 5, 2)
    assert last_activity(world.site_b) is None


def test_the_bulk_recount_agrees_with_the_services(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_b)
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 7, 1))  # behind the services
    activity.recount(Site.objects.all())
    assert last_activity(world.site_b) == datetime.date(2012, 7, 1)
    assert last_activity(world.site_a) is None


def test_the_bulk_recount_passes_over_a_draft_review(world):
    """A draft is seen only by its consultant and the administrator: its date is no activity
    the site's other readers (the consultant's page, "last activity" filters) may see."""
    ProgressReviewFactory(
        site=world.site_a, consultant=world.consultant, review_date=datetime.date(2012, 3, 1)
    )
    ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=datetime.date(2012, 6, 1),
        next_review_due=datetime.date(2012, 9, 1),
        state=ProgressReview.State.DRAFT,
    )
    ProgressReviewFactory(
        site=world.site_b,
        consultant=world.consultant,
        review_date=datetime.date(2012, 6, 1),
        next_review_due=datetime.date(2012, 9, 1),
        state=ProgressReview.State.DRAFT,
    )
    activity.recount(Site.objects.all())
    assert last_activity(world.site_a) == datetime.date(2012, 3, 1)
    assert last_activity(world.site_b) is None
