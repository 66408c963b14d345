import datetime

import pytest

from sites import demo as sites_demo
from teams import demo
from teams.models import Team, TeamAction

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 1)


def test_the_demo_shows_two_teams_that_moved_with_plans_in_every_state(world, client):
    from teams.selectors import site_teams

    sites_demo.load(today=TODAY)
    assert demo.load(today=TODAY) == "2 team recovery plans"
    assert demo.load(today=TODAY) == "no team recovery plans added"
    site = Team.objects.first().site
    summary = site_teams(site, today=TODAY)
    assert [row.team.assessment_count for row in summary.rows] == [2, 2]
    assert summary.moved == 2
    statuses = set(TeamAction.objects.values_list("status", flat=True))
    assert statuses == {"done", "under_way", "not_started"}
    assert summary.overdue_actions == 2 and summary.reviews_overdue == 1
    assert all(
        a.co_production.is_co_produced for t in Team.objects.all() for a in t.assessments.all()
    )
