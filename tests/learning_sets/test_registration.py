"""Registering people in a batch, a site's own registration link and the date checks."""

import datetime

import pytest

from learning_sets import services
from learning_sets.models import AgendaItem, Delegate, RegistrationLink

from .factories import (
    LearningSetFactory,
    VenueFactory,
    WorkshopFactory,
    register,
    sites,
    workshop_for,
)

pytestmark = pytest.mark.django_db

BATCH = "\n".join(
    [
        "Name\tEmail\tPerspective\tDietary needs\tAccess needs",
        "Sam Patel\tsam@example.org\tService user\tVegetarian\t",
        "Jo Hill\t\tCarer\t\tStep-free access",
        "Ann Lee\tann@example.org\tnhs professional\t\t",
        "Bob Stone\tnot-an-email\tAstronaut\t\t",
    ]
)


@pytest.fixture
def workshop(world):
    return workshop_for([world.site_a, world.site_b])


def test_a_batch_with_a_bad_line_registers_nobody_and_names_each_problem(client, world, workshop):
    client.force_login(world.lead_a)
    url = f"/learning-sets/workshops/{workshop.pk}/delegates/batch/"
    response = client.post(url, {"site": world.site_a.pk, "people": BATCH})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Line 5: “not-an-email” is not an email address." in page
    assert "Line 5: the perspective must be one of" in page
    assert not workshop.delegates.exists()

    fixed = BATCH.replace("not-an-email\tAstronaut", "bob@example.org\tThird sector")
    response = client.post(url, {"site": world.site_a.pk, "people": fixed})
    assert response.status_code == 302
    people = {d.full_name: d for d in workshop.delegates.all()}
    assert set(people) == {"Sam Patel", "Jo Hill", "Ann Lee", "Bob Stone"}
    assert people["Jo Hill"].email == "" and people["Jo Hill"].access_needs == "Step-free access"
    assert people["Ann Lee"].perspective == "nhs_professional"
    assert all(d.registered_by == world.lead_a for d in people.values())


def test_a_batch_can_be_uploaded_as_a_csv_file(client, world, workshop):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "people.csv", "\ufeffZoë Brown,zoe@example.org,Carer,,\n".encode(), "text/csv"
    )
    client.force_login(world.organiser)
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/delegates/batch/",
        {"site": world.site_b.pk, "people": "", "upload": upload},
    )
    assert response.status_code == 302
    assert workshop.delegates.get().full_name == "Zoë Brown"


def test_a_batch_beyond_the_sites_places_is_refused_whole_unless_people_may_wait(
    client, world, workshop
):
    client.force_login(world.lead_a)
    nine = "\n".join(f"Person {n},p{n}@example.org,Carer" for n in range(9))
    url = f"/learning-sets/workshops/{workshop.pk}/delegates/batch/"
    response = client.post(url, {"site": world.site_a.pk, "people": nine})
    assert "Line 9: This site already has 8 delegates registered" in response.content.decode()
    assert not workshop.delegates.exists()
    client.post(url, {"site": world.site_a.pk, "people": nine, "waiting_list_ok": "on"})
    assert workshop.delegates.filter(status=Delegate.Status.REGISTERED).count() == 8
    assert workshop.delegates.filter(status=Delegate.Status.WAITING).count() == 1


def test_a_lead_cannot_register_a_batch_for_another_site(client, world, workshop):
    client.force_login(world.lead_a)
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/delegates/batch/",
        {"site": world.site_b.pk, "people": "Ann,ann@example.org,Carer"},
    )
    assert response.status_code == 200 and "from the list" in response.content.decode()
    assert not workshop.delegates.exists()


def test_people_register_themselves_through_their_sites_link(client, world, workshop):
    client.force_login(world.lead_a)
    client.post(f"/learning-sets/workshops/{workshop.pk}/links/{world.site_a.pk}/new/")
    link = RegistrationLink.objects.get(workshop=workshop, site=world.site_a)
    assert link.get_absolute_url() in client.get(workshop.get_absolute_url()).content.decode()
    client.logout()

    join = link.get_absolute_url()
    page = client.get(join).content.decode()
    assert world.site_a.name in page and "8 places free" in page
    response = client.post(
        join,
        {"full_name": "Pat Jones", "email": "Pat@Example.org", "perspective": "service_user"},
    )
    assert "You are registered" in response.content.decode()
    delegate = workshop.delegates.get()
    assert (delegate.site, delegate.email, delegate.registration_link) == (
        world.site_a,
        "pat@example.org",
        link,
    )
    again = client.post(
        join, {"full_name": "Pat", "email": "pat@example.org", "perspective": "carer"}
    )
    assert "already registered" in again.content.decode()


def test_a_new_link_stops_the_old_one_and_a_stopped_link_is_not_found(client, world, workshop):
    old = services.registration_link_issue(workshop=workshop, site=world.site_a, by=None)
    client.force_login(world.lead_a)
    client.post(f"/learning-sets/workshops/{workshop.pk}/links/{world.site_a.pk}/new/")
    new = RegistrationLink.objects.get(revoked_at__isnull=True)
    assert client.get(old.get_absolute_url()).status_code == 404
    client.post(f"/learning-sets/workshops/{workshop.pk}/links/{world.site_a.pk}/revoke/")
    assert client.get(new.get_absolute_url()).status_code == 404


def test_a_lead_cannot_make_a_link_for_another_site(client, world, workshop):
    client.force_login(world.lead_a)
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/links/{world.site_b.pk}/new/")
    assert response.status_code == 403
    assert not RegistrationLink.objects.exists()


def test_joining_a_site_with_no_place_left_offers_the_waiting_list(client, world, workshop):
    link = services.registration_link_issue(workshop=workshop, site=world.site_a, by=None)
    for _ in range(8):
        register(workshop, world.site_a)
    page = client.get(link.get_absolute_url()).content.decode()
    assert "You can join the waiting list" in page
    answer = {"full_name": "Late", "email": "late@example.org", "perspective": "carer"}
    assert "waiting-list box" in client.post(link.get_absolute_url(), answer).content.decode()
    answer["waiting_list_ok"] = "on"
    assert (
        "You are on the waiting list"
        in client.post(link.get_absolute_url(), answer).content.decode()
    )


def test_the_workshop_page_shows_each_sites_share_and_flags_a_site_with_none_used(client, world):
    members = [world.site_a, *sites(6)]
    workshop = workshop_for(members, capacity=40)
    register(workshop, world.site_a)
    client.force_login(world.organiser)
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "each site is guaranteed 5 places" in page
    assert "Sites with no delegates yet" in page
    assert page.count("None used") == 6
    assert world.site_a.name + " has not used" not in page


def test_the_waiting_list_shows_each_persons_position(client, world):
    workshop = workshop_for([world.site_a], capacity=1)
    register(workshop, world.site_a)
    register(workshop, world.site_a, waiting_list_ok=True, full_name="Wendy First")
    register(workshop, world.site_a, waiting_list_ok=True, full_name="Will Second")
    client.force_login(world.lead_a)
    page = client.get(workshop.get_absolute_url()).content.decode()
    waiting = page[page.index('id="waiting-list"') :]
    assert waiting.index("Wendy First") < waiting.index("Will Second")
    assert "Position </span>2" in waiting


# Date checks --------------------------------------------------------------------------------


def series_data(first_date, **extra):
    return {
        "first_date": first_date,
        "months_apart": 3,
        "start_time": "10:00",
        "end_time": "16:00",
        **extra,
    }


def test_the_series_generator_flags_a_saturday_and_asks_to_confirm(client, world):
    learning_set = LearningSetFactory(sites=[world.site_a])
    client.force_login(world.organiser)
    url = f"/learning-sets/{learning_set.pk}/workshops/new/"
    response = client.post(url, series_data("2031-03-01"))  # a Saturday
    assert "Saturday 1 March 2031 falls on a weekend." in response.content.decode()
    assert not learning_set.workshops.exists()
    client.post(url, series_data("2031-03-01", confirm_dates="on"))
    assert learning_set.workshops.count() == 6


def test_moving_a_workshop_to_a_bank_holiday_or_a_booked_venue_warns(client, world):
    venue = VenueFactory()
    workshop = workshop_for([world.site_a], date=datetime.date(2030, 3, 5))
    other = WorkshopFactory(date=datetime.date(2030, 3, 12), venue=venue)
    client.force_login(world.organiser)
    url = f"/learning-sets/workshops/{workshop.pk}/edit/"
    data = {"date": "2030-05-06", "start_time": "10:00", "end_time": "16:00"}
    page = client.post(url, data).content.decode()
    assert "bank holiday in England and Wales (May Day)" in page
    data.update(date="2030-03-12", venue=venue.pk)
    page = client.post(url, data).content.decode()
    assert f"{venue.name} is already booked on 12 March 2030 for {other.learning_set}" in page
    data["confirm_dates"] = "on"
    assert client.post(url, data).status_code == 302


def test_agenda_items_may_not_overlap(client, world, workshop):
    services.agenda_standard_add(workshop=workshop)
    client.force_login(world.organiser)
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/agenda/add/",
        {"kind": "discussion", "start_time": "10:30", "end_time": "11:30"},
    )
    assert "This overlaps “Expert presentation” (10:00-11:00)" in response.content.decode()
    assert workshop.agenda_items.count() == 7


def test_the_standard_agenda_has_a_break_and_lunch_and_no_gaps_or_overlaps(workshop):
    items = services.agenda_standard_add(workshop=workshop)
    kinds = [item.kind for item in items]
    assert AgendaItem.Kind.BREAK in kinds and AgendaItem.Kind.LUNCH in kinds
    for before, after in zip(items, items[1:], strict=False):
        assert before.end_time == after.start_time


def test_a_workshops_times_cannot_shrink_past_its_agenda(client, world, workshop):
    services.agenda_standard_add(workshop=workshop)
    client.force_login(world.organiser)
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/edit/",
        {"date": "2030-03-01", "start_time": "10:00", "end_time": "13:00", "confirm_dates": "on"},
    )
    assert "The agenda has items outside these times" in response.content.decode()


def test_the_generator_puts_every_later_workshop_on_a_working_day(world):
    learning_set = LearningSetFactory(sites=[world.site_a])
    # The 14th of each third month from March 2031 falls on a Saturday, then three Sundays.
    workshops = services.workshop_series_create(
        learning_set=learning_set,
        first_date=datetime.date(2031, 3, 14),
        months_apart=3,
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )
    dates = [w.date for w in workshops]
    assert dates[0] == datetime.date(2031, 3, 14)
    assert dates[1:5] == [
        datetime.date(2031, 6, 16),
        datetime.date(2031, 9, 15),
        datetime.date(2031, 12, 15),
        datetime.date(2032, 3, 15),
    ]
    assert all(day.weekday() < 5 for day in dates)
