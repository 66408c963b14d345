import datetime

import pytest
import time_machine

from teams import practice
from teams.models import Team, TeamAction, TeamAssessment
from tests.teams import helpers

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2012, 9, 1, 12, 0)


def assessment_data(rating=1, **extra):
    data = {
        "assessed_on": "2012-03-01",
        "participant-TOTAL_FORMS": "2",
        "participant-INITIAL_FORMS": "0",
        "participant-0-name": "Ann Lee",
        "participant-0-perspective": "manager",
        "participant-1-name": "Dan Ellery",
        "participant-1-perspective": "service_user",
        "rating-TOTAL_FORMS": str(len(practice.ITEMS)),
        "rating-INITIAL_FORMS": "0",
    }
    for n in range(len(practice.ITEMS)):
        data[f"rating-{n}-rating"] = str(rating)
        data[f"rating-{n}-evidence"] = "Seen in care plans"
    data.update(extra)
    return data


@time_machine.travel(TODAY, tick=False)
def test_a_lead_adds_a_team_assesses_it_twice_and_sees_it_has_moved(client, world):
    client.force_login(world.lead_a)
    response = client.post(
        "/teams/sites/alpha/new/",
        {"name": "Exeter community team", "service_type": "community", "manager": "Ann Lee"},
    )
    team = Team.objects.get()
    assert response.url == f"/teams/{team.pk}/"
    client.post(f"/teams/{team.pk}/assessments/new/", assessment_data(1))
    form = client.get(f"/teams/{team.pk}/assessments/new/")
    assert form.context["entry"].ratings.forms[0].initial == {
        "rating": 1,
        "evidence": "Seen in care plans",
    }  # a re-assessment starts from the last one
    client.post(
        f"/teams/{team.pk}/assessments/new/",
        assessment_data(2, assessed_on="2012-08-01", next_review_on="2012-11-01"),
    )
    page = client.get(f"/teams/{team.pk}/").content.decode()
    assert "16 of 24 on 1 August 2012, 8 at the first on 1 March 2012" in page
    assert page.count("Moved up") == len(practice.ITEMS)  # since the first, which is previous
    assert "Co-produced" in page and "1 November 2012" in page
    teams = client.get("/teams/sites/alpha/").content.decode()
    assert "1 of 1 team moved up since their first assessment." in teams
    assert "Moved up 8" in teams
    third = client.post(
        f"/teams/{team.pk}/assessments/new/", assessment_data(2, assessed_on="2012-09-01")
    )
    assert third.status_code == 302  # nothing changed since the previous: still saved
    page = client.get(f"/teams/{team.pk}/").content.decode()
    assert "Previous, 1 Aug 2012" in page
    assert page.count("Moved up") == page.count("No change") == len(practice.ITEMS)


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"assessed_on": "2099-01-01"}, "cannot be in the future"),
        ({"next_review_on": "2012-02-01"}, "The next co-review must be after the assessment"),
        ({"participant-1-perspective": ""}, "Choose the perspective they brought"),
        (
            {"participant-0-name": "", "participant-0-perspective": "", "participant-1-name": "",
             "participant-1-perspective": ""},
            "Record who took part",
        ),
        ({"rating-3-rating": "9"}, "Choose a rating for practice 4 from the list"),
        ({"rating-3-rating": ""}, "Choose a rating for practice 4"),
        ({"rating-TOTAL_FORMS": "99999999"}, "Please submit at most 8 forms"),
    ],
)  # fmt: skip
def test_an_assessment_that_does_not_add_up_is_refused(client, world, extra, message):
    team = helpers.team(world.site_a)
    client.force_login(world.member_a)
    response = client.post(f"/teams/{team.pk}/assessments/new/", assessment_data(1, **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TeamAssessment.objects.exists()


def test_a_team_name_is_unique_within_its_site(client, world):
    helpers.team(world.site_a, name="Cedars ward")
    helpers.team(world.site_b, name="Haldon ward")
    client.force_login(world.lead_a)
    data = {"service_type": "inpatient", "manager": "Tom"}
    taken = client.post("/teams/sites/alpha/new/", {"name": "cedars ward", **data})
    assert "already has a team of this name" in taken.content.decode()
    assert (
        client.post("/teams/sites/alpha/new/", {"name": "Haldon ward", **data}).status_code == 302
    )


@time_machine.travel(TODAY, tick=False)
def test_actions_need_an_owner_and_overdue_ones_show_on_the_team_and_site_pages(client, world):
    team = helpers.team(world.site_a)
    member = world.site_a.project_group.get(person__user=world.member_a)
    client.force_login(world.lead_a)
    url = f"/teams/{team.pk}/actions/new/"
    base = {"what": "Co-write crisis plans", "due_on": "2012-08-01", "status": "not_started"}
    assert "Choose who will do it" in client.post(url, base).content.decode()
    assert client.post(url, {**base, "owner_person": member.person_id}).status_code == 302
    client.post(url, {**base, "what": "Peer worker at team meeting", "owner_name": "Dan Ellery",
                      "due_on": "2012-12-01"})  # fmt: skip
    page = client.get(f"/teams/{team.pk}/").content.decode()
    assert "1 action past its date." in page
    site = client.get("/sites/alpha/").content.decode()
    section = site.split('id="teams-heading"')[1].split("</section>")[0]
    assert "Exeter community team</a>: 1 action past its date" in section
    action = TeamAction.objects.get(what="Co-write crisis plans")
    client.post(
        f"/teams/{team.pk}/actions/{action.pk}/",
        {**base, "owner_person": member.person_id, "status": "done"},
    )
    action.refresh_from_db()
    assert action.done_on == datetime.date(2012, 9, 1)
    site = client.get("/sites/alpha/").content.decode()
    assert "past its date" not in site
    assert "1 of 2 actions done" in client.get("/teams/sites/alpha/").content.decode()


def test_a_consultant_reads_but_cannot_write_and_another_sites_lead_sees_nothing(client, world):
    team = helpers.team(world.site_a)
    helpers.assess(team)
    client.force_login(world.consultant)
    page = client.get(f"/teams/{team.pk}/").content.decode()
    assert "Record an assessment" not in page and "Add an action" not in page
    assert client.post(f"/teams/{team.pk}/actions/new/", {}).status_code == 403
    client.force_login(world.lead_b)
    assert client.get(f"/teams/{team.pk}/").status_code == 404
    assert client.get("/teams/sites/alpha/").status_code == 404
    other = client.post(f"/teams/{team.pk}/edit/", {"name": "Mine", "service_type": "crisis"})
    assert other.status_code == 404


@pytest.mark.parametrize("n_teams", [2, 25])
def test_the_teams_site_and_team_pages_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n_teams
):
    from tests.sites.budgets import SITE_PAGE_QUERIES

    for n in range(n_teams):
        team = helpers.team(world.site_a, name=f"Team {n}")
        helpers.assess(team, rating=1)
        helpers.assess(team, on=datetime.date(2012, 6, 1), rating=2)
        for due in (1, 2, 3):
            helpers.action(team, due_on=datetime.date(2012, due, 1))
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(5):
        response = client.get("/teams/sites/alpha/")
    assert response.content.decode().count("Moved up 8") == n_teams
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        assert client.get("/sites/alpha/").status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_the_team_and_assessment_pages_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n
):
    team = helpers.team(world.site_a)
    for month in range(1, n + 1):
        assessment = helpers.assess(team, on=datetime.date(2011, month, 1), rating=month % 4)
        helpers.action(team, due_on=datetime.date(2012, month, 1), status="done")
    client.force_login(world.consultant)
    with django_assert_max_num_queries(8):
        page = client.get(f"/teams/{team.pk}/").content.decode()
    assert page.count('<li><a href="/teams/assessments/') == n
    with django_assert_max_num_queries(5):
        assert client.get(f"/teams/assessments/{assessment.pk}/").status_code == 200
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(6):
        assert client.get(f"/teams/{team.pk}/assessments/new/").status_code == 200


def test_an_archived_sites_teams_are_read_only_for_everyone_and_remind_nobody(client, world):
    from sites.services import site_archive
    from tests.notifications.scanning import due

    team = helpers.team(world.site_a)
    member = world.site_a.project_group.get(person__user=world.member_a)
    helpers.action(team, owner_person=member.person, owner_name="")
    site_archive(site=world.site_a, archived_on=datetime.date(2012, 9, 1), reason="Left")
    for user in (world.lead_a, world.admin):
        client.force_login(user)
        page = client.get(f"/teams/{team.pk}/").content.decode()
        assert "Record an assessment" not in page and "Add an action" not in page
        assert client.get(f"/teams/{team.pk}/actions/new/").status_code == 403
        assert "Add a team" not in client.get("/teams/sites/alpha/").content.decode()
    assert due("trip_action_overdue", datetime.date(2013, 1, 1)) == []


@time_machine.travel(TODAY, tick=False)
def test_the_site_page_counts_teams_moved_up_and_co_reviews_overdue(client, world):
    moved = helpers.team(world.site_a)
    helpers.assess(moved, on=datetime.date(2012, 1, 1), rating=1)
    helpers.assess(
        moved, on=datetime.date(2012, 6, 1), rating=2, next_review_on=datetime.date(2012, 10, 1)
    )
    still = helpers.team(world.site_a, name="Haldon ward")
    helpers.assess(still, on=datetime.date(2012, 1, 1), rating=2)
    helpers.assess(
        still, on=datetime.date(2012, 6, 1), rating=2, next_review_on=datetime.date(2012, 8, 1)
    )
    client.force_login(world.lead_a)
    site = client.get("/sites/alpha/").content.decode()
    section = site.split('id="teams-heading"')[1].split("</section>")[0]
    assert "2 teams; 1 moved up since their first assessment" in section
    assert "Co-reviews overdue</dt>" in section
    assert '<dd class="nhsuk-summary-list__value">1 team</dd>' in section
