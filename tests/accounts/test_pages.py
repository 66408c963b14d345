"""The accessibility statement and the privacy notice: anyone reads them, every page links
them, and the notice states the service's real settings."""

import pytest

from tests.browser import assert_accessible


@pytest.mark.parametrize("url", ["/accessibility/", "/privacy/"])
def test_anyone_reads_the_statement_and_the_notice(client, world, url):
    assert client.get(url).status_code == 200
    client.force_login(world.lead_a)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405


def test_every_page_links_them_in_its_footer(client, world):
    client.force_login(world.lead_a)
    for url in ("/", "/sites/alpha/", "/accounts/login/"):
        page = client.get(url, follow=True).content.decode()
        assert 'href="/accessibility/"' in page and 'href="/privacy/"' in page
        assert 'href="/privacy/#contact"' in page


def test_the_notice_says_how_long_things_are_kept_as_the_service_keeps_them(client, db, settings):
    settings.IMROC_NEEDS_RETENTION_DAYS = 45
    settings.IMROC_CONTACT_EMAIL = "office@imroc.example"
    page = client.get("/privacy/").content.decode()
    assert "erased 45 days after the workshop" in page
    assert "deleted after 30 days" in page and "archive after 7 days" in page
    assert "after 8 hours without using the service" in page
    assert "mailto:office@imroc.example" in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pages_are_accessible_and_reached_from_the_footer(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("contentinfo").get_by_role("link", name="Accessibility statement").click()
    page.wait_for_url("**/accessibility/")
    assert_accessible(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Privacy notice").click()
    page.wait_for_url("**/privacy/")
    assert_accessible(page)
