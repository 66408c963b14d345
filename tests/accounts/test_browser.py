"""In Chromium: a consultant's first sign-in sets up the authenticator app; a person who
mistypes their password too often is told on the sign-in page."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, sign_in
from tests.sites.factories import PASSWORD
from tests.two_factor import current_code

pytestmark = BROWSER_TEST


def test_consultant_sets_up_two_factor_at_first_sign_in(world, page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("consultant")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/sites/")  # nothing else opens first
    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()

    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page.get_by_text("That code does not match").first).to_be_visible()
    assert_accessible(page)

    page.wait_for_timeout(2500)  # a wrong code makes the next try wait a moment
    device = TOTPDevice.objects.get(user=world.consultant, confirmed=False)
    page.get_by_label("Code from the app").fill(current_code(device))
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    expect(page.locator(".app-backup-codes li")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("link", name="I have saved my codes").click()
    expect(page.get_by_role("heading", name="Sites")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server.url, world.consultant)  # the app's code this time
    page.goto(f"{live_server.url}/accounts/two-factor/")
    expect(page.get_by_text("Backup codes left")).to_be_visible()
    assert_accessible(page)


def test_too_many_wrong_passwords_are_explained_on_the_sign_in_page(world, page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    for _ in range(5):
        page.get_by_label("Username").fill("lead_a")
        page.get_by_label("Password").fill("not-my-password")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Too many failed sign-ins")).to_be_visible()
    assert_accessible(page)


def test_the_browser_refuses_inline_style_and_the_tests_notice(world, page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        """() => document.body.insertAdjacentHTML('beforeend',
            '<p style="color: red">injected</p><img src="https://example.org/x.png" alt="">')"""
    )
    page.wait_for_timeout(300)
    assert any("style-src" in v for v in page.csp_violations)
    assert any("img-src" in v for v in page.csp_violations)
    page.csp_violations.clear()  # seen: the fixture checks the rest of every browser test
