"""Page query counts stay the same with one goal, cycle and value as with a realistic site
(10 goals x 8 cycles x 50 data points)."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pdsa import services
from pdsa.models import Comment, Cycle, DataPoint, Indicator, Priority
from tests.pdsa.factories import challenge
from tests.sites.budgets import SITE_PAGE_QUERIES

START = datetime.date(2011, 1, 3)
DONE = datetime.date(2012, 1, 1)


def build_work(site, user, *, goals: int, cycles: int, points: int):
    priorities = [
        Priority.objects.create(site=site, challenge=challenge(n), agreed_on=START)
        for n in (1, 3, 6)
    ]
    first = None
    for g in range(goals):
        goal = services.goal_create(
            priority=priorities[g % 3],
            title=f"Goal {g}",
            difficulty="easy" if g % 2 else "hard",
            start_date=START,
            target_date=DONE,
            status="in_progress",
            by=user,
        )
        services.goal_update(goal=goal, version=1, by=user, status="stalled")
        indicator = services.indicator_create(goal=goal, name=f"Measure {g}", better="up", by=user)
        DataPoint.objects.bulk_create(
            DataPoint(
                indicator=indicator,
                date=START + datetime.timedelta(days=7 * i),
                value=10 + (i % 7) + (5 if i > points / 2 else 0),
            )
            for i in range(points)
        )
        for c in range(cycles):
            complete = c % 2 == 0
            cycle = Cycle.objects.create(
                goal=goal,
                number=c + 1,
                objective="o",
                change_idea="c",
                prediction="p",
                starts_on=START,
                ends_on=DONE,
                plan_done=START,
                do_done=DONE if complete else None,
                study_done=DONE if complete else None,
                act_done=DONE if complete else None,
                outcome=["adopt", "adapt", "abandon"][c % 3] if complete else "",
                learning="l",
            )
            cycle.watched_indicators.add(indicator)
            Comment.objects.create(author=user, text="Well done", cycle=cycle)
        Comment.objects.create(author=user, text="Keep going", goal=goal)
        first = first or goal
    return first


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def pages(goal):
    indicator = Indicator.objects.filter(goal=goal).first()
    cycle = Cycle.objects.filter(goal=goal).order_by("number").first()
    return {
        "site": f"/sites/{goal.priority.site.slug}/",
        "goal": f"/pdsa/goals/{goal.pk}/",
        "indicator": f"/pdsa/indicators/{indicator.pk}/",
        "cycle": f"/pdsa/cycles/{cycle.pk}/",
        "library": "/pdsa/library/",
        "timeline": f"/pdsa/sites/{goal.priority.site.slug}/timeline/",
        "home": "/",
    }


# Pinned: the most queries each page may make, whatever the amount of data.
PINNED = {
    "site": SITE_PAGE_QUERIES,
    "goal": 13,  # its indicators with chart results (points, phases, cycles), its score
    "indicator": 9,  # with its phases and the cycles drawn on its charts
    "cycle": 9,
    "library": 7,
    # The count and the page's 50 events, then a query for each kind of object on the page
    # (assessments, goals, priorities, cycles): a page of fewer kinds makes fewer.
    "timeline": 9,
    "home": 15,  # the whole work page, pinned for every role in tests/accounts/test_home.py
}


@pytest.mark.parametrize("size", ["one", "many"])
def test_page_query_counts_do_not_grow_with_data(world, django_assert_max_num_queries, size):
    goals, cycles, points = (1, 1, 1) if size == "one" else (10, 8, 50)
    goal = build_work(world.site_a, world.lead_a, goals=goals, cycles=cycles, points=points)
    client = Client()
    client.force_login(world.lead_a)
    for name, url in pages(goal).items():
        with django_assert_max_num_queries(PINNED[name]):
            client.get(url)


def test_the_counts_are_equal_with_one_and_with_many(world):
    from tests.sites.factories import SiteFactory, join

    small = build_work(world.site_a, world.lead_a, goals=1, cycles=1, points=1)
    big_site = SiteFactory(slug="big")
    join(big_site, world.lead_a, "project_lead")
    big = build_work(big_site, world.lead_a, goals=10, cycles=8, points=50)
    client = Client()
    client.force_login(world.lead_a)
    few = {name: count(client, url) for name, url in pages(small).items()}
    lots = {name: count(client, url) for name, url in pages(big).items()}
    # The timeline's page of the big site holds only cycles (fewer kinds, fewer queries).
    assert lots.pop("timeline") <= few.pop("timeline") <= PINNED["timeline"]
    assert few == lots
