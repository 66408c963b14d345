"""The limits a person can meet, in Chromium: a registration link that has taken all it may
this hour, and a fourth report while three are in flight. Each page says why, in an error
summary that takes focus, and passes axe."""

from playwright.sync_api import expect

from learning_sets import services
from tests.browser import BROWSER_TEST, assert_accessible
from tests.learning_sets.factories import register, workshop_for
from tests.reports.factories import ReportFactory

pytestmark = BROWSER_TEST


def test_a_person_on_a_flooded_link_is_told_why_and_what_to_do(page, world, live_server, settings):
    settings.IMROC_LINK_JOINS_PER_HOUR = 1
    workshop = workshop_for([world.site_a])
    link = services.registration_link_issue(workshop=workshop, site=world.site_a, by=world.lead_a)
    register(workshop, world.site_a, registration_link=link)
    page.goto(f"{live_server.url}{link.get_absolute_url()}")
    expect(page.get_by_text("this link takes up to 1 registrations an hour")).to_be_visible()
    page.get_by_label("Your full name").fill("Sam Flood")
    page.get_by_label("Carer").check()
    page.get_by_role("button", name="Register").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("This link has taken 1 registrations in the last hour")
    expect(summary).to_be_focused()
    assert_accessible(page)


def test_a_fourth_report_is_refused_with_the_reason(world, signed_in_page, live_server):
    for _ in range(3):
        ReportFactory(site=world.site_a, requested_by=world.lead_a)
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/reports/")
    expect(page.get_by_text("up to 3 reports and site archives")).to_be_visible()
    page.goto(f"{live_server.url}{world.site_a.get_absolute_url()}")
    page.get_by_role("button", name="Prepare a progress report").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("You already have 3 reports or archives being prepared")
    expect(summary).to_be_focused()
    assert_accessible(page)


def test_a_long_text_box_counts_down_its_characters_under_the_strict_csp(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.admin)
    page.goto(f"{live_server.url}/sites/{world.site_a.slug}/archive/")
    count = page.locator(".nhsuk-character-count__status")
    expect(count).to_have_text("You have 2,000 characters remaining")
    page.get_by_label("Why the site left").fill("x" * 2010)
    expect(count).to_have_text("You have 10 characters too many")
    assert_accessible(page)
