"""In Chromium: a lead issues a token for their site from the header, copies it once, reads
the API docs page (served from the app's static files under the CSP)."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, fill_date

pytestmark = BROWSER_TEST


def test_a_lead_issues_a_token_and_reads_the_api_docs(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", name="API tokens", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Issue the token").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    assert_accessible(page)
    page.get_by_label("Name").fill("Board Power BI report")
    page.get_by_label("What it reads").select_option(label="Site: Alpha Partnership NHS Trust")
    fill_date(
        page, "Works until", (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    )
    page.get_by_role("button", name="Issue the token").click()
    expect(page.get_by_role("heading", name="Token “Board Power BI report” issued")).to_be_visible()
    secret = page.locator("code.api-token").first.inner_text()
    assert re.fullmatch(r"imroc_[\w-]{40,}", secret)
    assert_accessible(page)  # at 320 px too: the long token wraps

    response = page.request.get(
        f"{live_server.url}/api/v1/sites/", headers={"Authorization": f"Bearer {secret}"}
    )
    assert [row["slug"] for row in response.json()["results"]] == ["alpha"]

    page.goto(f"{live_server.url}/api/tokens/")
    expect(page.get_by_role("row", name=re.compile("Board Power BI report"))).to_contain_text(
        re.compile(r"Last used \d")
    )
    page.get_by_role("link", name="read-only API").click()
    expect(page.get_by_role("heading", name="GET /api/v1/goals/")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("updated_since"))).not_to_have_count(0)
    assert_accessible(page)  # as the walk of every page checks it
