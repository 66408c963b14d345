import datetime

import pytest

from notifications.models import Notification, Reminder
from pdsa.models import Goal
from tests.notifications.scanning import due, emails_of, opt_out, recipients, scan
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    completed,
)
from tests.sites.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
PLAN_DUE = datetime.date(2012, 1, 15)  # CycleFactory's plan stage


@pytest.fixture
def goal(world):
    owner = PersonFactory(user=UserFactory(username="owner"))
    return GoalFactory(priority=PriorityFactory(site=world.site_a), owner=owner)


def test_a_stage_due_in_seven_days_reminds_the_lead_and_the_goal_owner(goal):
    cycle = CycleFactory(goal=goal)
    found = due("cycle_stage_due", PLAN_DUE - 7 * DAY)
    assert recipients(found) == {"lead_a", "owner"}
    assert found[0].subject == (
        f"{goal.title}: the Plan stage of cycle {cycle.number} is due on 15 January"
    )
    assert due("cycle_stage_due", PLAN_DUE - 8 * DAY) == []


def test_the_reminder_follows_the_current_stage(goal):
    CycleFactory(goal=goal, plan_done=datetime.date(2012, 1, 10))
    assert due("cycle_stage_due", PLAN_DUE - 7 * DAY) == []
    [stage_due, _] = due("cycle_stage_due", datetime.date(2012, 3, 24))
    assert "the Do stage" in stage_due.subject


def test_an_owner_without_an_account_is_not_reminded(world):
    goal = GoalFactory(priority=PriorityFactory(site=world.site_a), owner=PersonFactory())
    CycleFactory(goal=goal)
    assert recipients(due("cycle_stage_due", PLAN_DUE)) == {"lead_a"}


def test_an_overdue_stage_reminds_once_and_a_completed_cycle_never(goal):
    CycleFactory(goal=goal)
    completed(goal=goal)
    assert due("cycle_stage_overdue", PLAN_DUE) == []
    assert recipients(due("cycle_stage_overdue", PLAN_DUE + DAY)) == {"lead_a", "owner"}


def test_cycles_of_an_abandoned_goal_are_not_chased(goal):
    CycleFactory(goal=goal)
    Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.ABANDONED)
    assert due("cycle_stage_overdue", PLAN_DUE + DAY) == []


def test_scanning_twice_sends_the_overdue_stage_once(django_capture_on_commit_callbacks, goal):
    CycleFactory(goal=goal)
    scan(django_capture_on_commit_callbacks, PLAN_DUE + DAY)
    scan(django_capture_on_commit_callbacks, PLAN_DUE + 2 * DAY)
    emails = emails_of("cycle_stage_overdue")
    assert sorted(m.to[0] for m in emails) == ["lead_a@example.org", "owner@example.org"]
    assert "/pdsa/cycles/" in emails[0].body
    assert "Open the cycle" in emails[0].alternatives[0][0]


def test_a_lead_who_opted_out_gets_the_notification_but_no_email(
    django_capture_on_commit_callbacks, goal, world
):
    CycleFactory(goal=goal)
    opt_out(world.lead_a, "cycle_stage_overdue")
    scan(django_capture_on_commit_callbacks, PLAN_DUE + DAY)
    assert [m.to for m in emails_of("cycle_stage_overdue")] == [["owner@example.org"]]
    assert Notification.objects.filter(user=world.lead_a, kind="cycle_stage_overdue").exists()


def test_an_indicator_without_data_for_its_interval_reminds_the_lead(goal):
    indicator = IndicatorFactory(goal=goal, data_interval_days=30)
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 3, 1))
    assert due("indicator_data_due", datetime.date(2012, 3, 31)) == []
    [found] = due("indicator_data_due", datetime.date(2012, 4, 1))
    assert found.recipient.username == "lead_a"
    assert found.subject == f"{indicator.name}: a new data point is due"
    assert found.url == indicator.get_absolute_url()


def test_a_new_data_point_makes_a_new_reminder_later(django_capture_on_commit_callbacks, goal):
    indicator = IndicatorFactory(goal=goal, data_interval_days=30)
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 3, 1))
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 4, 2))
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 4, 3))
    DataPointFactory(indicator=indicator, date=datetime.date(2012, 4, 5))
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 4, 20))
    scan(django_capture_on_commit_callbacks, datetime.date(2012, 5, 6))
    assert len(emails_of("indicator_data_due")) == 2


def test_a_goal_target_in_fourteen_days_reminds_lead_and_owner(goal):
    assert recipients(due("goal_target_soon", goal.target_date - 14 * DAY)) == {"lead_a", "owner"}
    assert due("goal_target_soon", goal.target_date - 15 * DAY) == []
    Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.ACHIEVED)
    assert due("goal_target_soon", goal.target_date - 14 * DAY) == []


def test_each_kind_reads_in_a_fixed_number_of_queries(django_assert_max_num_queries, world):
    for site in (world.site_a, world.site_b):
        for _ in range(3):
            goal = GoalFactory(priority=PriorityFactory(site=site), owner=PersonFactory())
            CycleFactory(goal=goal)
            IndicatorFactory(goal=goal)
    for kind in ("cycle_stage_due", "cycle_stage_overdue", "indicator_data_due"):
        with django_assert_max_num_queries(2):
            assert due(kind, PLAN_DUE + (DAY if "overdue" in kind or "data" in kind else 0 * DAY))
    with django_assert_max_num_queries(2):
        assert due("goal_target_soon", datetime.date(2012, 12, 20))
    assert Reminder.objects.count() == 0
