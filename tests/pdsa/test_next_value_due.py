"""When an indicator's next value is due is decided in SQL (so the home page reads only the
few it shows); it must say what the rule in Python said, on SQLite and PostgreSQL alike."""

import datetime
import itertools
import random

import pytest
import time_machine

from accounts.home import home_page
from accounts.registry import Item, More
from pdsa.home import LIMIT, indicators_waiting
from pdsa.models import DataPoint, Goal, Indicator
from tests.notifications.scanning import due
from tests.pdsa.factories import GoalFactory, IndicatorFactory, PriorityFactory

D = datetime.date
TODAY = D(2012, 6, 4)
INTERVALS = [1, 6, 7, 14, 28, 29, 30, 31, 60, 91, 365, 366, 32767]


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2012, 6, 4, 9, 0), tick=False):
        yield


def due_in_python(indicator: Indicator) -> datetime.date:
    """The rule as the home page first wrote it: a value every ``data_interval_days``
    after the latest, after the goal's start while there is none."""
    dates = [point.date for point in indicator.data_points.all()]
    since = max(dates) if dates else indicator.goal.start_date
    return since + datetime.timedelta(days=indicator.data_interval_days)


def varied_indicators(site, n=120, seed=27):
    """Goals started on month ends, a leap day and far back; no values, one, several (out of
    order), dates after today (forecasts); every interval from a day to the largest."""
    rng = random.Random(seed)
    starts = [D(2011, 1, 31), D(2012, 2, 29), D(2012, 5, 31), D(2012, 6, 4), D(1990, 1, 1)]
    statuses = [*Goal.OPEN, Goal.Status.ACHIEVED, Goal.Status.ABANDONED]
    priority = PriorityFactory(site=site)
    goals = [
        GoalFactory(
            priority=priority,
            start_date=start,
            target_date=D(2013, 12, 31),
            status=status,
            closed_on=TODAY if status in Goal.CLOSED else None,
        )
        for start, status in zip(starts, itertools.cycle(statuses), strict=False)
    ]
    indicators = []
    for number in range(n):
        indicator = IndicatorFactory(
            goal=goals[number % len(goals)],
            data_interval_days=INTERVALS[number % len(INTERVALS)],
            expects_forecasts=True,
        )
        days = rng.sample(range(-400, 40), k=rng.choice([0, 0, 1, 3, 8]))
        DataPoint.objects.bulk_create(
            DataPoint(indicator=indicator, date=TODAY + datetime.timedelta(days=d), value=1.0)
            for d in days
        )
        indicators.append(indicator)
    return indicators


def test_sql_says_when_the_next_value_is_due_as_the_python_rule_did(world):
    varied_indicators(world.site_a)
    in_sql = dict(Indicator.objects.with_next_value_due().values_list("pk", "next_value_due"))
    in_python = {
        indicator.pk: due_in_python(indicator)
        for indicator in Indicator.objects.select_related("goal").prefetch_related("data_points")
    }
    assert len(in_python) == 120
    assert in_sql == in_python
    # the data covers every case: no values yet, late, due soon, not yet due
    assert Indicator.objects.filter(data_points__isnull=True).exists()
    assert {due < TODAY for due in in_python.values()} == {True, False}
    assert any(TODAY <= due <= TODAY + datetime.timedelta(days=14) for due in in_python.values())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_home_page_shows_the_most_pressing_of_the_indicators_the_python_rule_chose(world, seed):
    varied_indicators(world.site_a, seed=seed)
    varied_indicators(world.site_b, n=20, seed=seed)  # another site's: never shown
    world.site_b.is_active = False  # and an archived site's
    world.site_b.archived_on = TODAY
    world.site_b.save()
    soon = TODAY + datetime.timedelta(days=14)
    waiting = sorted(
        (due_in_python(indicator), indicator.pk, indicator)
        for indicator in Indicator.objects.filter(
            goal__priority__site=world.site_a, goal__status__in=Goal.OPEN
        )
        if due_in_python(indicator) <= soon
    )
    assert len(waiting) > LIMIT
    expected = [
        (f"Indicator: {indicator.name}", f"/pdsa/indicators/{pk}/data/add/", due, due < TODAY)
        for due, pk, indicator in waiting[:LIMIT]
    ]
    for user in (world.lead_a, world.lead_b):
        found = indicators_waiting(home_page(user, TODAY))
        shown = [(i.title, i.url, i.due, i.overdue) for i in found if isinstance(i, Item)]
        assert shown == (expected if user == world.lead_a else [])
    # the ones left out are counted, so the ten are not taken for all
    found = indicators_waiting(home_page(world.lead_a, TODAY))
    assert [i.count for i in found if isinstance(i, More)] == [len(waiting) - LIMIT]


def test_an_indicator_due_on_the_last_day_of_the_fortnight_is_shown_and_the_next_day_not(world):
    goal = GoalFactory(priority=PriorityFactory(site=world.site_a), start_date=D(2012, 1, 2))
    on_the_day = IndicatorFactory(goal=goal, name="Due in 14 days", data_interval_days=30)
    DataPoint.objects.create(indicator=on_the_day, date=D(2012, 5, 19), value=1)  # due 18 June
    a_day_later = IndicatorFactory(goal=goal, name="Due in 15 days", data_interval_days=30)
    DataPoint.objects.create(indicator=a_day_later, date=D(2012, 5, 20), value=1)
    today = IndicatorFactory(goal=goal, name="Due today", data_interval_days=7)
    DataPoint.objects.create(indicator=today, date=D(2012, 5, 28), value=1)
    items = {item.title: item for item in indicators_waiting(home_page(world.lead_a, TODAY))}
    assert set(items) == {"Indicator: Due in 14 days", "Indicator: Due today"}
    assert items["Indicator: Due in 14 days"].due == D(2012, 6, 18)
    assert (items["Indicator: Due today"].due, items["Indicator: Due today"].overdue) == (
        TODAY,
        False,
    )


@pytest.mark.parametrize("day", [D(2012, 6, 4), D(2012, 6, 7), D(2012, 7, 1)])
def test_the_reminder_finds_the_late_indicators_the_python_rule_did(world, day):
    """Late (next value due before ``day``) on an open goal started before it, at an active
    site; the key keeps the date counted from, so a new value makes a new reminder."""
    varied_indicators(world.site_a)
    expected = set()
    for indicator in Indicator.objects.filter(goal__status__in=Goal.OPEN):
        dates = [point.date for point in indicator.data_points.all()]
        since = max(dates) if dates else indicator.goal.start_date
        if due_in_python(indicator) < day and indicator.goal.start_date < day:
            expected.add(f"indicator:{indicator.pk}:after:{since:%Y-%m-%d}")
    found = {reminder.key for reminder in due("indicator_data_due", day)}
    assert expected and found == expected
