"""The co-production index wherever people gather or decide, in the same words everywhere."""

import datetime

import pytest
from django.urls import reverse

from learning_sets import services as ls_services
from pdsa.models import CycleTeamMember
from sites.models import CoProduction, Person
from tests.challenges.factories import assess
from tests.learning_sets.factories import RELEASED, register, workshop_for
from tests.pdsa.factories import CycleFactory, GoalFactory, PriorityFactory
from tests.sites.factories import PersonFactory
from tests.support.factories import TrainingDeliveryFactory


@pytest.mark.parametrize(
    ("perspectives", "words"),
    [
        ([], "No one recorded yet"),
        (
            ["service_user", "carer", "carer"] + ["clinician"] * 4 + ["staff_lived"],
            "3 of 8 (38%) service users or carers; 1 staff member with lived experience",
        ),
        (
            ["clinician", "staff_lived", "staff_lived"],
            "0 of 3 (0%) service users or carers; 2 staff members with lived experience",
        ),
    ],
)
def test_index_says_the_share_in_words(perspectives, words):
    assert CoProduction.of_perspectives(perspectives).summary == words


def test_head_counts_leave_out_staff_with_lived_experience():
    index = CoProduction.of_counts(people=751, lived_experience=101)
    assert index.summary == "101 of 751 (13%) service users or carers"


def cycle_of(site):
    return CycleFactory(goal=GoalFactory(priority=PriorityFactory(site=site)))


def test_lead_records_a_cycle_team_with_a_carer_who_has_no_email(client, world):
    cycle = cycle_of(world.site_a)
    member = world.site_a.project_group.get(person__user=world.member_a)
    client.force_login(world.lead_a)
    response = client.post(
        reverse("pdsa:cycle-team", args=[cycle.pk]),
        {
            "people": [member.person_id],
            "guest-TOTAL_FORMS": "2",
            "guest-INITIAL_FORMS": "0",
            "guest-0-full_name": "Mary Trelawny",
            "guest-0-perspective": "carer",
            "guest-1-full_name": "",
            "guest-1-perspective": "",
        },
    )
    assert response.status_code == 302
    carer = Person.objects.get(full_name="Mary Trelawny")
    assert carer.email == ""
    assert set(cycle.team.values_list("perspective", flat=True)) == {"clinician", "carer"}
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert "1 of 2 (50%) service users or carers" in page
    assert "Mary Trelawny (Carer)" in page


def test_saving_the_team_again_drops_who_was_unticked(client, world):
    cycle = cycle_of(world.site_a)
    CycleTeamMember.objects.create(cycle=cycle, person=PersonFactory(), perspective="carer")
    member = world.site_a.project_group.get(person__user=world.member_a)
    client.force_login(world.lead_a)
    client.post(
        reverse("pdsa:cycle-team", args=[cycle.pk]),
        {"people": [member.person_id], "guest-TOTAL_FORMS": "0", "guest-INITIAL_FORMS": "0"},
    )
    assert list(cycle.team.values_list("perspective", flat=True)) == ["clinician"]


def test_a_team_of_no_one_is_refused_with_a_reason(client, world):
    cycle = cycle_of(world.site_a)
    client.force_login(world.lead_a)
    response = client.post(
        reverse("pdsa:cycle-team", args=[cycle.pk]),
        {"guest-TOTAL_FORMS": "0", "guest-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "Record who is in the team" in response.content.decode()
    assert response.content.decode().count("<title>Error: ") == 1


def test_a_team_form_with_a_name_but_no_perspective_explains(client, world):
    cycle = cycle_of(world.site_a)
    client.force_login(world.lead_a)
    response = client.post(
        reverse("pdsa:cycle-team", args=[cycle.pk]),
        {
            "people": ["99999"],
            "guest-TOTAL_FORMS": "1",
            "guest-INITIAL_FORMS": "0",
            "guest-0-full_name": "Sam",
            "guest-0-perspective": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the perspective they brought." in page
    assert "Tick only people in this site" in page
    assert not cycle.team.exists()


def test_assessment_list_shows_its_participants_index(client, world):
    assess(
        world.site_a,
        [1] * 10,
        people=[(PersonFactory(), "service_user"), (PersonFactory(), "manager")],
    )
    client.force_login(world.lead_a)
    page = client.get(reverse("challenges:assessment-list", args=["alpha"])).content.decode()
    assert "1 of 2 (50%) service users or carers; 0 staff members with lived experience" in page


def test_workshop_page_shows_the_index_of_delegates_and_of_attendance(client, world):
    workshop = workshop_for(
        [world.site_a, world.site_b],
        date=datetime.date(2012, 3, 1),
        places_release_date=RELEASED,
    )
    carer = register(workshop, world.site_a, perspective="carer", email="")
    register(workshop, world.site_b, perspective="staff_lived")
    register(workshop, world.site_b)
    ls_services.attendance_mark(delegate=carer, attended=True)
    client.force_login(world.organiser)
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "1 of 3 (33%) service users or carers; 1 staff member with lived experience" in page
    assert "1 of 1 (100%) service users or carers; 0 staff members with lived experience" in page


def test_site_lead_sees_each_courses_index(client, world):
    TrainingDeliveryFactory(site=world.site_a, staff_attending=15, service_users_attending=5)
    client.force_login(world.lead_a)
    page = client.get(reverse("support:site-support", args=["alpha"])).content.decode()
    assert "5 of 20 (25%) service users or carers" in page


def test_someone_registers_through_the_sites_link_without_an_email(client, world):
    workshop = workshop_for([world.site_a], places_release_date=RELEASED)
    link = ls_services.registration_link_issue(
        workshop=workshop, site=world.site_a, by=world.lead_a
    )
    response = client.post(
        reverse("learning_sets:join", args=[link.token]),
        {"full_name": "Ann Polglase", "email": "", "perspective": "service_user"},
    )
    assert response.status_code == 200
    assert "You are registered" in response.content.decode()
    delegate = workshop.delegates.get(full_name="Ann Polglase")
    assert delegate.email == "" and delegate.status == "registered"
