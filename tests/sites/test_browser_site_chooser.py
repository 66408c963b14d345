"""In Chromium: the site chooser suggests sites as the person types, with the keyboard, and
the chosen site is what the form sends."""

from playwright.sync_api import expect

from reports.models import Report
from tests.browser import BROWSER_TEST, assert_accessible

pytestmark = BROWSER_TEST


def test_a_lead_types_part_of_a_name_and_chooses_their_site_from_the_suggestions(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/reports/")
    box = page.get_by_role("combobox", name="Site")
    box.fill("partner")
    option = page.get_by_role("option", name="Alpha Partnership NHS Trust")
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")  # from the box to the first suggestion
    expect(option).to_be_focused()
    page.keyboard.press("Enter")
    expect(box).to_have_value("Alpha Partnership NHS Trust")
    assert_accessible(page)
    page.get_by_role("button", name="Prepare the site progress report").click()
    page.wait_for_url("**/reports/*/")
    assert Report.objects.get().site == world.site_a

    page.goto(f"{live_server.url}/reports/")
    box = page.get_by_role("combobox", name="Site")
    box.fill("beta")
    expect(page.get_by_role("option", name="No site has that in its name")).to_be_visible()
    box.press("Tab")  # the suggestions close; the button is next
    page.get_by_role("button", name="Prepare the site progress report").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("No site you can choose has 'beta'")
    expect(summary).to_be_focused()
