import datetime

import pytest
from django.core import mail

from learning_sets import services
from learning_sets.models import Delegate
from notifications.models import Notification
from tests.learning_sets.factories import register, standard_topics, workshop_for
from tests.notifications.scanning import due, emails_of, opt_out, recipients, scan
from tests.sites.factories import UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
DATE = datetime.date(2030, 3, 1)


@pytest.fixture
def workshop(world):
    standard_topics()
    return workshop_for([world.site_a, world.site_b], date=DATE)


def test_registered_delegates_get_joining_instructions_a_week_before_with_the_calendar_entry(
    workshop, world
):
    register(workshop, world.site_a, email="ann@example.org")
    cancelled = register(workshop, world.site_b, email="bob@example.org")
    services.delegate_cancel(delegate=cancelled)
    [found] = due("workshop_in_7_days", DATE - 7 * DAY)
    assert found.recipient.email == "ann@example.org"
    [ics] = found.attachments
    assert ics.mimetype == "text/calendar"
    assert b"BEGIN:VEVENT" in ics.content and b"DTSTART;TZID=Europe/London:20300301T100000" in (
        ics.content
    )
    assert due("workshop_in_7_days", DATE - 8 * DAY) == []
    assert due("workshop_in_7_days", DATE - 2 * DAY) == []


def test_two_days_before_comes_a_second_reminder(workshop, world):
    register(workshop, world.site_a, email="ann@example.org")
    assert recipients(due("workshop_in_2_days", DATE - 2 * DAY)) == {"ann@example.org"}
    assert due("workshop_in_2_days", DATE - 3 * DAY) == []
    assert due("workshop_in_2_days", DATE + DAY) == []


def test_scanning_twice_emails_each_delegate_once_with_the_ics(
    django_capture_on_commit_callbacks, workshop, world
):
    register(workshop, world.site_a, email="ann@example.org")
    register(workshop, world.site_b, email="bob@example.org")
    scan(django_capture_on_commit_callbacks, DATE - 7 * DAY)
    scan(django_capture_on_commit_callbacks, DATE - 6 * DAY)
    emails = emails_of("workshop_in_7_days")
    assert sorted(m.to[0] for m in emails) == ["ann@example.org", "bob@example.org"]
    filename, content, mimetype = emails[0].attachments[0]
    assert filename == f"imroc-workshop-{workshop.pk}.ics" and mimetype == "text/calendar"
    assert "Your joining instructions." in emails[0].body
    assert "When: Friday 1 March 2030, 10:00 to 16:00" in emails[0].body
    assert "/learning-sets/place/" in emails[0].body  # the delegate's personal link


def test_a_delegate_with_an_account_can_opt_out_of_the_email(
    django_capture_on_commit_callbacks, workshop, world
):
    register(workshop, world.site_a, email=world.lead_a.email.upper())
    opt_out(world.lead_a, "workshop_in_2_days")
    scan(django_capture_on_commit_callbacks, DATE - 2 * DAY)
    assert emails_of("workshop_in_2_days") == []
    assert Notification.objects.filter(user=world.lead_a, kind="workshop_in_2_days").exists()


def test_attendees_get_their_own_evaluation_link_once_after_the_day(
    django_capture_on_commit_callbacks, workshop, world
):
    came = register(workshop, world.site_a, email="ann@example.org")
    register(workshop, world.site_a, email="absent@example.org")
    answered = register(workshop, world.site_b, email="done@example.org")
    for delegate in (came, answered):
        services.attendance_mark(delegate=delegate, attended=True)
    services.evaluation_submit(
        delegate=Delegate.objects.get(pk=answered.pk), overall_rating=5, usefulness=4
    )
    assert due("workshop_evaluation", DATE) == []
    scan(django_capture_on_commit_callbacks, DATE + DAY)
    scan(django_capture_on_commit_callbacks, DATE + 2 * DAY)
    [email] = emails_of("workshop_evaluation")
    assert email.to == ["ann@example.org"]
    assert f"/learning-sets/evaluate/{came.token}/" in email.body
    assert due("workshop_evaluation", DATE + 15 * DAY) == []


def test_workshop_reminders_read_in_a_fixed_number_of_queries(
    django_assert_max_num_queries, workshop, world
):
    for n in range(6):
        register(workshop, world.site_a if n % 2 else world.site_b)
    UserFactory(email="delegate-with-account@example.org")
    register(workshop, world.site_a, email="delegate-with-account@example.org")
    with django_assert_max_num_queries(4):
        assert len(due("workshop_in_7_days", DATE - 7 * DAY)) == 7
    assert not mail.outbox
