"""The error pages are NHS.UK pages that say what happened and what to do; a signed-in page
or a download is never kept in the browser's cache."""

import datetime

import pytest
from django.test import Client

from sites.models import ProjectGroupMember
from tests.sites.factories import SiteFactory, join

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_a_missing_page_says_what_to_check_and_where_to_go(client, world):
    client.force_login(world.member_a)
    response = client.get("/sites/no-such-site/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in text(response)
    assert "nhsuk-header" in text(response) and 'href="/"' in text(response)


def test_a_refusal_on_an_archived_site_says_it_is_archived_and_read_only(client, world):
    archived = SiteFactory(
        is_active=False, archived_on=datetime.date(2012, 6, 1), archive_reason="Merged."
    )
    join(archived, world.lead_a, ProjectGroupMember.Role.PROJECT_LEAD)
    client.force_login(world.lead_a)
    response = client.get(f"/sites/{archived.slug}/edit/")
    assert response.status_code == 403
    assert "This site is archived: its records are read-only for everyone" in text(response)
    assert "<h1>You cannot do this</h1>" in text(response)


def test_a_refusal_says_who_to_ask(client, world):
    client.force_login(world.member_a)
    response = client.get(f"/sites/{world.site_a.slug}/edit/")
    assert response.status_code == 403
    assert "ask your site's project lead or the programme administrator" in text(response)


def test_a_form_refused_for_its_csrf_token_says_to_reload_and_send_again(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.lead_a)
    response = client.post(f"/sites/{world.site_a.slug}/edit/", {"name": "x"})
    assert response.status_code == 403
    assert "Your form could not be sent" in text(response)
    assert "reload the page" in text(response)


def test_the_server_error_page_renders_without_a_request(client):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in page


def test_a_post_to_a_page_that_only_shows_information_is_405_with_a_page(client, world):
    client.force_login(world.lead_a)
    response = client.post(f"/sites/{world.site_a.slug}/")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert "This page only shows information" in text(response)


def test_in_development_a_member_sees_the_404_page_not_the_url_list(client, world, settings):
    settings.DEBUG = True
    client.force_login(world.member_a)
    response = client.get("/sites/no-such-site/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in text(response)


def test_signed_in_pages_and_downloads_are_not_kept_in_the_browser_cache(client, world):
    """Every signed-in page of the walk is checked too (test_permission_walk)."""
    client.force_login(world.lead_a)
    assert client.get(f"/sites/{world.site_a.slug}/")["Cache-Control"] == "no-store"
    client.force_login(world.admin)
    download = client.get("/dashboard/csv/status/")
    assert download.status_code == 200, download.status_code
    assert download["Cache-Control"] == "no-store"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_404_and_403_pages_are_accessible_in_the_browser(signed_in_page, live_server):
    from tests.browser import assert_accessible
    from tests.sites.factories import build_world

    world = build_world()
    page = signed_in_page(world.member_a)
    for path, heading in [
        ("/sites/no-such-site/", "Page not found"),
        (f"/sites/{world.site_a.slug}/edit/", "You cannot do this"),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert_accessible(page)
