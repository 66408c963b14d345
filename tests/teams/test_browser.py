"""A lead adds a team in Chromium, records its recovery self-assessment with the people who
took part, adds an action to its plan and sees the team move at its re-assessment."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose, fill_date

pytestmark = BROWSER_TEST


def test_lead_adds_a_team_assesses_it_plans_and_sees_it_move(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/sites/alpha/")
    section = page.locator("section[aria-labelledby=teams-heading]")
    expect(section).to_contain_text("No team has started a Team Recovery Implementation Plan")
    section.get_by_role("link", name=re.compile("Teams and their recovery plans")).click()
    assert_accessible(page)

    page.get_by_role("link", name="Add a team").click()
    form = page.get_by_role("main")
    form.get_by_label("Team name").fill("Exeter community team")
    form.get_by_label("Service type").select_option(label="Community")
    form.get_by_label("Team manager").fill("Helen Ashworth")
    form.get_by_role("button", name="Save team").click()

    page.get_by_role("link", name="Record an assessment").click()
    form = page.get_by_role("main")
    fill_date(form, "Date of the assessment", "2012-03-01")
    form.get_by_label("Name of participant 1").fill("Helen Ashworth")
    form.get_by_label("Perspective of participant 1").select_option(label="Manager")
    form.get_by_label("Name of participant 2").fill("Dan Ellery")
    form.get_by_label("Perspective of participant 2").select_option(label="Service user")
    for number in range(1, 9):
        choose(form, f"Rating for practice {number}", "Beginning")
    form.get_by_label("Evidence for practice 7").fill("No peer workers in the team yet.")
    assert_accessible(page)
    form.get_by_role("button", name="Save assessment").click()
    expect(page.locator("#latest-total")).to_contain_text("8 of 24 on 1 March 2012")
    expect(page.get_by_text("Co-produced")).to_be_visible()

    page.get_by_role("link", name="Add an action").click()
    form = page.get_by_role("main")
    form.get_by_label("Action").fill("Peer support worker joins the weekly team meeting")
    form.get_by_label("Recovery practice it improves").select_option(index=7)
    form.get_by_label("Who, if not in the project group").fill("Dan Ellery")
    fill_date(form, "By when", "2012-06-01")
    choose(form, "Status", "Under way")
    assert_accessible(page)
    form.get_by_role("button", name="Save action").click()
    actions = page.locator("#actions")
    expect(actions).to_contain_text("Peer support worker joins the weekly team meeting")
    expect(actions).to_contain_text("Overdue")

    page.get_by_role("link", name="Record an assessment").click()
    expect(page.get_by_text("The ratings start from the team's last assessment")).to_be_visible()
    form = page.get_by_role("main")
    form.get_by_label("Name of participant 1").fill("Dan Ellery")
    form.get_by_label("Perspective of participant 1").select_option(label="Service user")
    for number in (1, 7):
        choose(form, f"Rating for practice {number}", "Developing")
    form.get_by_role("button", name="Save assessment").click()

    today = timezone.localdate()
    expect(page.locator("#latest-total")).to_contain_text(
        f"10 of 24 on {today.day} {today:%B %Y}, 8 at the first on 1 March 2012"
    )
    movement = page.locator("#movement")
    expect(movement.locator("[data-item=lived_experience]")).to_contain_text("Moved up")
    expect(movement.get_by_text("Moved up")).to_have_count(2)
    assert_accessible(page)

    page.get_by_role("link", name="Team recovery plans").first.click()
    expect(page.locator("#teams-moved")).to_contain_text("1 of 1 team moved up")
    expect(page.locator("#teams")).to_contain_text("Moved up 2")
    expect(page.locator("#teams")).to_contain_text("0 of 1 action done; 1 overdue")
    page.get_by_role("link", name="Alpha Partnership NHS Trust").first.click()
    expect(page.locator("#teams-overdue")).to_contain_text("1 action past its date")
    assert_accessible(page)
