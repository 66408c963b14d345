"""In Chromium: the multiple site chooser adds sites from the suggestions and removes them,
with the keyboard alone, says so in a live region, and posts exactly the chosen sites."""

import re

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose_site
from tests.sites.factories import SiteFactory

pytestmark = BROWSER_TEST


def test_the_administrator_picks_two_of_sixty_sites_removes_one_and_assigns_the_other(
    world, signed_in_page, live_server
):
    trusts = [SiteFactory(name=f"Trust {n:03d}", slug=f"trust-{n:03d}") for n in range(60)]
    before = set(world.consultant.consulted_sites.all())
    page = signed_in_page(world.admin)
    page.goto(f"{live_server.url}/accounts/consultants/assign/")
    expect(page.locator("input[type=checkbox][name=sites]")).to_have_count(0)
    expect(page.get_by_role("button", name="Search sites")).to_have_count(0)
    page.get_by_label("Consultant").select_option(label=world.consultant.get_full_name())

    box = page.get_by_role("combobox", name="Find a site to add")
    box.fill("trust 05")
    expect(page.get_by_role("option", name="Trust 050 (Network, London)")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # the second suggestion, by keyboard
    status = page.locator("[data-sites-status]")
    expect(status).to_have_text("Added Trust 051. 1 site chosen.")
    expect(box).to_have_value("")
    expect(box).to_be_focused()

    page.get_by_label("Region of sites").select_option(label="London")
    choose_site(page, "Trust 007", typed="st 00")
    expect(status).to_have_text("Added Trust 007. 2 sites chosen.")
    items = page.get_by_role("list", name="Chosen sites").get_by_role("listitem")
    expect(items).to_have_text([re.compile("^Trust 051"), re.compile("^Trust 007")])
    assert_accessible(page)

    remove = page.get_by_role("button", name="Remove Trust 051")
    remove.focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Removed Trust 051. 1 site chosen.")
    expect(box).to_be_focused()
    expect(items).to_have_text([re.compile("^Trust 007")])

    page.get_by_role("button", name="Assign to the sites chosen").click()
    expect(page.get_by_text("now reviews 1 more site.")).to_be_visible()
    assert set(world.consultant.consulted_sites.all()) == before | {trusts[7]}
