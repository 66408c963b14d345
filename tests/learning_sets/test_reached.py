"""Issue 24: changes reach everyone affected, with calendar files that update the entry
people already hold (same UID, SEQUENCE raised, METHOD:REQUEST or CANCEL); every delegate
has a personal link (no account) to see the day, change their needs and give the place
back; every email to a delegate carries it."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from audit.models import AuditEvent
from learning_sets import services
from learning_sets.ical import workshop_ics
from learning_sets.models import Delegate
from learning_sets.personal import personal_path, personal_token
from tests.learning_sets.factories import organised_workshop, register, workshop_for

pytestmark = pytest.mark.django_db
DATE = datetime.date(2030, 3, 1)


@pytest.fixture
def workshop(world):
    return organised_workshop(world)


def to(address) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def event_of(content) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def move(workshop, day, **changes):
    fields = {
        "date": day,
        "start_time": workshop.start_time,
        "end_time": workshop.end_time,
        "venue": workshop.venue,
        "topic": workshop.topic,
        "places_release_date": workshop.places_release_date,
    }
    return services.workshop_update(workshop=workshop, **{**fields, **changes})


@pytest.fixture
def booked(workshop, world, django_capture_on_commit_callbacks):
    """Two with a place (one with no email, told through site A's lead), one waiting."""
    with django_capture_on_commit_callbacks(execute=True):
        ann = register(workshop, world.site_a, email="ann@example.org", full_name="Ann Smith")
        cal = register(workshop, world.site_a, email="", full_name="Cal Jones", by=world.lead_a)
        bo = register(
            workshop, world.site_b, email="bo@example.org", full_name="Bo Li", waiting_list_ok=True
        )
    assert bo.status == Delegate.Status.WAITING
    mail.outbox.clear()
    return ann, cal, bo


def test_moving_a_workshop_tells_everyone_booked_and_raises_the_calendar_sequence(
    workshop, world, booked, django_capture_on_commit_callbacks
):
    ann, cal, bo = booked
    first_uid = event_of(workshop_ics(workshop))[1]["UID"]
    with django_capture_on_commit_callbacks(execute=True):
        workshop = move(workshop, DATE + datetime.timedelta(days=1))
    [to_ann] = to("ann@example.org")
    calendar, event = event_of(to_ann.attachments[0][1])
    assert calendar["METHOD"] == "REQUEST" and event["SEQUENCE"] == 1
    assert event["UID"] == first_uid
    assert event.decoded("DTSTART").date() == DATE + datetime.timedelta(days=1)
    assert "moved from Friday 1 March 2030 to Saturday 2 March 2030" in to_ann.body
    assert "You are still registered" in to_ann.body
    # Cal has no email: their site's lead hears, with Cal's own page to pass on.
    [for_cal] = [m for m in to(world.lead_a.email) if "Cal Jones" in m.subject]
    assert for_cal.attachments and personal_path(cal) in for_cal.body
    # Bo is waiting: told the new day, with no calendar entry.
    [to_bo] = to("bo@example.org")
    assert not to_bo.attachments and "still on the waiting list" in to_bo.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workshop = move(workshop, DATE + datetime.timedelta(days=1), start_time=datetime.time(9))
    assert event_of(to("ann@example.org")[0].attachments[0][1])[1]["SEQUENCE"] == 2
    # The calendar links serve the current sequence.
    served = Client().get(reverse("learning_sets:place-calendar", args=[personal_token(ann)]))
    assert event_of(served.content)[1]["SEQUENCE"] == 2


def test_a_change_of_topic_alone_tells_nobody(workshop, booked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        move(workshop, DATE, topic=None)
    assert mail.outbox == []
    workshop.refresh_from_db()
    assert workshop.sequence == 0


def test_cancelling_a_workshop_sends_the_cancellation_to_everyone_booked(
    workshop, world, booked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.workshop_cancel(workshop=workshop, by=world.organiser)
    calendar, event = event_of(to("ann@example.org")[0].attachments[0][1])
    assert calendar["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert to("bo@example.org")[0].subject.startswith("Cancelled:")


def test_the_ics_location_is_one_line(world):
    workshop = workshop_for([world.site_a])
    workshop.venue.name, workshop.venue.address = "Hall", "The Broadway\n, Winchester\n"
    _, event = event_of(workshop_ics(workshop))
    assert str(event["LOCATION"]) == "Hall, The Broadway, Winchester"


def test_the_delegates_own_email_speaks_to_them_and_carries_their_link(
    workshop, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ann = register(workshop, world.site_a, email="ann@example.org", full_name="Alice Turner")
    [email] = to("ann@example.org")
    assert "Dear Alice Turner,\n\nYou are registered for workshop 1" in email.body
    assert "Alice Turner is registered" not in email.body
    assert personal_path(ann) in email.body
    assert email.extra_headers["List-Unsubscribe"].endswith(f"{personal_path(ann)}>")
    assert email.alternatives[0][1] == "text/html"


def test_the_personal_link_shows_the_day_and_takes_changed_needs(client, workshop, booked):
    ann = booked[0]
    url = reverse("learning_sets:place", args=[personal_token(ann)])
    page = client.get(url)
    assert page.status_code == 200
    assert "Friday 1 March 2030" in page.text and "Give my place back" in page.text
    assert AuditEvent.objects.filter(action="read_needs", what__contains="personal link").exists()
    response = client.post(url, {"dietary_needs": "Vegan", "access_needs": "Step-free"})
    assert response.status_code == 302
    ann.refresh_from_db()
    assert (ann.dietary_needs, ann.access_needs) == ("Vegan", "Step-free")


def test_a_tampered_or_finished_personal_link_is_not_found(client, workshop, booked):
    ann = booked[0]
    token = personal_token(ann)
    assert client.get(reverse("learning_sets:place", args=[token[:-2] + "xx"])).status_code == 404
    workshop.date = datetime.date(2020, 1, 1)
    workshop.save()
    assert client.get(reverse("learning_sets:place", args=[token])).status_code == 404


def test_giving_the_place_back_asks_first_then_promotes_the_next_person_who_is_told(
    client, workshop, booked, django_capture_on_commit_callbacks
):
    ann, _, bo = booked
    url = reverse("learning_sets:place-give-back", args=[personal_token(ann)])
    assert "Yes, give my place back" in client.get(url).text
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.REGISTERED  # asking changed nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 200
    ann.refresh_from_db()
    bo.refresh_from_db()
    assert ann.status == Delegate.Status.CANCELLED and ann.cancelled_by is None
    assert bo.status == Delegate.Status.REGISTERED
    assert "a place is yours" in to("bo@example.org")[0].subject
