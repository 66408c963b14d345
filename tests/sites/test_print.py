"""Paper: the site page printed from Chromium reads as a document: its headings and facts, no
header navigation or footer, no Edit/Remove/Add links or buttons and no link addresses."""

import subprocess

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST
from tests.pdsa.factories import GoalFactory, IndicatorFactory, PriorityFactory

pytestmark = BROWSER_TEST


def test_the_printed_site_page_keeps_its_headings_and_drops_navigation_and_edit_links(
    world, signed_in_page, live_server, tmp_path
):
    goal = GoalFactory(priority=PriorityFactory(site=world.site_a), title="Recovery in every plan")
    IndicatorFactory(goal=goal, name="Plans with recovery goals")
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{world.site_a.get_absolute_url()}")
    edit = page.get_by_role("link", name="Edit site details")
    nav = page.get_by_role("navigation", name="Menu")
    expect(edit).to_be_visible()
    expect(nav).to_be_visible()
    headings = page.locator("main h1, main h2").all_inner_texts()
    assert len(headings) > 3

    page.emulate_media(media="print")
    expect(edit).to_be_hidden()
    expect(nav).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    # Every link left on paper prints as its words only, never its address.
    assert page.evaluate(
        """() => [...document.querySelectorAll('main a')].every(
             a => ['none', 'normal'].includes(getComputedStyle(a, '::after').content))"""
    )
    pdf = tmp_path / "site.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for heading in headings:
        assert " ".join(heading.split()) in flat
    assert "Recovery in every plan" in flat
    for action in ("Edit", "Remove", "Add a member", "(Link:", "/sites/", "Sign out"):
        assert action not in flat, action
