"""A project lead, in Chromium, finds their site and builds its project group."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose

pytestmark = BROWSER_TEST


def test_lead_adds_a_carer_and_a_board_sponsor_and_the_group_becomes_co_produced(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.lead_a)
    assert_accessible(page)
    page.get_by_role("link", name="Alpha Partnership NHS Trust").first.click()
    group = page.locator("#group-co-production")
    expect(group.get_by_text("Not yet co-produced")).to_be_visible()
    assert_accessible(page)

    for name, role, perspective in [
        ("Mary Trelawny", "Member", "Carer"),
        ("Ruth Penrose", "Board sponsor", "Manager"),
    ]:
        page.get_by_role("link", name="Add a member").click()
        page.get_by_label("Full name").fill(name)
        choose(page, "Role", role)
        page.get_by_label("Perspective").select_option(label=perspective)
        assert_accessible(page)
        page.get_by_role("button", name="Save member").click()
        expect(page.get_by_text(f"{name} added to the project group.")).to_be_visible()

    expect(group.get_by_text("Co-produced", exact=True)).to_be_visible()
    expect(page.get_by_role("row", name="Mary Trelawny")).to_be_visible()


def test_site_directory_filters_by_category_with_the_keyboard(world, signed_in_page, live_server):
    page = signed_in_page(world.consultant)
    page.goto(f"{live_server.url}/sites/")
    assert_accessible(page)
    page.get_by_label("Category").select_option(label="Demonstration")
    page.get_by_role("button", name="Filter").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/sites/?*category=demonstration*")
    expect(page.get_by_role("link", name="Beta Health Board")).to_be_visible()
    assert page.get_by_role("link", name="Alpha Partnership NHS Trust").count() == 0
