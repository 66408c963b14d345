"""Paper: the sign-in sheet printed from Chromium repeats its title, date and venue on every
page and numbers the pages; no button or navigation is printed."""

import subprocess

from tests.browser import BROWSER_TEST
from tests.sites.factories import SiteFactory

from .factories import register, workshop_for

pytestmark = BROWSER_TEST


def test_the_printed_sign_in_sheet_repeats_its_heading_and_numbers_its_pages(
    world, signed_in_page, live_server, tmp_path
):
    sites = [world.site_a, world.site_b, *(SiteFactory() for _ in range(5))]
    workshop = workshop_for(sites, capacity=80)
    for site in sites:
        for _ in range(8):
            register(workshop, site)
    page = signed_in_page(world.organiser)
    page.goto(f"{live_server.url}/learning-sets/workshops/{workshop.pk}/sign-in-sheet/")
    pdf = tmp_path / "sheet.pdf"
    page.emulate_media(media="print")
    # On paper no row is cut in two and the head, with the title, repeats.
    assert page.evaluate(
        "() => [...document.querySelectorAll('tbody tr')].every("
        "tr => getComputedStyle(tr).breakInside === 'avoid')"
    )
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('thead')).display")
        == "table-header-group"
    )
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2  # 56 delegates and five blank rows do not fit one page
    title = f"Sign-in sheet: {workshop.learning_set.name}, workshop {workshop.number}"
    for number, printed in enumerate(pages, start=1):
        flat = " ".join(printed.split())
        assert title in flat, number
        assert f"{workshop.date:%-d %B %Y}" in flat and workshop.venue.name in flat, number
        assert f"Page {number} of {len(pages)}" in flat, number
        assert "Print the sign-in sheet" not in flat and "Learning sets" not in flat
