"""The dashboard, the heatmap, a workshop, site and goal page on a phone, a small tablet and a
desktop: nothing wider than the window, the heatmap scrolls inside a focusable region, axe
clean.
``IMROC_SCREENSHOTS=1`` also writes the pictures in docs/screenshots/ (kept small)."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible
from tests.challenges.factories import assess
from tests.learning_sets.factories import register

from .programme import PERIOD, build

pytestmark = BROWSER_TEST
WIDTHS = [320, 390, 1280]
SHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


def page_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def shoot(page, name: str, width: int) -> None:
    if os.environ.get("IMROC_SCREENSHOTS") and width in (390, 1280):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.fixture
def programme(world):
    found = build(world)
    assess(world.site_a, [1, 2, 3, 0, 1, 2, 3, 0, 1, 2])
    assess(world.site_b, [0, 1, 1, 2, 1, 0, 3, 2, 1, 1])
    for _ in range(3):
        register(found["workshop"], world.site_a)
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_dashboard_heatmap_and_workshop_fit_every_width(
    programme, world, signed_in_page, live_server, width
):
    page = signed_in_page(world.consultant)
    page.set_viewport_size({"width": width, "height": 900})
    query = "&".join(f"{k}={v}" for k, v in PERIOD.items())

    page.goto(f"{live_server.url}/dashboard/?{query}")
    expect(page.get_by_role("heading", name="Programme dashboard", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Goals by status")).to_be_visible()
    assert page_overflow(page) <= 0
    assert_accessible(page)
    shoot(page, "dashboard", width)
    page.locator("#table-stages ~ details summary").click()
    expect(page.get_by_role("table", name="Self-assessed stages over time")).to_be_visible()

    page.goto(f"{live_server.url}/dashboard/heatmap/?{query}")
    region = page.get_by_role("region", name="Latest self-assessment stage per challenge")
    expect(region).to_be_visible()
    expect(page.get_by_role("columnheader", name="10 Life beyond illness")).to_be_visible()
    shoot(page, "heatmap", width)
    assert page_overflow(page) <= 0
    region.focus()
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "region"
    if width == 1280:  # every challenge fits without scrolling
        assert region.evaluate("el => el.scrollWidth - el.clientWidth") <= 0
    assert_accessible(page)

    page.goto(f"{live_server.url}{programme['workshop'].get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workshop")
    assert page_overflow(page) <= 0
    assert_accessible(page)
    shoot(page, "workshop", width)

    for name, url in (
        ("site", world.site_a.get_absolute_url()),
        ("goal", programme["stalled"].get_absolute_url()),
    ):
        page.goto(f"{live_server.url}{url}")
        assert page_overflow(page) <= 0, name
        shoot(page, name, width)
