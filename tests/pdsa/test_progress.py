"""The progress score nobody types: each step of the IHI 0.5-5 scale met from the data,
worked through one goal from a formed group to a target met with assurance."""

import datetime

import pytest
from django.core.cache import cache

from pdsa import scores, services
from pdsa.models import DataPoint, ProgressSnapshot
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory, completed
from tests.sites.factories import SiteFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)
WEEKS_4 = datetime.timedelta(weeks=4)


def score(site):
    cache.clear()  # these tests write data behind the services, which keep stored charts current
    site_score, goals = scores.site_progress(site)
    return site_score.score, [g.score for _, g in goals]


def add_weekly(indicator, values, first_week=0):
    DataPoint.objects.bulk_create(
        DataPoint(
            indicator=indicator, date=START + datetime.timedelta(weeks=first_week + w), value=v
        )
        for w, v in enumerate(values)
    )


def test_the_score_climbs_step_by_step_as_the_work_is_recorded(world):
    site = world.site_a  # its project group (lead and member) is formed
    assert score(site) == (1.0, [])
    goal = GoalFactory(priority__site=site)
    assert score(site) == (1.0, [1.0])  # no indicator yet: planning not begun
    indicator = IndicatorFactory(goal=goal, better="up")
    assert score(site) == (1.0, [1.0])  # an indicator, but no target
    services.indicator_update(indicator=indicator, target=30)
    assert score(site) == (1.5, [1.5])
    CycleFactory(goal=goal, starts_on=START, ends_on=START + WEEKS_4)
    assert score(site) == (2.0, [2.0])
    add_weekly(indicator, [10, 12] * 6)  # 12 weeks round 11: limits 5.68 to 16.32
    completed(goal=goal, outcome="abandon", starts_on=START, ends_on=START + WEEKS_4)
    assert score(site) == (2.5, [2.5])
    adopted_on = START + datetime.timedelta(weeks=12)
    completed(goal=goal, outcome="adopt", starts_on=START, ends_on=adopted_on, act_done=adopted_on)
    assert score(site) == (2.5, [2.5])  # nothing after the change yet
    add_weekly(indicator, [20, 22] * 3, first_week=12)  # outside the limits before the change
    assert score(site) == (3.5, [3.5])  # and (21 - 11) / (30 - 11) = 53 % of the way
    add_weekly(indicator, [20, 22] * 3, first_week=18)  # 12 after points, no concern
    assert score(site) == (4.0, [4.0])
    services.indicator_update(indicator=indicator, target=21)  # met, but hit and miss
    assert score(site) == (4.5, [4.5])
    services.indicator_update(indicator=indicator, target=15)  # below the after limits
    site_score, goals = scores.site_progress(site)
    assert site_score.score == 5.0
    assert goals[0][1].steps[-1].reason.startswith("Every indicator meets its target consistently")


def test_a_step_not_met_holds_the_score_below_it_and_says_what_would_meet_it(world):
    site = SiteFactory(slug="new")  # no project group yet
    goal = GoalFactory(priority__site=site)
    IndicatorFactory(goal=goal)
    _, goals = scores.site_progress(site)
    progress = goals[0][1]
    assert progress.score == 0.5
    assert progress.next_step.reason == "Add the project group's members to the site."


def test_scores_are_stored_when_they_move_and_the_page_shows_the_history(world):
    site = world.site_a
    day1, day2, day3 = (datetime.date(2026, 11, d) for d in (1, 2, 3))
    assert services.progress_record(site=site, today=day1) == 1  # the site, no goals
    assert services.progress_record(site=site, today=day2) == 0  # nothing moved
    goal = GoalFactory(priority__site=site, title="Peer workers")
    IndicatorFactory(goal=goal, target=20)
    assert services.progress_record(site=site, today=day3) == 2
    history = list(ProgressSnapshot.objects.filter(goal=None).values_list("recorded_on", "score"))
    assert [(d, float(s)) for d, s in history] == [(day1, 1.0), (day3, 1.5)]
    page = client_for(world.consultant).get("/pdsa/sites/alpha/progress/").content.decode()
    assert "1.5: Planning for the project has begun" in page
    assert "1 of 1 open goals reach it (“Peer workers”)." in page
    assert "3 Nov 2026" in page and "1 Nov 2026" in page
    goal_page = client_for(world.lead_a).get(f"/pdsa/goals/{goal.pk}/").content.decode()
    assert "Progress score: 1.5, Planning for the project has begun" in goal_page
    assert "Next: Start a PDSA cycle, or record 6 values of an indicator." in goal_page


def test_the_daily_task_records_every_active_site(world):
    from pdsa.tasks import record_progress

    assert record_progress() >= 2  # site A and site B
    assert ProgressSnapshot.objects.filter(goal=None).count() >= 2


def test_a_score_stored_under_the_earlier_rule_is_marked_and_restated(world):
    site = world.site_a
    ProgressSnapshot.objects.create(
        site=site, recorded_on=datetime.date(2026, 11, 1), score=1.0, rule=1
    )
    # The same score under the new rule is stored again, so the history says which rule.
    assert services.progress_record(site=site, today=datetime.date(2026, 11, 2)) == 1
    page = client_for(world.consultant).get("/pdsa/sites/alpha/progress/").content.decode()
    assert page.count("Earlier rule") == 2  # the tag on the old row and the note under it
