"""Workshop places tell people: a registration reaches the delegate (the day's details and
the .ics) and whoever registered them; a waiting-list promotion reaches the delegate and
their site's leads; a delegate with no email address is told through their site's leads."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from learning_sets import services
from learning_sets.models import Delegate
from notifications.models import Notification, Preference, Reminder
from notifications.services import notify
from tests.learning_sets.factories import register, standard_topics, workshop_for

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
DATE = datetime.date(2030, 3, 1)


@pytest.fixture
def workshop(world):
    standard_topics()
    return workshop_for([world.site_a, world.site_b], capacity=1, date=DATE)


def to(address) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_the_delegate_gets_the_days_details_with_the_ics_and_the_organiser_is_told(
    workshop, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(
            workshop,
            world.site_a,
            email="ann@example.org",
            full_name="Ann Smith",
            by=world.organiser,
        )
    [email] = to("ann@example.org")
    assert email.subject == f"{workshop.learning_set}, workshop 1: your place on 1 March 2030"
    assert "When: Friday 1 March 2030, 10:00 to 16:00" in email.body
    assert "1 Recovery Street" in email.body and "Step-free access" in email.body
    [(filename, content, mimetype)] = email.attachments
    assert (filename, mimetype) == (f"imroc-workshop-{workshop.pk}.ics", "text/calendar")
    assert "DTSTART;TZID=Europe/London:20300301T100000" in content
    [to_organiser] = to(world.organiser.email)
    assert to_organiser.subject.endswith("you registered Ann Smith")
    assert not to_organiser.attachments
    assert Notification.objects.get().user == world.organiser  # ann has no account


def test_registering_oneself_tells_once(workshop, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(workshop, world.site_a, email=world.lead_a.email, by=world.lead_a)
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments
    assert Notification.objects.get().user == world.lead_a


def test_a_promotion_from_the_waiting_list_tells_the_delegate_and_their_leads(
    workshop, world, django_capture_on_commit_callbacks
):
    taken = register(workshop, world.site_b, email="first@example.org", by=world.lead_b)
    waiting = register(
        workshop, world.site_a, email="bo@example.org", by=world.member_a, waiting_list_ok=True
    )
    assert waiting.status == Delegate.Status.WAITING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegate_cancel(delegate=taken)
    [email] = to("bo@example.org")
    assert "a place is yours on 1 March 2030" in email.subject
    assert email.attachments[0][2] == "text/calendar"
    told = set(
        Notification.objects.filter(kind="delegate_promoted").values_list(
            "user__username", flat=True
        )
    )
    assert told == {"lead_a", "member_a"}  # the site's lead and who registered them
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["bo@example.org", world.lead_a.email, world.member_a.email]
    )


def test_a_delegate_without_an_email_address_is_told_through_their_lead_and_registrar(
    workshop, world, django_capture_on_commit_callbacks
):
    """Delegate.email becomes optional with issue 13; the database already takes ""."""
    with django_capture_on_commit_callbacks(execute=True):
        register(workshop, world.site_a, email="", full_name="Cal Noemail", by=world.organiser)
    for person in (world.lead_a, world.organiser):
        [email] = to(person.email)
        assert email.subject.startswith("For Cal Noemail: ")
        assert "has no email address with us" in email.body
        assert email.attachments[0][2] == "text/calendar"
    assert len(mail.outbox) == 2  # the organiser is not told twice
    told = Notification.objects.values_list("user__username", flat=True)
    assert sorted(told) == ["lead_a", "organiser"]


def test_each_persons_choice_is_kept_and_a_rollback_tells_nobody(
    workshop, world, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=world.organiser, kind="delegate_registered", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        register(workshop, world.site_a, email="ann@example.org", by=world.organiser)
        with pytest.raises(RuntimeError), transaction.atomic():
            register(workshop, world.site_b, email="bob@example.org", waiting_list_ok=True)
            raise RuntimeError
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]
    assert Notification.objects.get().user == world.organiser
    assert not Reminder.objects.filter(email="bob@example.org").exists()


def test_the_joining_instructions_and_the_evaluation_reach_a_lead_for_a_delegate_without_email(
    workshop, world, django_capture_on_commit_callbacks
):
    from tests.notifications.scanning import due

    delegate = register(workshop, world.site_a, email="", full_name="Cal Noemail")
    [joining] = due("workshop_in_7_days", DATE - 7 * DAY)
    assert joining.recipient == world.lead_a
    assert joining.subject.startswith("For Cal Noemail: ")
    services.attendance_mark(delegate=delegate, attended=True)
    [evaluation] = due("workshop_evaluation", DATE + DAY)
    assert evaluation.recipient == world.lead_a
    assert evaluation.url == delegate.get_evaluation_url()


def test_raising_the_place_events_again_tells_nobody_twice(
    workshop, world, django_capture_on_commit_callbacks
):
    taken = register(workshop, world.site_b, email="first@example.org", by=world.lead_b)
    waiting = register(workshop, world.site_a, email="bo@example.org", waiting_list_ok=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.delegate_cancel(delegate=taken)
        waiting.refresh_from_db()
        notify("delegate_promoted", delegate=waiting)
        notify("delegate_registered", delegate=taken)
    assert sorted(m.to[0] for m in mail.outbox) == ["bo@example.org", world.lead_a.email]
