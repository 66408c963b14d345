"""A lead records a recovery college's fidelity check in Chromium and sees its score and
chart; a consultant sees every site's colleges in the overview."""

import datetime

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, fill_date, open_nav_link, sign_in
from tests.colleges import factories

pytestmark = BROWSER_TEST


def test_lead_records_a_fidelity_check_and_a_consultant_sees_the_overview(
    world, signed_in_page, live_server
):
    college = factories.college(world.site_a)
    factories.check(college, checked_on=datetime.date(2012, 1, 10), scores=(1, 1, 0, 1, 1, 0, 1))
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/sites/alpha/")
    section = page.locator("section[aria-labelledby=colleges-heading]")
    expect(section).to_contain_text("fidelity 5 of 14 at the check of 10 January 2012")
    section.get_by_role("link", name="Alpha Recovery College").click()
    page.get_by_role("link", name="Record a fidelity check").click()
    expect(page.get_by_text("The ratings start from the previous check")).to_be_visible()
    assert_accessible(page)

    form = page.get_by_role("main")
    fill_date(form, "Date of the check", "2012-07-02")
    form.get_by_role("group", name="A physical base").get_by_label("Present").check()
    form.get_by_label("Evidence: A physical base").fill("Two classrooms and a library.")
    for component in ("Tailored to the student", "Community focus", "Learning"):
        form.get_by_role("group", name=component).get_by_label("2: fully present").check()
    form.get_by_role("button", name="Save the check").click()

    expect(page.locator("#latest-score")).to_contain_text(
        "10 of 14 at the check of 2 July 2012 (up 5)"
    )
    chart = page.locator("svg[role=img]")
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("Jul 2012")
    page.get_by_text("Show the data").click()
    expect(page.locator("#checks")).to_contain_text("up 5")
    expect(page.locator("#features")).to_contain_text("Two classrooms and a library.")
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, live_server.url, world.consultant)
    open_nav_link(page, "Recovery colleges")
    expect(page.locator("#programme-totals")).to_contain_text("1 open, 0 planned")
    expect(page.locator(f"[data-college='{college.pk}']")).to_contain_text("10 of 14 (up 5)")
    assert_accessible(page)
    page.locator("#colleges").get_by_role("link", name="Latest fidelity score").click()
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Latest fidelity score")
    page.get_by_label("Region").select_option(label="Wales")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#table-count")).to_contain_text("0 colleges")
    expect(page.locator("th[aria-sort=ascending]")).to_have_count(0)
    page.get_by_role("link", name="Clear the filter").click()
    expect(page.locator("#table-count")).to_contain_text("1 college")
    assert_accessible(page)
    expect(page.get_by_role("link", name="Record a fidelity check")).to_have_count(0)
