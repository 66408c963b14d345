import csv
import datetime
import io

import pytest
from icalendar import Calendar

from learning_sets import services
from learning_sets.models import Delegate, Evaluation, LearningSet, Workshop

from .factories import (
    LearningSetFactory,
    WorkshopFactory,
    register,
    sites,
    workshop_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(world):
    return workshop_for([world.site_a, world.site_b])


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
    response = client.post("/learning-sets/new/", set_form_data(members, organisers=[world.organiser.pk]))
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
    learning_set = LearningSetFactory(sites=sites(7))
    client.post(
        f"/learning-sets/{learning_set.pk}/workshops/new/",
        {"first_date": "2011-10-03", "months_apart": 3, "start_time": "10:00", "end_time": "16:00"},
    )
    dates = list(learning_set.workshops.order_by("number").values_list("date", flat=True))
    assert dates[:3] == [datetime.date(2011, 10, 3), datetime.date(2012, 1, 3), datetime.date(2012, 4, 3)]
    assert len(dates) == 6
    second = learning_set.workshops.get(number=2)
    client.post(f"/learning-sets/workshops/{second.pk}/edit/",
                {"date": "2012-01-17", "start_time": "09:30", "end_time": "16:00"})
    assert list(learning_set.workshops.order_by("number").values_list("date", flat=True))[:3] == [
        datetime.date(2011, 10, 3), datetime.date(2012, 1, 17), datetime.date(2012, 4, 3),
    ]


def test_a_workshop_that_ends_before_it_starts_is_refused(client, world, workshop):
    client.force_login(world.organiser)
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/edit/",
                           {"date": "2030-03-01", "start_time": "16:00", "end_time": "10:00"})
    assert "must end after it starts" in response.content.decode()


def test_standard_agenda_has_the_five_parts_in_order(client, world, workshop):
    client.force_login(world.organiser)
    client.post(f"/learning-sets/workshops/{workshop.pk}/agenda/standard/")
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/").content.decode()
    parts = ["Expert presentation", "Practical example", "Service users", "Discussion", "Market stalls"]
    positions = [page.index(part) for part in parts]
    assert positions == sorted(positions)


def test_market_stalls_name_the_member_sites_running_them(client, world, workshop):
    client.force_login(world.organiser)
    client.post(
        f"/learning-sets/workshops/{workshop.pk}/agenda/add/",
        {"kind": "market_stalls", "start_time": "14:30", "end_time": "15:30",
         "stall_sites": [world.site_a.pk, world.site_b.pk]},
    )
    assert "Stalls: Alpha Partnership NHS Trust; Beta Health Board" in client.get(
        f"/learning-sets/workshops/{workshop.pk}/").content.decode()


def test_lead_registers_only_for_their_own_site(client, world, workshop):
    client.force_login(world.lead_a)
    data = {"site": world.site_b.pk, "full_name": "Kit Marlowe", "email": "kit@example.org",
            "perspective": "carer"}
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/delegates/add/", data)
    assert "Select a valid choice" in response.content.decode()
    response = client.post(f"/learning-sets/workshops/{workshop.pk}/delegates/add/",
                           {**data, "site": world.site_a.pk})
    assert response.status_code == 302
    assert Delegate.objects.get().site == world.site_a


def test_the_form_says_which_limit_was_hit(client, world):
    workshop = workshop_for([world.site_a, world.site_b], capacity=9)
    for _ in range(8):
        register(workshop, world.site_a)
    client.force_login(world.organiser)
    data = {"site": world.site_a.pk, "full_name": "Nine", "email": "nine@example.org",
            "perspective": "service_user"}
    url = f"/learning-sets/workshops/{workshop.pk}/delegates/add/"
    assert "the most a site may send" in client.post(url, data).content.decode()
    register(workshop, world.site_b)
    response = client.post(url, {**data, "site": world.site_b.pk})
    assert "the venue holds 9 people" in response.content.decode()
    client.post(url, {**data, "site": world.site_b.pk, "waiting_list_ok": "on"})
    assert Delegate.objects.get(email="nine@example.org").status == Delegate.Status.WAITING


def test_personal_details_only_for_organisers_and_leads_see_only_their_site(client, world, workshop):
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


def test_attendance_is_one_tap_with_or_without_javascript(client, world, workshop):
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
    assert "1 of 2 attended; 1 no-show so far" in client.get(
        f"/learning-sets/workshops/{workshop.pk}/attendance/").content.decode()


def test_a_delegate_evaluates_once_through_their_link_without_signing_in(client, world, workshop):
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    url = f"/learning-sets/evaluate/{delegate.token}/"
    assert "Overall, how would you rate" in client.get(url).content.decode()
    answer = {"overall_rating": "5", "usefulness": "4", "take_back": "Peer workers in every team"}
    assert "has been received" in client.post(url, answer).content.decode()
    assert "already been received" in client.post(url, answer).content.decode()
    assert Evaluation.objects.count() == 1


def test_an_evaluation_link_is_refused_for_a_made_up_token_or_a_rating_out_of_range(client, world, workshop):
    assert client.get("/learning-sets/evaluate/not-a-real-token/").status_code == 404
    delegate = register(workshop, world.site_a)
    services.attendance_mark(delegate=delegate, attended=True)
    response = client.post(f"/learning-sets/evaluate/{delegate.token}/", {"overall_rating": "9", "usefulness": "4"})
    assert "Select a valid choice" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_someone_not_marked_as_attending_cannot_evaluate(client, world, workshop):
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


def past_workshop_with_evaluations(world):
    workshop = workshop_for([world.site_a, world.site_b], date=datetime.date(2011, 10, 31))
    people = [
        (world.site_a, "service_user", True, 5),
        (world.site_a, "carer", True, 4),
        (world.site_b, "nhs_professional", True, None),
        (world.site_b, "nhs_professional", False, None),
    ]
    for site, perspective, attended, rating in people:
        delegate = register(workshop, site, perspective=perspective)
        services.attendance_mark(delegate=delegate, attended=attended)
        if rating:
            services.evaluation_submit(delegate=delegate, overall_rating=rating, usefulness=3,
                                       take_back=f"Lesson rated {rating}")
    return workshop


def test_workshop_report_counts_attendance_mix_and_evaluations(client, world):
    workshop = past_workshop_with_evaluations(world)
    client.force_login(world.consultant)
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/report/").content.decode()
    assert "Service users or carers attending</dt><dd class=\"col-sm-7\">2 (67% of attendees)" in page
    assert "No-shows</dt><dd class=\"col-sm-7\">1</dd>" in page
    assert "Mean overall rating <strong>4.5 out of 5</strong>" in page
    assert "Lesson rated 5" in page


def test_set_summary_csv_has_a_row_a_workshop_and_a_total(client, world):
    workshop = past_workshop_with_evaluations(world)
    client.force_login(world.organiser)
    response = client.get(f"/learning-sets/{workshop.learning_set_id}/summary.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:7] == ["workshop", "date", "topic", "registered", "waiting", "attended", "no-shows"]
    assert rows[1][3:7] == ["4", "0", "3", "1"]
    assert rows[-1][0] == "All workshops" and rows[-1][-2] == "4.5"


def test_delegates_csv_carries_personal_details_for_organisers(client, world, workshop):
    register(workshop, world.site_a, full_name="=HYPERLINK(1)", dietary_needs="Halal")
    client.force_login(world.organiser)
    rows = list(csv.reader(io.StringIO(
        client.get(f"/learning-sets/workshops/{workshop.pk}/delegates.csv").content.decode())))
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][6] == "Halal"


def test_site_page_lists_its_learning_sets_with_attendance(client, world):
    past_workshop_with_evaluations(world)
    client.force_login(world.lead_a)
    page = client.get(f"/sites/{world.site_a.slug}/").content.decode()
    assert "Learning sets" in page
    assert "<td>2</td><td>2</td>" in page


def test_home_shows_organisers_their_workshops_and_leads_their_registrations(client, world):
    workshop = workshop_for([world.site_a], date=datetime.date.today() + datetime.timedelta(days=30))
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

    risk, college = Topic.objects.get(name="Risk and safety"), Topic.objects.get(name="Creating a recovery college")
    client.force_login(world.member_a)
    url = f"/learning-sets/{learning_set.pk}/topics/{world.site_a.slug}/"
    assert "only once" in client.post(url, {"first": risk.pk, "second": risk.pk}).content.decode()
    client.post(url, {"first": risk.pk, "second": college.pk})
    page = client.get(f"/learning-sets/{learning_set.pk}/").content.decode()
    assert page.index("Risk and safety</strong> (2 points)") < page.index("Creating a recovery college</strong> (1 point)")


# Query counts -------------------------------------------------------------------------------


def filled_workshop(n_sites, per_site):
    members = sites(n_sites)
    workshop = workshop_for(members, capacity=100)
    services.agenda_standard_add(workshop=workshop)
    for site in members:
        for _ in range(per_site):
            register(workshop, site, dietary_needs="None")
    return workshop


@pytest.mark.parametrize("n_sites, per_site", [(1, 1), (8, 8)])
@pytest.mark.parametrize("role", ["organiser", "consultant", "lead_a"])
def test_workshop_page_queries_do_not_grow_with_delegates(
    client, world, django_assert_max_num_queries, n_sites, per_site, role
):
    workshop = filled_workshop(n_sites, per_site)
    workshop.learning_set.sites.add(world.site_a)
    for _ in range(per_site):
        register(workshop, world.site_a)
    client.force_login(world.users[role])
    with django_assert_max_num_queries(10):
        response = client.get(f"/learning-sets/workshops/{workshop.pk}/")
    visible = per_site if role == "lead_a" else (n_sites + 1) * per_site
    assert response.content.decode().count("<th scope=\"row\">Delegate") == visible


@pytest.mark.parametrize("n_sites, per_site", [(1, 1), (8, 8)])
def test_set_page_and_reports_queries_do_not_grow(client, world, django_assert_max_num_queries, n_sites, per_site):
    workshop = filled_workshop(n_sites, per_site)
    for number in range(2, 7):
        WorkshopFactory(learning_set=workshop.learning_set, number=number)
    client.force_login(world.organiser)
    s = workshop.learning_set_id
    for url in [f"/learning-sets/{s}/", f"/learning-sets/{s}/report/",
                f"/learning-sets/workshops/{workshop.pk}/report/", f"/learning-sets/{s}/summary.csv",
                f"/learning-sets/workshops/{workshop.pk}/attendance/",
                f"/learning-sets/workshops/{workshop.pk}/sign-in-sheet/",
                f"/learning-sets/workshops/{workshop.pk}/evaluation-links/"]:
        with django_assert_max_num_queries(11):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("n_sets", [1, 6])
def test_set_list_and_site_page_queries_do_not_grow(client, world, django_assert_max_num_queries, n_sets):
    for _ in range(n_sets):
        workshop = workshop_for([world.site_a])
        register(workshop, world.site_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(8):
        assert client.get("/learning-sets/").content.decode().count("Learning set ") >= n_sets
    with django_assert_max_num_queries(12):
        client.get(f"/sites/{world.site_a.slug}/")
    assert Workshop.objects.count() == n_sets
