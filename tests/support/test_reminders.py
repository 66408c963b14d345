import datetime

import pytest

from notifications.models import Notification
from tests.notifications.scanning import due, emails_of, opt_out, recipients, scan
from tests.sites.factories import UserFactory
from tests.support.factories import ProgressReviewFactory

pytestmark = pytest.mark.django_db
NEXT_DUE = datetime.date(2012, 4, 15)  # ProgressReviewFactory's next review
DAY = datetime.timedelta(days=1)


@pytest.fixture
def review(world):
    return ProgressReviewFactory(site=world.site_a, consultant=world.consultant)


def test_a_review_due_within_seven_days_reminds_the_assigned_consultants(review, world):
    second = UserFactory(username="second_consultant")
    world.site_a.consultants.add(second)
    found = due("review_due", NEXT_DUE - 7 * DAY)
    assert recipients(found) == {"consultant", "second_consultant"}
    assert (
        found[0].subject
        == "Alpha Partnership NHS Trust: the next progress review is due on 15 April"
    )
    assert found[0].url == "/support/sites/alpha/reviews/"
    assert due("review_due", NEXT_DUE - 8 * DAY) == []


def test_only_the_latest_review_counts(review, world):
    ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=datetime.date(2012, 4, 10),
        next_review_due=datetime.date(2012, 7, 10),
    )
    assert due("review_due", NEXT_DUE) == []


def test_a_passed_date_reminds_once_more_as_overdue(django_capture_on_commit_callbacks, review):
    for day in (NEXT_DUE - 7 * DAY, NEXT_DUE - DAY, NEXT_DUE + DAY, NEXT_DUE + 9 * DAY):
        scan(django_capture_on_commit_callbacks, day)
    emails = emails_of("review_due")
    assert sorted(m.subject for m in emails) == [
        "Alpha Partnership NHS Trust: the next progress review is due on 15 April",
        "Alpha Partnership NHS Trust: the next progress review is overdue",
    ]
    assert all(m.to == ["consultant@example.org"] for m in emails)
    assert "Open the site's reviews: http://127.0.0.1:8000/support/sites/alpha/reviews/" in (
        emails[0].body
    )


def test_a_consultant_who_opted_out_gets_no_email(
    django_capture_on_commit_callbacks, review, world
):
    opt_out(world.consultant, "review_due")
    scan(django_capture_on_commit_callbacks, NEXT_DUE)
    assert emails_of("review_due") == []
    assert Notification.objects.filter(user=world.consultant, kind="review_due").exists()


def test_reviews_due_read_in_two_queries(django_assert_max_num_queries, review, world):
    world.site_b.consultants.add(world.consultant)
    ProgressReviewFactory(site=world.site_b, consultant=world.consultant)
    with django_assert_max_num_queries(2):
        assert len(due("review_due", NEXT_DUE)) == 2
