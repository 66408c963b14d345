"""A lead pages through the site's indicators and timeline in Chromium, sorts and filters
them without JavaScript's help (plain GET forms and links), and each page stays accessible
at every width, with unbroken words."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, broken_words

from .test_site_lists import events, indicators

pytestmark = BROWSER_TEST


def test_a_lead_pages_sorts_and_filters_the_indicators_and_the_timeline(
    world, signed_in_page, live_server
):
    indicators(world.site_a, 27, challenge=1)
    indicators(world.site_a, 2, challenge=3, name="Waiting days")
    events(world.site_a, 6, 4)
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/sites/alpha/")
    page.get_by_role("link", name="All indicators").click()
    expect(page.locator("#table-count")).to_contain_text("29 indicators, 25 a page")
    assert_accessible(page)
    assert not broken_words(page)
    page.get_by_role("link", name="Next page").click()
    expect(page.locator("#site-indicators tbody tr")).to_have_count(4)
    page.locator("#site-indicators").get_by_role("link", name="Indicator", exact=True).click()
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Indicator")
    page.get_by_label("Challenge").select_option(index=2)  # the site's second: challenge 3
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#table-count")).to_contain_text("2 indicators")
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Indicator")

    page.goto(f"{live_server.url}/sites/alpha/")
    page.get_by_role("link", name="Timeline").click()
    expect(page.locator("#timeline-count")).to_contain_text("56 events, newest first, 50 a page")
    assert_accessible(page)
    assert not broken_words(page)
    page.get_by_label("Kind of event").select_option(label="Goal")
    page.get_by_role("button", name="Filter").click()
    # Six goals of cycles and the two holding the indicators.
    expect(page.locator("#timeline-count")).to_contain_text("8 events")
    expect(page.locator(".timeline li")).to_have_count(8)
    page.goto(f"{live_server.url}/pdsa/sites/alpha/timeline/?kind=all")
    expect(page.locator(".nhsuk-error-summary")).to_have_count(1)
    page.locator(".nhsuk-error-summary a").click()
    expect(page.get_by_label("Kind of event")).to_be_focused()
    assert_accessible(page)
