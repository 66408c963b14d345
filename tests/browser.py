"""Helpers for Playwright tests: sign in through the real form, check accessibility."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.sites.factories import PASSWORD
from tests.two_factor import current_code, give_device, needs_code

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

# Browser tests talk to a live server, so they need real transactions. Those empty every
# table afterwards, so the ``world`` fixture recreates the data migrations' reference rows.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url: str, user, password: str = PASSWORD) -> None:
    """Through the real form; administrators and consultants (and anyone with an app) then
    type the code their authenticator app would show."""
    device = give_device(user) if needs_code(user) else None
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url(f"{base_url}/accounts/two-factor/verify/**")
        page.get_by_label("Code").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/")


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.2 AA rules) on the page; fail on serious or critical issues."""
    assert AXE.exists(), f"{AXE} missing: run `npm ci` (bin/test does)"
    # Through the DevTools protocol, not a <script> tag: the app's CSP refuses inline script.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]
    assert not problems, f"{page.url}:\n" + "\n".join(problems)


def fill_date(scope, label: str, iso: str) -> None:
    """Type an ISO date into an NHS.UK date input: the day, month and year boxes of the
    group its legend names."""
    year, month, day = iso.split("-")
    group = scope.get_by_role("group", name=label, exact=True)
    group.get_by_label("Day").fill(str(int(day)))
    group.get_by_label("Month").fill(str(int(month)))
    group.get_by_label("Year").fill(year)
