import datetime

import pytest

from challenges.reminders import months_before
from notifications.models import Notification
from tests.challenges.factories import assess
from tests.notifications.scanning import due, emails_of, opt_out, recipients, scan

pytestmark = pytest.mark.django_db
ASSESSED = datetime.date(2012, 1, 10)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2012, 7, 10), datetime.date(2012, 1, 10)),
        (datetime.date(2012, 8, 31), datetime.date(2012, 2, 29)),
        (datetime.date(2012, 3, 31), datetime.date(2011, 9, 30)),
    ],
)
def test_six_months_before_keeps_to_the_calendar(day, expected):
    assert months_before(day, 6) == expected


def test_an_assessment_older_than_six_months_reminds_the_lead(world):
    assess(world.site_a, [1] * 10, on=ASSESSED)
    assert due("assessment_stale", datetime.date(2012, 7, 10)) == []
    [found] = due("assessment_stale", datetime.date(2012, 7, 11))
    assert found.recipient == world.lead_a
    assert found.subject == "Alpha Partnership NHS Trust: time for a new self-assessment"


def test_a_newer_assessment_stops_the_reminder_and_a_never_assessed_site_gets_none(world):
    assess(world.site_a, [1] * 10, on=ASSESSED)
    assess(world.site_a, [2] * 10, on=datetime.date(2012, 6, 1))
    assert recipients(due("assessment_stale", datetime.date(2012, 8, 1))) == set()


def test_scanning_twice_reminds_once_and_opting_out_keeps_the_in_app_notice(
    django_capture_on_commit_callbacks, world
):
    assess(world.site_a, [1] * 10, on=ASSESSED)
    assess(world.site_b, [1] * 10, on=ASSESSED)
    opt_out(world.lead_b, "assessment_stale")
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 8, 1))
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 9, 1))
    [email] = emails_of("assessment_stale")
    assert email.to == [world.lead_a.email]
    assert "10 January 2012" in email.body and "http://127.0.0.1:8000/sites/alpha/" in email.body
    assert Notification.objects.filter(user=world.lead_b, kind="assessment_stale").count() == 1


def test_stale_assessments_read_in_two_queries(django_assert_max_num_queries, world):
    assess(world.site_a, [1] * 10, on=ASSESSED)
    assess(world.site_b, [1] * 10, on=ASSESSED)
    with django_assert_max_num_queries(2):
        assert len(due("assessment_stale", datetime.date(2012, 8, 1))) == 2
