"""A site that leaves the programme is archived by the administrator: read-only for everyone,
out of the active lists, dashboards and reminders, still counted in the programme's history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.utils import timezone

from pdsa.reminders import goal_target_soon
from sites import services
from sites.models import Site
from sites.selectors import sites_in_programme_during
from tests.pdsa.factories import GoalFactory
from tests.sites.budgets import SITE_PAGE_QUERIES
from tests.sites.factories import SiteFactory
from tests.test_permission_walk import EMPTY_SLUG, all_cases

pytestmark = pytest.mark.django_db

LEFT = datetime.date(2012, 9, 30)


def archive(site):
    return services.site_archive(site=site, archived_on=LEFT, reason="The trust merged.")


def test_the_administrator_archives_a_site_with_its_date_and_reason(client, world):
    client.force_login(world.admin)
    assert "Archive the site" in client.get("/sites/alpha/").content.decode()
    response = client.post(
        "/sites/alpha/archive/", {"archived_on": "2012-09-30", "reason": "The trust merged."}
    )
    assert response.status_code == 302
    site = Site.objects.get(slug="alpha")
    assert (site.is_active, site.archived_on, site.archive_reason) == (
        False,
        LEFT,
        "The trust merged.",
    )
    page = client.get("/sites/alpha/").content.decode()
    assert "Archived: left the programme on 30 September 2012" in page
    assert "The trust merged." in page
    assert "Bring the site back into the programme" in page
    assert "Edit site details" not in page


def test_the_archive_form_wants_a_reason_and_a_date_since_the_site_joined(client, world):
    client.force_login(world.admin)
    page = client.post("/sites/alpha/archive/", {"archived_on": "2010-01-01"}).content.decode()
    assert "Enter why the site left the programme" in page
    assert "on or after the site joined (1 April 2011)" in page
    assert Site.objects.get(slug="alpha").is_active


def test_archiving_tells_the_sites_leads_and_consultants_and_stops_its_invitations(world):
    from accounts.models import Invitation
    from notifications.models import Notification

    invitation = Invitation.objects.create(
        email="new@example.org",
        full_name="New Member",
        role="member",
        site=world.site_a,
        perspective="carer",
        invited_by=world.lead_a,
        token_hash="x" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    archive(world.site_a)
    told = Notification.objects.filter(kind="site_archived")
    assert {n.user.username for n in told} == {"lead_a", "consultant"}
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_a_site_is_not_archived_twice_and_unarchiving_makes_it_editable_again(world):
    archive(world.site_a)
    with pytest.raises(ValidationError, match="already archived"):
        archive(Site.objects.get(pk=world.site_a.pk))
    services.site_unarchive(site=world.site_a)
    site = Site.objects.get(pk=world.site_a.pk)
    assert (site.is_active, site.archived_on, site.archive_reason) == (True, None, "")
    assert world.lead_a.has_perm("sites.change_site", site)


def _editing_cases(world):
    """Every URL of every app that the site A lead may use to change something of site A
    (what only staff read is excluded): from the permission walk, so new views count too.
    Asking for the site's data archive changes nothing of the site: a site that left the
    programme still takes its data away (tests/site_exports)."""
    return [
        case
        for case in all_cases(world)
        if not case.name.startswith("site_exports:")
        and f"/{EMPTY_SLUG}/" not in case.url  # the walk's site with nothing recorded
        and case.expected["lead_a"] in (200, 302)
        and case.expected["organiser"] == 403
        and case.expected["lead_b"] == 404
    ]


@pytest.mark.parametrize("role", ["lead_a", "member_a", "admin"])
def test_nobody_changes_anything_of_an_archived_site(client, world, role):
    cases = _editing_cases(world)
    assert len(cases) > 30  # the walk's site A editing views of every app
    archive(world.site_a)
    client.force_login(world.users[role])
    allowed = []
    for case in cases:
        with transaction.atomic():
            response = getattr(client, case.method)(case.url, case.data)
            transaction.set_rollback(True)
        if response.status_code not in (403, 404):
            allowed.append(f"{case.method.upper()} {case.url}: {response.status_code}")
    assert not allowed, "\n".join(allowed)


def test_an_archived_site_is_still_read_by_its_team_and_the_programme(client, world):
    archive(world.site_a)
    for role in ("lead_a", "consultant"):
        client.force_login(world.users[role])
        page = client.get("/sites/alpha/").content.decode()
        assert "Archived: left the programme" in page
        assert "Add a goal" not in page and "Add a member" not in page


def test_an_archived_site_leaves_reminders_and_the_dashboard_but_not_the_history(world):
    today = datetime.date(2012, 12, 20)
    GoalFactory(priority__site=world.site_a, target_date=datetime.date(2012, 12, 31))
    assert list(goal_target_soon(today))
    archive(world.site_a)
    assert not list(goal_target_soon(today))
    from dashboard.forms import Filters
    from dashboard.selectors import sites

    assert world.site_a not in sites(Filters())
    assert world.site_a in sites_in_programme_during(datetime.date(2012, 1, 1))
    assert world.site_a not in sites_in_programme_during(datetime.date(2013, 1, 1))


def test_the_directory_tags_an_archived_site_and_filters_on_it(client, world):
    archive(world.site_a)
    client.force_login(world.admin)
    page = client.get("/sites/").content.decode()
    assert "Archived</strong>" in page
    response = client.get("/sites/", {"is_active": "false"})
    assert list(response.context["page"]) == [world.site_a]


@pytest.mark.parametrize("extra_sites", [1, 20])
def test_archive_pages_query_counts_do_not_grow(world, django_assert_max_num_queries, extra_sites):
    for site in SiteFactory.create_batch(extra_sites):
        archive(site)
    archive(world.site_a)
    client = Client()
    client.force_login(world.admin)
    pinned = {
        "/sites/alpha/": SITE_PAGE_QUERIES,
        "/sites/alpha/unarchive/": 6,
        "/sites/beta/archive/": 6,
    }
    for url, most in pinned.items():
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200, url
