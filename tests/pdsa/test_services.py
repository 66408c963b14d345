import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from pdsa import demo, services
from pdsa.models import Cycle, DataPoint, Goal, Priority
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory, challenge

TODAY = datetime.date(2012, 6, 1)


def test_priorities_set_adds_and_removes_challenges(world):
    site = world.site_a
    services.priorities_set(site=site, challenges=[challenge(1), challenge(3)], agreed_on=TODAY)
    services.priorities_set(site=site, challenges=[challenge(3), challenge(6)], agreed_on=TODAY)
    numbers = sorted(p.challenge.number for p in Priority.objects.filter(site=site))
    assert numbers == [3, 6]


def test_a_priority_with_goals_cannot_be_dropped(world):
    goal = GoalFactory(priority__site=world.site_a)
    with pytest.raises(ValidationError):
        services.priorities_set(site=world.site_a, challenges=[challenge(2)], agreed_on=TODAY)
    assert Priority.objects.filter(pk=goal.priority_id).exists()


def test_goal_update_on_a_stale_version_raises_a_conflict_naming_the_change(world):
    goal = GoalFactory(priority__site=world.site_a, title="Recovery conversations")
    services.goal_update(goal=goal, version=1, by=world.lead_a, title="Recovery in reviews")
    stale = Goal.objects.get(pk=goal.pk)
    stale.version = 1
    with pytest.raises(services.Conflict) as caught:
        services.goal_update(goal=stale, version=1, by=world.member_a, title="Something else")
    assert caught.value.current.version == 2
    assert [(c.field, c.old, c.new) for c in caught.value.changes] == [
        ("Title", "Recovery conversations", "Recovery in reviews")
    ]
    assert caught.value.who == [world.lead_a.get_full_name()]
    assert Goal.objects.get(pk=goal.pk).title == "Recovery in reviews"


def test_goal_update_records_who_changed_it(world):
    goal = GoalFactory(priority__site=world.site_a)
    services.goal_update(goal=goal, version=1, by=world.lead_a, status=Goal.Status.STALLED)
    latest = goal.history.latest()
    assert latest.history_user == world.lead_a
    assert latest.status == Goal.Status.STALLED


def test_cycles_are_numbered_within_their_goal(world):
    goal = GoalFactory(priority__site=world.site_a)
    other = GoalFactory(priority__site=world.site_a)
    plan = {
        "objective": "o",
        "change_idea": "c",
        "prediction": "p",
        "starts_on": TODAY,
        "ends_on": TODAY,
    }
    first = services.cycle_plan(goal=goal, **plan)
    second = services.cycle_plan(goal=goal, adapted_from=first, **plan)
    elsewhere = services.cycle_plan(goal=other, **plan)
    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)
    assert second.adapted_from == first


def test_the_database_refuses_two_cycles_with_the_same_number(world):
    cycle = CycleFactory(goal__priority__site=world.site_a)
    with pytest.raises(IntegrityError):
        CycleFactory(goal=cycle.goal, number=cycle.number)


def test_a_stage_cannot_be_completed_before_the_one_before_it(world):
    cycle = CycleFactory(goal__priority__site=world.site_a)
    with pytest.raises(ValidationError):
        services.cycle_update(cycle=cycle, version=1, study_done=TODAY)
    assert Cycle.objects.get(pk=cycle.pk).study_done is None


def test_cycle_stage_and_overdue_follow_the_dates(world):
    cycle = CycleFactory(goal__priority__site=world.site_a, plan_done=datetime.date(2012, 1, 10))
    assert cycle.current_stage == "do"
    assert not cycle.is_overdue(datetime.date(2012, 3, 31))
    assert cycle.is_overdue(datetime.date(2012, 4, 1))
    assert [s.status for s in cycle.stages(datetime.date(2012, 4, 1))] == [
        "done",
        "overdue",
        "to do",
        "to do",
    ]


def test_data_import_is_all_or_nothing_when_a_date_already_has_a_value(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a)
    services.data_points_add(indicator=indicator, rows=[(TODAY, 1.0, "")])
    rows = [(TODAY - datetime.timedelta(days=7), 2.0, ""), (TODAY, 3.0, "")]
    with pytest.raises(IntegrityError):
        services.data_points_add(indicator=indicator, rows=rows)
    assert list(DataPoint.objects.values_list("value", flat=True)) == [1.0]


def test_demo_loads_work_for_three_sites_and_is_idempotent(db):
    from sites import demo as sites_demo

    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    counts = (Priority.objects.count(), Goal.objects.count(), Cycle.objects.count())
    assert demo.load(today=TODAY) == "improvement work for 0 sites"
    assert (Priority.objects.count(), Goal.objects.count(), Cycle.objects.count()) == counts
    devon = Goal.objects.filter(priority__site__name="Devon Partnership NHS Trust")
    assert {g.difficulty for g in devon} == {"easy", "hard"}
    assert Cycle.objects.filter(outcome="abandon").exclude(learning="").exists()
    assert all(20 <= i.data_points.count() <= 30 for g in devon for i in g.indicators.all())


def test_the_sql_twins_of_current_stage_and_overdue_agree_with_the_model(world):
    """The dashboard and the reminders count in SQL what ``Cycle`` decides in Python."""
    from pdsa.models import Stage, cycles_at_stage, cycles_with_current_stage_due

    today = datetime.date(2012, 6, 1)
    goal = GoalFactory(priority__site=world.site_a)
    before, after = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    for number, done in enumerate(range(5), start=1):
        for due in (before, after):
            fields = {}
            for i, stage in enumerate(Cycle.STAGES):
                fields[f"{stage}_due"] = due
                fields[f"{stage}_done"] = before if i < done else None
            if done == 4:
                fields |= {"outcome": "adopt", "learning": "It stuck."}
            CycleFactory(goal=goal, number=number * 2 + (due == after), **fields)
    cycles = list(Cycle.objects.all())
    assert len(cycles) == 10
    for stage in (*Cycle.STAGES, Stage.COMPLETE):
        in_sql = set(Cycle.objects.filter(cycles_at_stage(stage)).values_list("pk", flat=True))
        assert in_sql == {c.pk for c in cycles if c.current_stage == stage}, stage
    overdue = Cycle.objects.filter(cycles_with_current_stage_due(lt=today))
    expected = {c.pk for c in cycles if c.is_overdue(today)}
    assert set(overdue.values_list("pk", flat=True)) == expected
    assert overdue.count() == 4
