"""Closing a goal as achieved or abandoned, reopening it, and dropping a priority whose goals
are all closed: read-only since, out of the active lists, kept in the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from accounts.permissions import allowed
from notifications.models import Notification
from pdsa import selectors, services
from pdsa.models import Goal, Priority
from pdsa.reminders import cycle_stage_overdue
from sites.models import Person
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    challenge,
)

pytestmark = pytest.mark.django_db

CLOSED_ON = datetime.date(2012, 6, 1)


@pytest.fixture
def goal(world):
    return GoalFactory(priority__site=world.site_a, title="Recovery plans on every ward")


def close(goal, user, outcome="achieved"):
    return services.goal_close(
        goal=goal, outcome=outcome, note="Nine wards in ten.", by=user, closed_on=CLOSED_ON
    )


def test_closing_a_goal_records_how_when_and_why_and_tells_the_sites_consultant(
    world, goal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close(goal, world.lead_a)
    goal.refresh_from_db()
    assert (goal.status, goal.closed_on, goal.closed_by) == ("achieved", CLOSED_ON, world.lead_a)
    assert goal.closing_note == "Nine wards in ten."
    told = Notification.objects.filter(kind="goal_closed")
    assert [n.user for n in told] == [world.consultant]
    assert "was achieved" in told.get().subject


def test_a_goal_cannot_be_closed_twice_nor_as_in_progress(world, goal):
    close(goal, world.lead_a)
    with pytest.raises(ValidationError, match="already closed"):
        close(Goal.objects.get(pk=goal.pk), world.lead_a, "abandoned")
    with pytest.raises(ValueError):
        close(GoalFactory(priority__site=world.site_a), world.lead_a, "in_progress")


def test_reopening_puts_the_goal_back_in_progress_and_clears_the_closing(world, goal):
    close(goal, world.lead_a)
    services.goal_reopen(goal=goal, by=world.lead_a)
    goal.refresh_from_db()
    assert (goal.status, goal.closed_on, goal.closing_note) == ("in_progress", None, "")
    assert goal.history.filter(status="achieved").exists()  # the history keeps the closing


@pytest.mark.parametrize(
    "who, can_edit, can_reopen",
    [
        ("lead_a", False, True),
        ("member_a", False, False),
        ("admin", False, True),
        ("consultant", False, False),
    ],
)
def test_a_closed_goal_its_indicators_and_cycles_are_read_only(
    world, goal, who, can_edit, can_reopen
):
    indicator = IndicatorFactory(goal=goal)
    cycle = CycleFactory(goal=goal)
    close(goal, world.lead_a)
    goal = selectors.goals_for_user(world.admin).get(pk=goal.pk)
    user = world.users[who]
    for perm, obj in [
        ("pdsa.change_goal", goal),
        ("pdsa.close_goal", goal),
        ("pdsa.add_indicator", goal),
        ("pdsa.add_cycle", goal),
        ("pdsa.change_indicator", indicator),
        ("pdsa.change_cycle", cycle),
    ]:
        assert allowed(user, perm, obj) is can_edit, perm
    assert allowed(user, "pdsa.reopen_goal", goal) is can_reopen


def test_the_lead_closes_a_goal_from_its_page_and_then_sees_it_read_only(client, world, goal):
    indicator = IndicatorFactory(goal=goal)
    cycle = CycleFactory(goal=goal)
    client.force_login(world.lead_a)
    page = client.get(f"/pdsa/goals/{goal.pk}/close/").content.decode()
    assert "1 cycle still open" in page
    response = client.post(
        f"/pdsa/goals/{goal.pk}/close/",
        {"outcome": "achieved", "closed_on": "2012-06-01", "note": "Nine wards in ten."},
    )
    assert response.status_code == 302
    page = client.get(f"/pdsa/goals/{goal.pk}/").content.decode()
    assert "Closed: achieved on 1 June 2012" in page
    assert "Nine wards in ten." in page
    assert "Edit goal" not in page and "Plan a new cycle" not in page
    assert "Reopen the goal" in page
    assert client.get(f"/pdsa/goals/{goal.pk}/edit/").status_code == 403
    assert client.get(f"/pdsa/indicators/{indicator.pk}/data/add/").status_code == 403
    assert client.post(f"/pdsa/cycles/{cycle.pk}/do/", {"version": 1}).status_code == 403
    assert "Add values" not in client.get(f"/pdsa/indicators/{indicator.pk}/").content.decode()


def test_the_close_form_asks_for_the_outcome_and_a_note_and_a_date_not_in_the_future(
    client, world, goal
):
    client.force_login(world.lead_a)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        f"/pdsa/goals/{goal.pk}/close/", {"closed_on": tomorrow.isoformat(), "note": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select whether the goal was achieved or abandoned" in page
    assert "Enter a closing note" in page
    assert "The closing date must be today or in the past" in page
    goal.refresh_from_db()
    assert not goal.is_closed


def test_the_goal_form_no_longer_sets_achieved_or_abandoned(client, world, goal):
    client.force_login(world.lead_a)
    page = client.get(f"/pdsa/goals/{goal.pk}/edit/").content.decode()
    assert 'value="stalled"' in page
    assert 'value="achieved"' not in page and 'value="abandoned"' not in page


def test_a_closed_goal_leaves_the_active_lists_and_stays_in_the_history(client, world, goal):
    CycleFactory(goal=goal, plan_due=datetime.date(2012, 2, 1))  # overdue: reminded while open
    assert list(cycle_stage_overdue(datetime.date(2013, 1, 1)))
    close(goal, world.lead_a)
    assert not list(cycle_stage_overdue(datetime.date(2013, 1, 1)))
    assert selectors.your_goals(world.lead_a) == []
    client.force_login(world.lead_a)
    site_page = client.get("/sites/alpha/").content.decode()
    assert "1 achieved or abandoned goal" in site_page
    timeline = client.get("/pdsa/sites/alpha/timeline/").content.decode()
    assert "Recovery plans on every ward" in timeline


def test_a_priority_with_an_open_goal_cannot_be_dropped_and_says_why(client, world, goal):
    with pytest.raises(ValidationError, match="still has 1 open goal"):
        services.priority_drop(priority=goal.priority)
    client.force_login(world.lead_a)
    url = f"/sites/alpha/priorities/{goal.priority_id}/drop/"
    page = client.get(f"/pdsa{url}").content.decode()
    assert "can be dropped once all its goals are closed" in page
    assert "Drop the priority</button>" not in page
    page = client.post(f"/pdsa{url}").content.decode()
    assert "still has 1 open goal: close it as achieved or abandoned first" in page
    assert not Priority.objects.get(pk=goal.priority_id).is_dropped


def test_a_priority_whose_goals_are_closed_is_dropped_and_kept_in_the_history(client, world, goal):
    other = PriorityFactory(site=world.site_a, challenge=challenge(3))
    close(goal, world.lead_a, "abandoned")
    client.force_login(world.lead_a)
    assert "Drop this priority" in client.get("/sites/alpha/").content.decode()
    response = client.post(f"/pdsa/sites/alpha/priorities/{goal.priority_id}/drop/")
    assert response.status_code == 302
    work = selectors.site_work(world.site_a, _co_production(world), assessed=False)
    assert work.priorities == [other]
    assert [p.pk for p in work.dropped] == [goal.priority_id]
    page = client.get("/sites/alpha/").content.decode()
    assert "1 dropped priority" in page and "Recovery plans on every ward" in page
    assert client.get(f"/pdsa/sites/alpha/priorities/{goal.priority_id}/drop/").status_code == 403
    # A new goal cannot go under it; choosing the challenge again takes it up again.
    form = client.get("/pdsa/sites/alpha/goals/add/").context["form"]
    assert list(form.fields["priority"].queryset) == [other]
    services.priorities_set(
        site=world.site_a, challenges=[challenge(1), challenge(3)], agreed_on=CLOSED_ON
    )
    assert not Priority.objects.get(pk=goal.priority_id).is_dropped


def test_the_timeline_tells_of_the_closing_the_drop_and_the_site_leaving(client, world, goal):
    close(goal, world.lead_a, "abandoned")
    services.priority_drop(priority=goal.priority)
    from sites.services import site_archive

    site_archive(site=world.site_a, archived_on=CLOSED_ON, reason="The trust merged.")
    client.force_login(world.consultant)
    page = client.get("/pdsa/sites/alpha/timeline/").content.decode()
    assert "Goal closed" in page and "Abandoned. Nine wards in ten." in page
    assert "Priority dropped" in page
    assert "Left the programme" in page and "The trust merged." in page


def test_a_goal_under_a_dropped_priority_is_not_reopened(world, goal):
    close(goal, world.lead_a)
    services.priority_drop(priority=goal.priority)
    with pytest.raises(ValidationError, match="priority was dropped"):
        services.goal_reopen(goal=Goal.objects.get(pk=goal.pk), by=world.admin)


def _co_production(world):
    from sites.models import CoProduction

    return CoProduction.of_group(world.site_a.project_group.all())


def _closed_goal(world, *, cycles: int, points: int, title: str):
    priority = PriorityFactory(site=world.site_a, challenge=challenge(4))
    goal = GoalFactory(
        priority=priority, title=title, owner=Person.objects.get(user=world.member_a)
    )
    indicator = IndicatorFactory(goal=goal)
    for n in range(points):
        DataPointFactory(indicator=indicator, date=CLOSED_ON - datetime.timedelta(days=7 * n))
    for _ in range(cycles):
        CycleFactory(goal=goal)
    close(goal, world.lead_a)
    return goal


@pytest.mark.parametrize("cycles, points", [(1, 1), (12, 40)])
def test_closing_pages_query_counts_do_not_grow_with_the_goal(
    world, django_assert_max_num_queries, cycles, points
):
    open_goal = GoalFactory(priority__site=world.site_a)
    for _ in range(cycles):
        CycleFactory(goal=open_goal)
    closed = _closed_goal(world, cycles=cycles, points=points, title="Closed")
    client = Client()
    client.force_login(world.lead_a)
    pinned = {
        f"/pdsa/goals/{open_goal.pk}/close/": 7,
        f"/pdsa/goals/{closed.pk}/": 13,
        f"/pdsa/goals/{closed.pk}/reopen/": 6,
        f"/pdsa/sites/alpha/priorities/{closed.priority_id}/drop/": 8,
    }
    for url, most in pinned.items():
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200, url
