"""Co-production and peer support across the programme: the site page's summary, the
programme page and the dashboard's two sections, each at a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from learning_sets.models import Delegate
from pdsa.models import CycleTeamMember
from peer_support import checklist
from peer_support.models import ChecklistEntry, PeerPost
from sites.models import Person, ProjectGroupMember
from tests.challenges.factories import assess
from tests.dashboard.programme import IN_PERIOD, PERIOD
from tests.dashboard.test_queries import FIGURES_BUDGET, PAGE_BUDGET
from tests.learning_sets.factories import workshop_for
from tests.pdsa.factories import CycleFactory, GoalFactory, PriorityFactory
from tests.sites.budgets import SITE_PAGE_QUERIES
from tests.sites.factories import PersonFactory, SiteFactory
from tests.support.factories import TrainingDeliveryFactory
from tests.teams.helpers import assess as team_assessment
from tests.teams.helpers import team

PROGRAMME_PAGE_QUERIES = 6  # user, the headline (2), by kind, the sites' count and page


def attendees(workshop, site, perspectives):
    Delegate.objects.bulk_create(
        Delegate(
            workshop=workshop,
            site=site,
            full_name=f"Delegate {site.pk}-{n}",
            email="",  # delegates without email count like everyone else
            perspective=perspective,
            attended=True,
            token=f"t-{workshop.pk}-{site.pk}-{n}",
        )
        for n, perspective in enumerate(perspectives)
    )


def gathered(world):
    """Site A: a group of 2 + a carer, an assessment, a team's TRIP assessment, a cycle team,
    a workshop, a course."""
    ProjectGroupMember.objects.create(
        site=world.site_a, person=PersonFactory(email=""), perspective="carer"
    )
    assess(
        world.site_a,
        [1] * 10,
        on=IN_PERIOD,
        people=[(PersonFactory(), "service_user"), (PersonFactory(), "staff_lived")],
    )
    team_assessment(
        team(world.site_a),
        on=IN_PERIOD,
        perspectives=("clinician", "manager", "service_user", "carer", "staff_lived"),
    )
    cycle = CycleFactory(goal=GoalFactory(priority=PriorityFactory(site=world.site_a)))
    for perspective in ("carer", "clinician", "clinician", "staff_lived"):
        CycleTeamMember.objects.create(cycle=cycle, person=PersonFactory(), perspective=perspective)
    workshop = workshop_for([world.site_a, world.site_b], date=IN_PERIOD)
    attendees(workshop, world.site_a, ["service_user"] + ["nhs_professional"] * 6)
    attendees(workshop, world.site_b, ["carer", "staff_lived", "nhs_professional"])
    TrainingDeliveryFactory(
        site=world.site_a, date=IN_PERIOD, staff_attending=12, service_users_attending=4
    )
    return cycle


def test_site_page_sums_up_co_production_by_kind_of_gathering(client, world):
    gathered(world)
    client.force_login(world.lead_a)
    response = client.get(reverse("sites:site-detail", args=["alpha"]))
    rows = {g.kind: g for g in response.context["site_co_production"]}
    assert rows["group"].index.summary == (
        "1 of 3 (33%) service users or carers; 0 staff members with lived experience"
    )
    assert rows["assessment"].index.summary == (
        "1 of 2 (50%) service users or carers; 1 staff member with lived experience"
    )
    assert rows["team"].index.summary == (
        "2 of 5 (40%) service users or carers; 1 staff member with lived experience"
    )
    assert rows["cycle"].index.summary == (
        "1 of 4 (25%) service users or carers; 1 staff member with lived experience"
    )
    assert rows["workshop"].count == 1
    assert rows["workshop"].index.short == "1 of 7 (14%)"
    assert rows["training"].index.summary == "4 of 16 (25%) service users or carers"
    page = response.content.decode()
    assert "PDSA cycle teams" in page
    assert "4 of 16 (25%) service users or carers" in page


def test_programme_page_gives_the_seeds_figure_from_the_workshops_held(client, world):
    gathered(world)
    client.force_login(world.consultant)
    response = client.get(reverse("coproduction:programme"))
    page = response.content.decode()
    assert (
        "1 workshop held so far: 2 of 10 attendees (20%) were service users and/or carers." in page
    )
    by_site = dict(response.context["rows"])
    assert [g.index.short if g else "–" for g in by_site[world.site_b]] == [
        "0 of 1 (0%)",
        "–",
        "–",
        "–",
        "1 of 3 (33%)",
        "–",
    ]


def test_a_lead_sees_only_their_own_sites_on_the_programme_page(client, world):
    gathered(world)
    client.force_login(world.lead_b)
    response = client.get(reverse("coproduction:programme"))
    assert [site for site, _ in response.context["rows"]] == [world.site_b]
    assert "Alpha Partnership" not in response.content.decode()


def test_dashboard_shows_co_production_by_kind_and_peer_support_stages(client, world):
    gathered(world)
    for item in checklist.ITEMS:
        if item.stage == "preparation":
            ChecklistEntry.objects.create(site=world.site_a, item=item.key, done_on=IN_PERIOD)
    ChecklistEntry.objects.create(site=world.site_b, item="terms", done_on=IN_PERIOD)
    PeerPost.objects.create(site=world.site_a, team="Ward 3", head_count=3, wte=Decimal("2.5"))
    PeerPost.objects.create(site=world.site_b, team="Crisis", head_count=1, wte=Decimal("0.6"))
    SiteFactory(name="Gamma Care", slug="gamma", category="network")
    client.force_login(world.consultant)
    response = client.get(reverse("dashboard:overview"), PERIOD)
    tables = response.context["tables"]
    figures = {row[0].text: [cell.text for cell in row[1:]] for row in tables["coproduction"].rows}
    assert figures["Learning-set workshops (attended)"] == [1, 10, 2, "20%", 1]
    assert figures["Training courses"] == [1, 16, 4, "25%", "not recorded"]
    peer = {row[0].text: row[1].text for row in tables["peer_support"].rows}
    assert peer["Sites not started"] == 1
    assert peer["Sites working on preparation"] == 1
    assert peer["Sites working on recruitment"] == 1
    assert peer["Peer support workers (head count)"] == 4
    assert peer["Peer support workers (WTE)"] == Decimal("3.1")
    assert peer["Teams with peer support worker posts"] == 2
    outcomes = {row[0].text: row[1].text for row in tables["outcomes"].rows}
    assert outcomes["Staff attending training"] == 12
    assert outcomes["Service users attending training"] == 4
    page = response.content.decode()
    assert "Workshops: 2 of 10 attendees were service users or carers." in page
    assert 'href="/peer-support/"' in page


def test_dashboard_counts_a_checklist_item_done_after_the_period_as_not_done(client, world):
    ChecklistEntry.objects.create(
        site=world.site_a, item="terms", done_on=datetime.date(2013, 1, 1)
    )
    client.force_login(world.consultant)
    response = client.get(reverse("dashboard:overview"), PERIOD)
    peer = {row[0].text: row[1].text for row in response.context["tables"]["peer_support"].rows}
    assert peer["Sites not started"] == 2


def many_sites(n, world):
    """``n`` sites each with a group, an assessment, a cycle team, attendees, a course and a
    peer-support programme under way."""
    workshop = workshop_for([world.site_a], date=IN_PERIOD)
    sites = [SiteFactory() for _ in range(n)]
    world.consultant.consulted_sites.add(*sites)
    for site in sites:
        ProjectGroupMember.objects.create(
            site=site, person=Person.objects.create(full_name="C"), perspective="carer"
        )
        cycle = CycleFactory(goal=GoalFactory(priority=PriorityFactory(site=site)))
        CycleTeamMember.objects.create(
            cycle=cycle, person=Person.objects.create(full_name="S"), perspective="service_user"
        )
        attendees(workshop, site, ["carer", "nhs_professional"])
        TrainingDeliveryFactory(site=site, date=IN_PERIOD)
        ChecklistEntry.objects.create(site=site, item="terms", done_on=IN_PERIOD)
        PeerPost.objects.create(site=site, team="Ward", head_count=2, wte=Decimal("1.5"))
    return sites


@pytest.mark.parametrize("n", [4, 12])
def test_pages_answer_in_constant_queries(client, world, django_assert_max_num_queries, n):
    sites = many_sites(n, world)
    client.force_login(world.consultant)
    with django_assert_max_num_queries(FIGURES_BUDGET):  # the first view computes the figures
        response = client.get(reverse("dashboard:overview"), PERIOD)
    peer = {row[0].text: row[1].text for row in response.context["tables"]["peer_support"].rows}
    assert peer["Sites working on preparation"] == n
    client.get(reverse("coproduction:programme"))  # SQLite asks once whether it has JSON
    with django_assert_max_num_queries(PROGRAMME_PAGE_QUERIES):
        response = client.get(reverse("coproduction:programme"))
    assert len(response.context["rows"]) == n + 2
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        client.get(sites[0].get_absolute_url())
    for table in ("coproduction", "peer_support"):
        with django_assert_max_num_queries(PAGE_BUDGET):
            response = client.get(reverse("dashboard:table-csv", args=[table]), PERIOD)
        assert response.status_code == 200
