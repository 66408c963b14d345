import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges.models import Assessment, Framework
from sites.models import Person
from tests.sites.budgets import SITE_PAGE_QUERIES

from .factories import assess, other_framework

TODAY = timezone.localdate()


def form_data(world, *, ranks=(1,) * 10, people=None, guests=(), assessed_on=TODAY, **extra):
    """What the browser posts for the 2009 framework's one-page form."""
    framework = Framework.objects.current()
    stages = {stage.rank: stage.pk for stage in framework.stages.all()}
    if people is None:
        people = [world.site_a.project_group.get(person__user=world.lead_a).person_id]
    data = {
        "assessed_on": assessed_on.isoformat(),
        "notes": "Workshop",
        "people": people,
        "rating-TOTAL_FORMS": "10",
        "rating-INITIAL_FORMS": "0",
        "guest-TOTAL_FORMS": "2",
        "guest-INITIAL_FORMS": "0",
    }
    for index, rank in enumerate(ranks):
        data[f"rating-{index}-stage"] = "" if rank is None else stages[rank]
        data[f"rating-{index}-evidence"] = f"Evidence {index + 1}"
    for index, (name, perspective) in enumerate(guests):
        data[f"guest-{index}-full_name"] = name
        data[f"guest-{index}-perspective"] = perspective
    data.update(extra)
    return data


def create_url(site):
    return reverse("challenges:assessment-create", kwargs={"slug": site.slug})


def test_a_team_member_records_an_assessment_with_a_carer_from_outside_the_group(client, world):
    client.force_login(world.member_a)
    response = client.post(
        create_url(world.site_a),
        form_data(world, ranks=[0, 1, 2, 3, 1, 1, 1, 1, 1, 1], guests=[("Mary Trelawny", "carer")]),
    )
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == assessment.get_absolute_url()
    assert assessment.created_by == world.member_a
    assert assessment.ratings.get(challenge__number=4).stage.rank == 3
    assert assessment.ratings.get(challenge__number=4).evidence == "Evidence 4"
    lead = world.lead_a.person.full_name
    assert {p.person.full_name: p.perspective for p in assessment.participants.all()} == {
        lead: "manager",
        "Mary Trelawny": "carer",
    }
    page = client.get(response["Location"]).content.decode()
    assert "Co-produced</strong> 1 of 2 (50%) service users or carers" in page


def test_an_assessment_without_service_users_or_carers_says_it_is_not_co_produced(client, world):
    client.force_login(world.lead_a)
    response = client.post(create_url(world.site_a), form_data(world), follow=True)
    assert "Not yet co-produced" in response.content.decode()


def test_a_challenge_left_unrated_gets_its_own_error_and_nothing_is_saved(client, world):
    client.force_login(world.lead_a)
    ranks = [1, 1, 1, None, 1, 1, 1, 1, 1, 1]
    response = client.post(create_url(world.site_a), form_data(world, ranks=ranks))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a stage for challenge 4." in page
    assert "Nothing was saved" in page
    assert "Choose a stage for challenge 3." not in page
    assert not Assessment.objects.exists()


def test_a_stage_from_another_framework_is_rejected_on_the_form(client, world):
    foreign = other_framework().stages.get(rank=1)
    client.force_login(world.lead_a)
    data = form_data(world, **{"rating-1-stage": foreign.pk})
    response = client.post(create_url(world.site_a), data)
    page = response.content.decode()
    assert "Choose a stage for challenge 2 from the 2009 framework&#x27;s scale." in page
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"people": []}, "Record who took part"),
        ({"assessed_on": "not a date"}, "Date of the assessment must be a real date"),
        (
            {"assessed_on": (TODAY + datetime.timedelta(days=2)).isoformat()},
            "cannot be in the future",
        ),
        ({"guest-0-full_name": "Dan Ellery"}, "Choose the perspective they brought."),
        ({"guest-1-perspective": "carer"}, "Give their name"),
        ({"people": ["999999"]}, "Tick only people in this site&#x27;s project group"),
        ({"rating-TOTAL_FORMS": "9"}, "Please submit at least 10 forms."),
    ],
)
def test_bad_input_is_reported_and_nothing_is_half_saved(client, world, change, message):
    client.force_login(world.lead_a)
    people_before = Person.objects.count()
    response = client.post(create_url(world.site_a), {**form_data(world), **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Assessment.objects.exists()
    assert Person.objects.count() == people_before


def test_someone_from_another_sites_group_cannot_be_ticked(client, world):
    other = world.site_b.project_group.get().person_id
    client.force_login(world.lead_a)
    response = client.post(create_url(world.site_a), form_data(world, people=[other]))
    assert "Tick only people in this site&#x27;s project group" in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_team_edits_an_assessment_and_keeps_its_framework(client, world):
    assessment = assess(world.site_a, [1] * 10, by=world.lead_a)
    client.force_login(world.member_a)
    url = reverse("challenges:assessment-edit", kwargs={"slug": "alpha", "pk": assessment.pk})
    page = client.get(url).content.decode()
    assert 'value="1"' in page or "selected" in page
    response = client.post(url, form_data(world, ranks=[2] * 10))
    assert response.status_code == 302
    assert {r.stage.rank for r in assessment.ratings.all()} == {2}


def test_readers_cannot_write_and_outsiders_cannot_see(client, world):
    assessment = assess(world.site_a, [1] * 10)
    edit = reverse("challenges:assessment-edit", kwargs={"slug": "alpha", "pk": assessment.pk})
    for user, status in [(world.consultant, 403), (world.organiser, 403), (world.lead_b, 404)]:
        client.force_login(user)
        assert client.post(create_url(world.site_a), form_data(world)).status_code == status
        assert client.post(edit, form_data(world, ranks=[3] * 10)).status_code == status
    assert Assessment.objects.count() == 1
    assert {r.stage.rank for r in assessment.ratings.all()} == {1}


def test_an_assessment_of_another_site_is_not_found_under_this_site(client, world):
    theirs = assess(world.site_b, [1] * 10)
    client.force_login(world.lead_a)
    url = reverse("challenges:assessment-detail", kwargs={"slug": "alpha", "pk": theirs.pk})
    assert client.get(url).status_code == 404


def test_only_the_lead_or_an_administrator_deletes_after_confirming(client, world):
    assessment = assess(world.site_a, [1] * 10)
    url = reverse("challenges:assessment-delete", kwargs={"slug": "alpha", "pk": assessment.pk})
    client.force_login(world.member_a)
    assert client.post(url).status_code == 403
    client.force_login(world.lead_a)
    assert "Delete the self-assessment" in client.get(url).content.decode()
    assert Assessment.objects.exists()
    response = client.post(url)
    assert response["Location"] == reverse("challenges:assessment-list", kwargs={"slug": "alpha"})
    assert not Assessment.objects.exists()


def test_the_site_page_shows_the_latest_stage_and_its_movement_in_words(client, world):
    assess(world.site_a, [1, 2, 1, 0, 0, 0, 0, 0, 0, 0], on=datetime.date(2011, 6, 1))
    assess(world.site_a, [2, 1, 1, 0, 0, 0, 0, 0, 0, 0], on=datetime.date(2011, 12, 1))
    client.force_login(world.consultant)
    page = client.get(world.site_a.get_absolute_url()).content.decode()
    assert "up from 1 Engagement" in page
    assert "down from 2 Development" in page
    assert "same as before (1 Engagement)" in page
    assert "assessment of 1 December 2011" in page


def test_the_site_page_invites_the_team_to_assess_before_the_first_assessment(client, world):
    client.force_login(world.lead_a)
    page = client.get(world.site_a.get_absolute_url()).content.decode()
    assert "has not assessed itself" in page
    assert "Assess the site" in page
    client.force_login(world.consultant)
    assert "Assess the site" not in client.get(world.site_a.get_absolute_url()).content.decode()


@pytest.mark.parametrize("count", [1, 12])
def test_the_site_page_reads_in_constant_queries(
    client, world, django_assert_max_num_queries, count
):
    for k in range(count):
        assess(world.site_a, [k % 4] * 10, on=datetime.date(2011, 1, 1) + datetime.timedelta(k))
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        response = client.get(world.site_a.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 12])
def test_the_assessment_pages_read_in_constant_queries(
    client, world, django_assert_max_num_queries, count
):
    assessments = [
        assess(
            world.site_a,
            [k % 4] * 10,
            on=datetime.date(2011, 1, 1) + datetime.timedelta(k),
            by=world.lead_a,
        )
        for k in range(count)
    ]
    client.force_login(world.lead_a)
    list_url = reverse("challenges:assessment-list", kwargs={"slug": "alpha"})
    with django_assert_max_num_queries(7):
        assert client.get(list_url).status_code == 200
    new = reverse("challenges:assessment-create", kwargs={"slug": "alpha"})
    with django_assert_max_num_queries(11):  # the re-assessment form, pre-filled
        assert "Re-assessment" in client.get(new).content.decode()
    for view, limit in [("detail", 10), ("edit", 14)]:
        url = reverse(
            f"challenges:assessment-{view}", kwargs={"slug": "alpha", "pk": assessments[-1].pk}
        )
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


def test_the_form_starts_with_today_in_the_day_month_and_year_boxes(client, world):
    client.force_login(world.lead_a)
    page = client.get(create_url(world.site_a)).content.decode()
    for name, value in [("day", TODAY.day), ("month", TODAY.month), ("year", TODAY.year)]:
        assert f'name="assessed_on_{name}" type="text" inputmode="numeric" value="{value}"' in page


def test_a_site_can_be_assessed_against_another_framework_version_on_its_scale(client, world):
    framework = other_framework(ranks=5, challenges=3)
    client.force_login(world.lead_a)
    url = f"{create_url(world.site_a)}?framework={framework.version}"
    assert "Stage for challenge 3" in client.get(url).content.decode()
    data = form_data(world, ranks=[], **{"rating-TOTAL_FORMS": "3"})
    for index, stage in enumerate(framework.stages.filter(rank__in=[0, 2, 4])):
        data[f"rating-{index}-stage"] = stage.pk
    response = client.post(url, data)
    assessment = Assessment.objects.get()
    assert response["Location"] == assessment.get_absolute_url()
    assert assessment.framework == framework
    assert sorted(r.stage.rank for r in assessment.ratings.all()) == [0, 2, 4]


@pytest.mark.django_db
def test_a_site_with_no_self_assessment_lists_none(client, world):
    client.force_login(world.lead_a)
    response = client.get(reverse("challenges:assessment-list", kwargs={"slug": "alpha"}))
    assert response.status_code == 200
    assert "No self-assessment yet." in response.content.decode()
