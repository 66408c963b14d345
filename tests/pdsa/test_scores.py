"""A site's progress score is kept per site in the shared cache under a version that every
service writing what the score reads replaces in its transaction: a write shows at once on
My sites, the site page and the progress page; a cache that cannot be reached computes it."""

import datetime

import pytest

from pdsa import scores, services
from sites.models import ProjectGroupMember
from sites.services import project_group_add
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory
from tests.sites.factories import SiteFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db
WEEK = datetime.timedelta(weeks=1)
START = datetime.date(2012, 1, 2)


@pytest.fixture
def work(world):
    """A site with no project group yet, one goal measured by an indicator with a target."""
    site = SiteFactory(name="Gamma Trust", slug="gamma")
    site.consultants.add(world.consultant)
    goal = GoalFactory(priority__site=site)
    indicator = IndicatorFactory(goal=goal, target=30)
    return site, goal, indicator


def agrees(world, site, expected: float) -> None:
    """My sites, the site page and the progress page show the score the rule gives now."""
    score = scores.site_progress(site)[0]  # computed now, as the reports and the API do
    assert score.score == expected
    consultant = client_for(world.consultant)
    rows = consultant.get("/dashboard/me/").context["rows"]
    assert next(row for row in rows if row.site == site).progress == score
    site_page = consultant.get(site.get_absolute_url()).content.decode()
    assert f"Progress score: {expected:.1f}, {score.label}." in site_page
    progress_page = consultant.get(f"/pdsa/sites/{site.slug}/progress/").content.decode()
    assert f'progress-score">{expected:.1f}: {score.label}</p>' in progress_page
    assert score.reached.reason in progress_page


def test_each_write_shows_at_once_on_every_page_that_shows_the_score(world, work):
    site, goal, indicator = work
    agrees(world, site, 0.5)  # stored now: the next views read the cache
    project_group_add(
        site=site,
        full_name="Pat Lead",
        email="pat@example.org",
        role=ProjectGroupMember.Role.PROJECT_LEAD,
        perspective="manager",
    )
    agrees(world, site, 1.5)  # the group formed; the goal measured with a target
    services.data_points_add(
        indicator=indicator, rows=[(START + n * WEEK, 10.0 + n, "") for n in range(6)]
    )
    agrees(world, site, 2.0)  # six values recorded: activity
    cycle = CycleFactory(goal=goal, starts_on=START, ends_on=START + 4 * WEEK)
    services.cycle_update(
        cycle=cycle,
        version=cycle.version,
        by=world.consultant,
        plan_done=START,
        do_done=START + 4 * WEEK,
        study_done=START + 5 * WEEK,
        act_done=START + 5 * WEEK,
        outcome="abandon",
        results="No change.",
        learning="Try cards instead.",
    )
    agrees(world, site, 2.5)  # a change tested to the act stage
    services.goal_close(goal=goal, outcome="abandoned", note="Stopped.", by=world.consultant)
    services.goal_create(
        priority=goal.priority,
        title="A goal begun again",
        description="Again.",
        difficulty="easy",
        start_date=START,
        target_date=START + 50 * WEEK,
    )
    agrees(world, site, 1.0)  # the open goal counts: no indicator yet


class Unreachable:
    """What ``imroc.cache.ResilientRedisCache`` answers with Redis down."""

    def get(self, key, default=None):
        return default

    def get_many(self, keys):
        return {}

    def set(self, *args, **kwargs):
        return None

    def set_many(self, *args, **kwargs):
        return []


def test_an_unreachable_cache_computes_the_score_each_time(world, work, monkeypatch):
    monkeypatch.setattr(scores, "cache", Unreachable())
    site, _, indicator = work
    agrees(world, site, 0.5)
    services.data_points_add(
        indicator=indicator, rows=[(START + n * WEEK, 10.0, "") for n in range(6)]
    )
    agrees(world, site, 0.5)  # activity, but no group yet: the lower steps first
    project_group_add(
        site=site,
        full_name="Pat Lead",
        email="pat@example.org",
        role=ProjectGroupMember.Role.PROJECT_LEAD,
        perspective="manager",
    )
    agrees(world, site, 2.0)


def test_a_second_view_of_the_progress_page_reads_the_cache(
    world, work, django_assert_max_num_queries
):
    site, _, _ = work
    lead = client_for(world.consultant)
    first = lead.get(f"/pdsa/sites/{site.slug}/progress/").content.decode()
    with django_assert_max_num_queries(3):  # the user, the site, the stored history
        again = lead.get(f"/pdsa/sites/{site.slug}/progress/").content.decode()
    goals = again[again.index("Each goal") : again.index("History")]
    assert goals in first and "Goal " in goals
    assert '<h2 class="nhsuk-heading-m">Each goal</h2>' in again  # drawn HTML, not escaped


def test_a_goal_closed_in_the_admin_shows_in_the_score_at_once(world, work, client):
    from tests.dashboard.test_admin_edits import change_form_data

    site, goal, _ = work
    project_group_add(
        site=site,
        full_name="Pat Lead",
        email="pat@example.org",
        role=ProjectGroupMember.Role.PROJECT_LEAD,
        perspective="manager",
    )
    agrees(world, site, 1.5)  # stored
    GoalFactory(priority=goal.priority)  # another goal, with nothing yet
    client.force_login(world.admin)
    url = f"/admin/pdsa/goal/{goal.pk}/change/"
    data = change_form_data(client.get(url)) | {"status": "abandoned", "closing_note": "Gone."}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    agrees(world, site, 1.0)  # the open goal alone counts: no indicator yet
