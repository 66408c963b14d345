import datetime
import zoneinfo

import pytest
import time_machine
from icalendar import Calendar

from learning_sets import services
from learning_sets.models import Delegate, Evaluation, LearningSet

from .factories import (
    RELEASED,
    LearningSetFactory,
    register,
    sites,
    workshop_for,
)

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def workshop(world):
    return workshop_for([world.site_a, world.site_b])


@pytest.fixture
def after_the_day(workshop):
    """Attendance is taken from the day and evaluations open when the day ends."""
    end = datetime.datetime.combine(workshop.date, datetime.time(17), tzinfo=LONDON)
    with time_machine.travel(end, tick=False):
        yield


def set_form_data(members, **extra):
    return {
        "name": "South West learning set",
        "sites": [site.pk for site in members],
        "start_date": "2011-10-01",
        "status": "planning",
        **extra,
    }


def test_organiser_creates_a_learning_set_of_seven_mixed_sites(client, world):
    client.force_login(world.organiser)
    members = sites(7)
    response = client.post(
        "/learning-sets/new/", set_form_data(members, organisers=[world.organiser.pk])
    )
    learning_set = LearningSet.objects.get()
    assert response.status_code == 302
    assert learning_set.sites.count() == 7
    assert list(learning_set.organisers.all()) == [world.organiser]


def test_a_set_outside_the_method_warns_and_saves_only_once_confirmed(client, world):
    client.force_login(world.organiser)
    members = sites(3, category="network")
    response = client.post("/learning-sets/new/", set_form_data(members))
    assert response.status_code == 200
    assert "this set has 3" in response.content.decode()
    assert "All member sites are network sites" in response.content.decode()
    assert not LearningSet.objects.exists()

    response = client.post("/learning-sets/new/", set_form_data(members, confirm_composition="on"))
    assert response.status_code == 302
    assert LearningSet.objects.count() == 1


def test_organiser_generates_six_workshops_then_moves_one(client, world):
    client.force_login(world.organiser)
    learning_set = LearningSetFactory(sites=sites(7), start_date=datetime.date(2011, 9, 1))
    client.post(
        f"/learning-sets/{learning_set.pk}/workshops/new/",
        {"first_date": "2011-10-03", "months_apart": 3, "start_time": "10:00", "end_time": "16:00"},
    )
    dates = list(learning_set.workshops.order_by("number").values_list("date", flat=True))
    assert dates[:3] == [
        datetime.date(2011, 10, 3),
        datetime.date(2012, 1, 3),
        datetime.date(2012, 4, 3),
    ]
    assert len(dates) == 6
    second = learning_set.workshops.get(number=2)
    client.post(
        f"/learning-sets/workshops/{second.pk}/edit/",
        {"date": "2012-01-17", "start_time": "09:30", "end_time": "16:00"},
    )
    assert list(learning_set.workshops.order_by("number").values_list("date", flat=True))[:3] == [
        datetime.date(2011, 10, 3),
        datetime.date(2012, 1, 17),
        datetime.date(2012, 4, 3),
    ]


def test_a_workshop_that_ends_before_it_starts_is_refused(client, world, workshop):
    client.force_login(world.organiser)
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/edit/",
        {"date": "2030-03-01", "start_time": "16:00", "end_time": "10:00"},
    )
    assert "must end after it starts" in response.content.decode()


def test_standard_agenda_has_the_five_parts_in_order(client, world, workshop):
    client.force_login(world.organiser)
    client.post(f"/learning-sets/workshops/{workshop.pk}/agenda/standard/")
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/").content.decode()
    parts = [
        "Expert presentation",
        "Practical example",
        "Service users",
        "Discussion",
        "Market stalls",
    ]
    positions = [page.index(part) for part in parts]
    assert positions == sorted(positions)


def test_market_stalls_name_the_member_sites_running_them(client, world, workshop):
    client.force_login(world.organiser)
    client.post(
        f"/learning-sets/workshops/{workshop.pk}/agenda/add/",
        {
            "kind": "market_stalls",
            "start_time": "14:30",
            "end_time": "15:30",
            "stall_sites": [world.site_a.pk, world.site_b.pk],
        },
    )
    assert (
        "Stalls: Alpha Partnership NHS Trust; Beta Health Board"
        in client.get(f"/learning-sets/workshops/{workshop.pk}/").content.decode()
    )


def test_lead_registers_only_for_their_own_site(client, world, workshop):
    client.force_login(world.lead_a)
    data = {
        "site": world.site_b.pk,
        "full_name": "Kit Marlowe",
        "email": "kit@example.org",
        "perspective": "carer",
    }
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/delegates/add/", data)
    assert "from the list" in response.content.decode()
    response = client.post(
        f"/learning-sets/workshops/{workshop.pk}/delegates/add/", {**data, "site": world.site_a.pk}
    )
    assert response.status_code == 302
    assert Delegate.objects.get().site == world.site_a


def test_an_email_longer_than_its_column_is_a_form_error(client, world, workshop):
    """Valid by RFC (up to 320 characters) but the column holds 254."""
    client.force_login(world.lead_a)
    email = f"{'k' * 64}@{'m' * 63}.{'n' * 63}.{'p' * 63}.org"
    assert 254 < len(email) <= 320
    data = {"site": world.site_a.pk, "full_name": "Kit", "email": email, "perspective": "carer"}
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/delegates/add/", data)
    assert response.status_code == 200
    assert "must be 254 characters or fewer" in response.content.decode()
    assert not Delegate.objects.exists()


def test_the_form_says_which_limit_was_hit(client, world):
    workshop = workshop_for([world.site_a, world.site_b], capacity=9, places_release_date=RELEASED)
    for _ in range(8):
        register(workshop, world.site_a)
    client.force_login(world.organiser)
    data = {
        "site": world.site_a.pk,
        "full_name": "Nine",
        "email": "nine@example.org",
        "perspective": "service_user",
    }
    url = f"/learning-sets/workshops/{workshop.pk}/delegates/add/"
    assert "the most a site may send" in client.post(url, data).content.decode()
    register(workshop, world.site_b)
    response = client.post(url, {**data, "site": world.site_b.pk})
    assert "the venue holds 9 people" in response.content.decode()
    client.post(url, {**data, "site": world.site_b.pk, "waiting_list_ok": "on"})
    assert Delegate.objects.get(email="nine@example.org").status == Delegate.Status.WAITING


def test_personal_details_only_for_organisers_and_leads_see_only_their_site(
    client, world, workshop
):
    register(workshop, world.site_a, full_name="Ann Alpha", dietary_needs="Vegan diet")
    register(workshop, world.site_b, full_name="Bob Beta", access_needs="Wheelchair user")
    url = f"/learning-sets/workshops/{workshop.pk}/"
    pages = {}
    for role in ["organiser", "consultant", "lead_a"]:
        client.force_login(world.users[role])
        pages[role] = client.get(url).content.decode()
    assert "Vegan diet" in pages["organiser"] and "Wheelchair user" in pages["organiser"]
    assert "Bob Beta" in pages["consultant"] and "Vegan diet" not in pages["consultant"]
    assert "Ann Alpha" in pages["lead_a"]
    assert "Bob Beta" not in pages["lead_a"] and "Vegan diet" not in pages["lead_a"]


def test_lead_cancels_and_the_waiting_delegate_gets_the_place(client, world):
    workshop = workshop_for([world.site_a, world.site_b], capacity=1)
    placed = register(workshop, world.site_a)
    waiting = register(workshop, world.site_b, waiting_list_ok=True, full_name="Wendy Wait")
    client.force_login(world.lead_a)
    response = client.post(f"/learning-sets/delegates/{placed.pk}/cancel/", follow=True)
    assert "Wendy Wait (Beta Health Board) moved from the waiting list" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Delegate.Status.REGISTERED


def test_attendance_is_one_tap_with_or_without_javascript(client, world, workshop, after_the_day):
    delegate = register(workshop, world.site_a)
    client.force_login(world.organiser)
    url = f"/learning-sets/delegates/{delegate.pk}/attendance/"
    response = client.post(url, {"attended": "yes"})
    assert response.status_code == 302 and response["Location"].endswith(f"#delegate-{delegate.pk}")
    response = client.post(url, {"attended": "no"}, headers={"Accept": "application/json"})
    assert response.json() == {"attended": False, "name": delegate.full_name}
    delegate.refresh_from_db()
    assert delegate.attended is False


def test_no_shows_are_counted_once_the_workshop_has_happened(client, world):
    workshop = workshop_for([world.site_a], date=datetime.date(2011, 10, 31))
    there = register(workshop, world.site_a)
    register(workshop, world.site_a)
    services.attendance_mark(delegate=there, attended=True)
    client.force_login(world.organiser)
    assert (
        "1 of 2 attended; 1 no-show so far"
        in client.get(f"/learning-sets/workshops/{workshop.pk}/attendance/").content.decode()
    )


def test_a_delegate_evaluates_once_through_their_link_without_signing_in(
    client, world, workshop, after_the_day
):
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    url = f"/learning-sets/evaluate/{delegate.token}/"
    assert "Overall, how would you rate" in client.get(url).content.decode()
    answer = {"overall_rating": "5", "usefulness": "4", "take_back": "Peer workers in every team"}
    assert "has been received" in client.post(url, answer).content.decode()
    assert "already been received" in client.post(url, answer).content.decode()
    assert Evaluation.objects.count() == 1


def test_an_evaluation_link_is_refused_for_a_made_up_token_or_a_rating_out_of_range(
    client, world, workshop, after_the_day
):
    assert client.get("/learning-sets/evaluate/not-a-real-token/").status_code == 404
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    response = client.post(
        f"/learning-sets/evaluate/{delegate.token}/", {"overall_rating": "9", "usefulness": "4"}
    )
    assert "from the list" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_someone_not_marked_as_attending_cannot_evaluate(client, world, workshop, after_the_day):
    delegate = register(workshop, world.site_a)
    url = f"/learning-sets/evaluate/{delegate.token}/"
    client.post(url, {"overall_rating": "5", "usefulness": "5"})
    assert not Evaluation.objects.exists()
    assert "not recorded your attendance" in client.get(url).content.decode()


def test_evaluation_links_page_lists_each_attendees_link(client, world, workshop):
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    client.force_login(world.organiser)
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/evaluation-links/").content.decode()
    assert f"http://testserver/learning-sets/evaluate/{delegate.token}/" in page


def test_the_calendar_file_holds_the_workshop_in_london_time(client, world, workshop):
    client.force_login(world.lead_a)
    response = client.get(f"/learning-sets/workshops/{workshop.pk}/calendar.ics")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert response["Content-Type"].startswith("text/calendar")
    assert event.decoded("dtstart").hour == 10
    assert str(event.decoded("dtstart").tzinfo) == "Europe/London"
    assert workshop.venue.name in str(event["location"])


def test_sign_in_sheet_lists_registered_delegates_for_printing(client, world, workshop):
    register(workshop, world.site_a, full_name="Ann Alpha")
    cancelled = register(workshop, world.site_b, full_name="Carl Cancelled")
    services.delegate_cancel(delegate=cancelled)
    client.force_login(world.organiser)
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/sign-in-sheet/").content.decode()
    assert "Ann Alpha" in page and "Carl Cancelled" not in page
    assert "sign-in-sheet" in page


def test_home_shows_organisers_their_workshops_and_leads_their_registrations(client, world):
    workshop = workshop_for(
        [world.site_a], date=datetime.date.today() + datetime.timedelta(days=30)
    )
    workshop.learning_set.organisers.add(world.organiser)
    register(workshop, world.site_a, full_name="Ann Alpha")
    client.force_login(world.organiser)
    assert "Your upcoming workshops" in client.get("/").content.decode()
    client.force_login(world.lead_a)
    page = client.get("/").content.decode()
    assert "Ann Alpha (Alpha Partnership NHS Trust)" in page
    client.force_login(world.lead_b)
    assert "Ann Alpha" not in client.get("/").content.decode()


def test_topic_choices_are_recorded_by_the_sites_team(client, world):
    learning_set = LearningSetFactory(sites=[world.site_a])
    from learning_sets.models import Topic

    risk, college = (
        Topic.objects.get(name="Risk and safety"),
        Topic.objects.get(name="Creating a recovery college"),
    )
    client.force_login(world.member_a)
    url = f"/learning-sets/{learning_set.pk}/topics/{world.site_a.slug}/"
    assert "only once" in client.post(url, {"first": risk.pk, "second": risk.pk}).content.decode()
    client.post(url, {"first": risk.pk, "second": college.pk})
    page = client.get(f"/learning-sets/{learning_set.pk}/").content.decode()
    assert page.index("Risk and safety</strong> (2 points)") < page.index(
        "Creating a recovery college</strong> (1 point)"
    )


def test_attendance_is_refused_before_the_day(client, world, workshop):
    delegate = register(workshop, world.site_a)
    with time_machine.travel(datetime.datetime(2029, 12, 1, 9, tzinfo=LONDON), tick=False):
        client.force_login(world.organiser)
        page = client.get(f"/learning-sets/workshops/{workshop.pk}/attendance/").content.decode()
        response = client.post(
            f"/learning-sets/delegates/{delegate.pk}/attendance/", {"attended": "yes"}, follow=True
        )
        json = client.post(
            f"/learning-sets/delegates/{delegate.pk}/attendance/",
            {"attended": "yes"},
            headers={"Accept": "application/json"},
        )
    assert "Attendance can be taken from the day of the workshop" in page
    assert f"/delegates/{delegate.pk}/attendance/" not in page
    assert "from the day of the workshop, 1 March 2030" in response.content.decode()
    assert json.status_code == 409
    delegate.refresh_from_db()
    assert delegate.attended is False


def test_the_evaluation_opens_only_when_the_day_is_over(client, world, workshop):
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    url = f"/learning-sets/evaluate/{delegate.token}/"
    answer = {"overall_rating": "5", "usefulness": "4"}
    during = datetime.datetime.combine(workshop.date, datetime.time(12), tzinfo=LONDON)
    with time_machine.travel(during, tick=False):
        assert (
            "The evaluation opens after the workshop" in client.post(url, answer).content.decode()
        )
    assert not Evaluation.objects.exists()
