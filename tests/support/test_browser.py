"""In Chromium: a consultant logs a visit and writes a review; the lead reads and answers it."""

import re

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose, fill_date, sign_in

pytestmark = BROWSER_TEST


def test_consultant_logs_a_visit_and_reviews_the_site_and_the_lead_answers(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.consultant)
    page.goto(f"{live_server.url}/sites/alpha/")
    expect(page.get_by_text("No review yet")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Support given", exact=True).click()
    assert_accessible(page)
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
    # The outcome is a success banner that takes the focus, so it is read out first.
    expect(page.locator(".nhsuk-notification-banner--success")).to_be_focused()
    expect(page.get_by_role("row", name="Review against the key challenges")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Alpha Partnership NHS Trust", exact=True).click()
    page.get_by_role("link", name="Progress reviews", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Write a review", exact=True).click()
    expect(page.get_by_role("heading", name="The site now")).to_be_visible()
    page.get_by_label("Some concerns").check()
    page.get_by_label("What moved since the last review").fill("Peer worker posts agreed.")
    page.get_by_label("Risks").fill("No premises for the recovery college yet.")
    first_action = page.get_by_role("group", name="Action 1")
    first_action.get_by_role("textbox", name=re.compile(r"^Action")).fill(
        "Find recovery college premises"
    )
    first_action.get_by_label("Owner", exact=True).select_option(label=world.lead_a.get_full_name())
    fill_date(first_action, "Due", "2012-04-30")
    page.get_by_role("button", name="Add another action").click()
    second_action = page.get_by_role("group", name="Action 2")
    expect(second_action).to_be_visible()
    due = first_action.get_by_role("group", name="Due", exact=True)
    expect(due.get_by_label("Day")).to_have_value("30")
    expect(due.get_by_label("Year")).to_have_value("2012")
    second_action.get_by_role("textbox", name=re.compile(r"^Action")).fill("Brief the board")
    second_action.get_by_label("Owner", exact=True).select_option(
        label="Someone outside the programme (type their name)"
    )
    second_action.get_by_label("Owner outside the programme").fill("Pat Board")
    fill_date(second_action, "Due", "2012-05-30")
    assert_accessible(page)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Review saved as a draft.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit and publish the review").click()
    page.get_by_role("button", name="Publish review").click()
    expect(page.get_by_text("Review published.")).to_be_visible()
    expect(page.get_by_text("Some concerns").first).to_be_visible()
    expect(page.get_by_role("row", name="Find recovery college premises")).to_be_visible()
    assert page.get_by_role("button", name="Send response").count() == 0
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server.url, world.lead_a)
    page.get_by_role("link", name="Reviews", exact=True).click()
    assert_accessible(page)
    page.get_by_role("row", name="Alpha Partnership NHS Trust").get_by_role("link").click()
    expect(page.get_by_text("Peer worker posts agreed.")).to_be_visible()
    page.get_by_label("Your response").fill("We are viewing two buildings next month.")
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_text("Response sent.")).to_be_visible()
    expect(page.get_by_text("We are viewing two buildings next month.")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_role("row", name="Brief the board")).to_contain_text("Pat Board")
    page.get_by_role("link", name="Find recovery college premises", exact=True).click()
    page.get_by_label("Yes, it is done").check()
    page.get_by_label("Note").fill("Lease signed for the old library.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action saved.")).to_be_visible()
    expect(page.get_by_text("Lease signed for the old library.").first).to_be_visible()
    assert_accessible(page)


def test_lead_updates_the_sites_outcomes_and_sees_the_history(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/sites/alpha/")
    page.get_by_role("link", name="Programme outcomes", exact=True).click()
    expect(page.get_by_text("No figures reported yet.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Update the figures", exact=True).click()
    fill_date(page, "Figures as at", "2012-06-30")
    page.get_by_label("People with a personal budget").fill("3")
    choose(page, "Risk policy review", "Under way")
    choose(page, "IPS employment service", "Planned")
    page.get_by_label("WRAP").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save figures").click()
    expect(page.get_by_text("Programme outcomes saved.")).to_be_visible()
    expect(page.get_by_text("0 employed (0 WTE)").first).to_be_visible()  # from the posts
    assert_accessible(page)
