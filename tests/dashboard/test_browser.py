"""Issue 5's "done when", in Chromium: a consultant opens the dashboard, drills into a site,
logs a visit and writes a review; the lead sees the review and answers it."""

import re

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose, fill_date, sign_in
from tests.challenges.factories import assess

pytestmark = BROWSER_TEST


def test_consultant_goes_from_the_dashboard_to_a_review_and_the_lead_answers(
    world, signed_in_page, live_server
):
    assess(world.site_a, [0, 1, 2, 3, 0, 1, 2, 3, 0, 1])
    page = signed_in_page(world.consultant)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Open the programme dashboard", exact=True).click()
    expect(page.get_by_role("heading", name="Programme dashboard", level=1)).to_be_visible()
    expect(
        page.get_by_role("heading", name="Sites by category and latest review status")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("From", exact=True).fill("2012-06-01")
    page.get_by_label("To", exact=True).fill("2012-01-01")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem with the filters")
    summary = page.get_by_role("alert")
    expect(
        summary.get_by_role("link", name="The period must end on or after its start.", exact=True)
    ).to_be_visible()
    expect(page.locator("#id_date_to-error")).to_contain_text("must end on or after its start")
    expect(page.get_by_label("To", exact=True)).to_have_attribute(
        "aria-describedby", "id_date_to-error"
    )
    assert_accessible(page)

    page.get_by_role("link", name="My sites", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Reviews due"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sites and assessment heatmap", exact=True).click()
    expect(page.get_by_role("heading", name="How to read the heatmap")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("row", name=re.compile("Alpha Partnership")).get_by_role(
        "link", name="Alpha Partnership NHS Trust"
    ).click()
    expect(page.get_by_role("heading", name="Alpha Partnership NHS Trust", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Support given", exact=True).click()
    page.get_by_role("link", name="Log support", exact=True).click()
    choose(page, "Kind", "Site visit")
    page.get_by_label("Given by (account)", exact=True).select_option(
        label=world.consultant.get_full_name()
    )
    fill_date(page, "Date", "2012-02-09")
    page.get_by_label("Time spent (hours)").fill("6.5")
    page.get_by_label("Topic").fill("Review against the key challenges")
    assert_accessible(page)
    page.get_by_role("button", name="Log support").click()
    expect(page.get_by_text("Support logged.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Alpha Partnership NHS Trust", exact=True).click()
    page.get_by_role("link", name="Progress reviews", exact=True).click()
    page.get_by_role("link", name="Write a review", exact=True).click()
    expect(page.get_by_role("heading", name="Latest assessment")).to_be_visible()
    page.get_by_label("Off track").check()
    page.get_by_label("What moved since the last review").fill("No peer worker posts yet.")
    first_action = page.get_by_role("group", name="Action 1")
    first_action.get_by_role("textbox", name=re.compile(r"^Action")).fill("Agree peer posts")
    first_action.get_by_label("Owner", exact=True).select_option(label=world.lead_a.get_full_name())
    fill_date(first_action, "Due", "2012-04-30")
    assert_accessible(page)
    page.get_by_role("button", name="Publish review").click()
    expect(page.get_by_text("Review published.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Dashboard", exact=True).click()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server.url, world.lead_a)
    assert page.get_by_role("link", name="Dashboard", exact=True).count() == 0
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("row", name="Alpha Partnership NHS Trust").get_by_role("link").click()
    expect(page.get_by_text("No peer worker posts yet.")).to_be_visible()
    page.get_by_label("Your response").fill("The board meets on the 12th.")
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_text("Response sent.")).to_be_visible()
    expect(page.get_by_text("The board meets on the 12th.")).to_be_visible()
    assert_accessible(page)
