"""The site page is assembled from the sections apps register in their ``site_page.py``:
each section reads within its own query budget, the budgets add up to the page's, and a new
app's section appears without any change to ``sites``."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.backends import AccountBackend
from sites import registry, selectors
from sites.models import CoProduction, Site
from tests.sites.budgets import SERVED_SITE_PAGE_QUERIES, SITE_PAGE_QUERIES
from tests.templates import add_template

pytestmark = pytest.mark.django_db

# The page's own reads before any section: the signed-in user with their roles, the site with
# every section's counts, its consultants and its project group (the session is cached).
PAGE_OWN_QUERIES = 4


def page_for(site, user):
    site = (
        registry.annotate(selectors.sites_for_user(user))
        .prefetch_related("consultants")
        .get(pk=site.pk)
    )
    members = list(selectors.project_group(site))
    return registry.SitePage(
        site=site,
        user=user,
        today=timezone.localdate(),
        members=members,
        co_production=CoProduction.of_group(members),
    )


def test_every_section_reads_the_demos_busiest_site_within_its_budget(
    django_assert_max_num_queries,
):
    call_command("load_demo", stdout=io.StringIO())
    devon = Site.objects.get(name="Devon Partnership NHS Trust")
    # the signed-in user as each request reads it: with their roles (accounts.backends)
    lead = AccountBackend().get_user(devon.project_group.get(role="project_lead").person.user_id)
    page = page_for(devon, lead)
    titles = []
    for section in registry.sections():
        with django_assert_max_num_queries(section.queries):
            context = section.build(page)
        titles.append(section.title)
        assert context is not None, section.title
    assert titles[:3] == ["Self-assessment", "Priorities and goals", "Learning sets"]
    client = Client()
    client.force_login(lead)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(devon.get_absolute_url())
    assert response.status_code == 200
    assert len(queries) <= SITE_PAGE_QUERIES


def test_the_sections_budgets_and_the_pages_own_reads_fit_the_pages_budget():
    spent = PAGE_OWN_QUERIES + sum(section.queries for section in registry.sections())
    assert spent <= SITE_PAGE_QUERIES


def fill_site(world, goals: int) -> None:
    """Goals with cycles and indicators, colleges, teams, support, reviews and outcomes."""
    from tests.colleges.factories import check, college
    from tests.pdsa.factories import CycleFactory, DataPointFactory, GoalFactory, IndicatorFactory
    from tests.support.factories import (
        ProgrammeOutcomeFactory,
        ProgressReviewFactory,
        ReviewActionFactory,
        SupportLogEntryFactory,
        SupportPackageFactory,
    )
    from tests.teams.helpers import assess, team

    site = world.site_a
    first = site.recovery_colleges.count()
    if not first:
        SupportPackageFactory(site=site)
    for n in range(first, first + goals):
        goal = GoalFactory(priority__site=site, owner=world.site_a.project_group.first().person)
        CycleFactory(goal=goal)
        DataPointFactory(indicator=IndicatorFactory(goal=goal))
        check(college(site, name=f"College {n}"))
        assess(team(site, name=f"Team {n}"))
        SupportLogEntryFactory(site=site, given_by=world.consultant)
        ProgrammeOutcomeFactory(site=site, recorded_by=world.lead_a)
        ReviewActionFactory(review=ProgressReviewFactory(site=site, consultant=world.consultant))


def served(client) -> tuple[int, str]:
    """Queries and HTML of the site page viewed twice (the first keeps the progress score
    and the headline figures), the second as served."""
    assert client.get("/sites/alpha/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sites/alpha/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_site_page_as_served_reads_in_the_same_few_queries_however_much_data(world):
    """The issue-27 budget: at most 12 queries once the progress score and the headline
    figures are kept, with one goal (and college, team, review...) as with a dozen."""
    client = Client()
    client.force_login(world.lead_a)
    fill_site(world, 1)
    few, page = served(client)
    assert page.count('<a href="/pdsa/goals/') == 1
    fill_site(world, 11)
    many, page = served(client)
    assert page.count('<a href="/pdsa/goals/') == 12
    assert few == many <= SERVED_SITE_PAGE_QUERIES


@pytest.fixture
def new_apps_section(settings, tmp_path):
    """A section as a new app would add it: a template and a registered function."""
    add_template(
        settings,
        tmp_path,
        "newapp/_site_section.html",
        '<section aria-labelledby="newapp-heading"><h2 id="newapp-heading">Peer mentors</h2>'
        "<p>{{ mentors }} mentors at {{ site.name }}</p></section>",
    )
    before = list(registry._SECTIONS)
    registry.site_section(
        title="Peer mentors", order=85, template="newapp/_site_section.html", queries=0
    )(lambda page: {"mentors": len(page.members)})
    yield
    registry._SECTIONS[:] = before


def test_a_new_apps_section_shows_on_the_site_page_in_its_order(client, world, new_apps_section):
    client.force_login(world.lead_a)
    page = client.get(reverse("sites:site-detail", args=["alpha"])).content.decode()
    assert "Peer mentors" in page
    assert f"{world.site_a.project_group.count()} mentors at Alpha" in page
    assert (
        page.index("Support and reviews")
        < page.index("Peer mentors")
        < page.index("Progress report")
    )


def test_a_section_that_returns_none_is_left_out(client, world):
    """The archive of all the site's data is the lead's: a member's page has no link."""
    client.force_login(world.member_a)
    page = client.get(reverse("sites:site-detail", args=["alpha"])).content.decode()
    assert "Download all the data" not in page
    client.force_login(world.lead_a)
    page = client.get(reverse("sites:site-detail", args=["alpha"])).content.decode()
    assert "Download all the data" in page
