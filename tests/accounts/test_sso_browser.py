"""In Chromium: an invited person signs in with their organisation's account at a real
OpenID provider and lands on their home page; signing out offers the provider's sign-out."""

from playwright.sync_api import expect

from accounts.models import Invitation
from tests.browser import BROWSER_TEST, assert_accessible
from tests.oidc_provider.people import PASSWORD

from .sso import invite

pytestmark = BROWSER_TEST


def test_an_invited_person_signs_in_with_their_organisation(world, sso, live_server, page):
    base = live_server.url
    sso.allow_redirects(f"{base}/accounts/sso/test/callback/", f"{base}/accounts/login/")
    invite(world.site_a, Invitation.Role.PROJECT_LEAD)
    page.goto(f"{base}/accounts/login/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign in with Test organisation").click()
    page.get_by_label("Organisation username").fill("ivy")
    page.get_by_label("Organisation password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in to the organisation").click()
    page.wait_for_url(f"{base}/")
    expect(page.get_by_text("Signed in as Ivy Tester")).to_be_visible()
    assert_accessible(page)
    assert Invitation.objects.get().accepted_at is not None

    page.get_by_role("button", name="Sign out").click()
    link = page.get_by_role("link", name="sign out of Test organisation too")
    expect(link).to_be_visible()
    assert_accessible(page)
    link.click()
    page.wait_for_url(f"{base}/accounts/login/**")
