"""Issue 24 on the workshop page: cancelling someone's place asks first, keeps who and why,
tells them and can be undone while the place is free; people no message can reach are
listed with their printable joining instructions and the organiser is told at once; the
organiser messages delegates; the join page promises only what will happen."""

import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from learning_sets import services
from learning_sets.models import Delegate
from notifications.models import Notification
from tests.learning_sets.factories import organised_workshop, register, workshop_for

pytestmark = pytest.mark.django_db
DATE = datetime.date(2030, 3, 1)
WORKSHOP_PAGE_QUERIES = 10  # as before issue 24


@pytest.fixture
def workshop(world):
    return organised_workshop(world)


def test_cancelling_a_place_asks_first_keeps_who_and_why_tells_them_and_can_be_undone(
    client, workshop, world, django_capture_on_commit_callbacks
):
    ann = register(workshop, world.site_a, email="ann@example.org", full_name="Ann Smith")
    mail.outbox.clear()
    client.force_login(world.lead_a)
    url = f"/learning-sets/delegates/{ann.pk}/cancel/"
    page = client.get(url)
    assert "Cancel Ann Smith's place?" in page.text
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.REGISTERED  # asking changed nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Off sick"})
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.CANCELLED
    assert (ann.cancelled_by, ann.cancel_reason) == (world.lead_a, "Off sick")
    [told] = mail.outbox
    assert "Off sick" in told.body and "your place is cancelled" in told.subject
    calendar = Calendar.from_ical(told.attachments[0][1])
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    page = client.get(workshop.get_absolute_url())
    assert "Off sick" in page.text and "Undo" in page.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/learning-sets/delegates/{ann.pk}/restore/")
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.REGISTERED and ann.cancel_reason == ""
    assert "your place is back" in mail.outbox[0].subject


def test_an_undo_is_refused_once_the_place_has_gone(client, workshop, world):
    ann = register(workshop, world.site_a, email="ann@example.org")
    register(workshop, world.site_a)
    register(workshop, world.site_b, waiting_list_ok=True)
    services.delegate_cancel(delegate=ann, by=world.organiser)  # the waiting one takes it
    client.force_login(world.organiser)
    assert "Undo" not in client.get(workshop.get_absolute_url()).text
    response = client.post(f"/learning-sets/delegates/{ann.pk}/restore/", follow=True)
    assert "gone to someone else" in response.text
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.CANCELLED


def test_a_delegate_nobody_can_reach_is_listed_printable_and_the_organiser_is_told(
    client, workshop, world, django_capture_on_commit_callbacks
):
    world.lead_b.email = ""
    world.lead_b.save()
    with django_capture_on_commit_callbacks(execute=True):
        dee = register(workshop, world.site_b, email="", full_name="Dee Unreached")
    [to_organiser] = [m for m in mail.outbox if m.to == [world.organiser.email]]
    assert "Dee Unreached cannot be reached" in to_organiser.subject
    assert Notification.objects.filter(user=world.organiser, kind="delegate_unreachable").exists()
    client.force_login(world.organiser)
    page = client.get(workshop.get_absolute_url())
    assert "People we cannot reach" in page.text and "Dee Unreached" in page.text
    printed = client.get(f"/learning-sets/delegates/{dee.pk}/joining-instructions/")
    assert "Friday 1 March 2030" in printed.text and "/learning-sets/place/" in printed.text


def test_a_delegate_reached_through_their_lead_is_not_listed(client, workshop, world):
    register(workshop, world.site_a, email="", full_name="Cal Jones")
    client.force_login(world.organiser)
    assert "People we cannot reach" not in client.get(workshop.get_absolute_url()).text


def test_the_organiser_messages_one_sites_delegates_each_with_their_link(
    client, workshop, world, django_capture_on_commit_callbacks
):
    register(workshop, world.site_a, email="ann@example.org")
    register(workshop, world.site_b, email="bo@example.org")
    mail.outbox.clear()
    client.force_login(world.organiser)
    url = f"/learning-sets/workshops/{workshop.pk}/message/"
    refused = client.post(url, {"audience": "site", "subject": "Parking", "body": "At the back"})
    assert "Choose the site" in refused.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"audience": "site", "site": world.site_a.pk, "subject": "Parking", "body": "Back"},
        )
    [email] = mail.outbox
    assert email.to == ["ann@example.org"] and "/learning-sets/place/" in email.body
    assert "Parking" in client.get(workshop.get_absolute_url()).text


def test_cancelling_a_workshop_asks_first(client, workshop, world):
    client.force_login(world.organiser)
    url = f"/learning-sets/workshops/{workshop.pk}/cancel/"
    assert "Cancel the workshop" in client.get(url).text
    workshop.refresh_from_db()
    assert not workshop.is_cancelled
    client.post(url)
    workshop.refresh_from_db()
    assert workshop.is_cancelled


def test_the_join_page_gives_the_personal_link_and_promises_only_what_happens(
    client, workshop, world
):
    world.lead_b.email = ""
    world.lead_b.save()
    link = services.registration_link_issue(workshop=workshop, site=world.site_b, by=None)
    page = client.post(
        link.get_absolute_url(), {"full_name": "Dee", "email": "", "perspective": "carer"}
    )
    assert "We have no way to send you messages" in page.text
    assert "/learning-sets/place/" in page.text


@pytest.mark.parametrize("people", [1, 6])
def test_the_workshop_page_with_people_out_of_reach_and_cancelled_places_keeps_its_queries(
    client, world, django_assert_max_num_queries, people
):
    world.lead_b.email = ""
    world.lead_b.save()
    workshop = workshop_for([world.site_a, world.site_b], capacity=40, date=DATE)
    workshop.learning_set.organisers.set([world.organiser])
    for _ in range(people):
        register(workshop, world.site_a, email="", by=world.lead_a)
        register(workshop, world.site_b, email="")
        services.delegate_cancel(delegate=register(workshop, world.site_a), by=world.organiser)
    services.workshop_message_send(
        workshop=workshop, audience="registered", site=None, subject="Hi", body="Hi", by=None
    )
    client.force_login(world.organiser)
    with django_assert_max_num_queries(WORKSHOP_PAGE_QUERIES):
        page = client.get(workshop.get_absolute_url())
    assert page.text.count("print joining instructions") == people
    assert page.text.count("Undo") == people


def test_the_small_ones_of_issue_24(world):
    from learning_sets.registration_forms import JoinForm
    from learning_sets.scheduling import schedule_warnings
    from learning_sets.summary import half_up

    assert half_up(17, 4) == 4.3  # 4.25, not 4.2
    assert half_up(0, 0) is None
    learning_set = organised_workshop(world).learning_set
    saturday = datetime.date(2027, 1, 9)
    warnings = schedule_warnings([saturday], learning_set=learning_set)
    assert "Saturday 9 January 2027 falls on a weekend." in warnings
    assert any("is before the set starts, on 15 January 2030" in w for w in warnings)
    form = JoinForm({"full_name": "Ann"})
    assert form.errors["perspective"] == ["Select what you are coming as"]


def test_the_series_generator_releases_unclaimed_places_the_sets_days_before(world):
    learning_set = organised_workshop(world).learning_set
    learning_set.workshops.all().delete()
    learning_set.release_days = 10
    learning_set.save()
    workshops = services.workshop_series_create(
        learning_set=learning_set,
        first_date=datetime.date(2030, 3, 4),
        months_apart=3,
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )
    assert workshops[0].places_release_date == datetime.date(2030, 2, 22)
    workshops[0].places_release_date = None
    assert workshops[0].release_date == datetime.date(2030, 2, 22)
    assert not workshops[0].places_released(datetime.date(2030, 2, 21))
    assert workshops[0].places_released(datetime.date(2030, 2, 22))


def test_a_batch_tells_the_organiser_once(
    client, workshop, world, django_capture_on_commit_callbacks
):
    workshop.venue.capacity = 20
    workshop.venue.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegates_register_batch(
            workshop=workshop,
            site=world.site_a,
            by=world.organiser,
            people=[
                {
                    "line": n,
                    "full_name": f"Person {n}",
                    "email": f"p{n}@example.org",
                    "perspective": "carer",
                    "dietary_needs": "",
                    "access_needs": "",
                }
                for n in range(1, 6)
            ],
        )
    [to_organiser] = [m for m in mail.outbox if m.to == [world.organiser.email]]
    assert to_organiser.subject.endswith("you registered 5 people")
    assert len(mail.outbox) == 6  # each person's own, and one for the organiser
