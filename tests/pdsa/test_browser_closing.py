"""In Chromium: a lead closes a goal as achieved and finds it read-only; the administrator
archives a site and its lead finds the site read-only."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, fill_date, sign_in
from tests.pdsa.factories import CycleFactory, GoalFactory, IndicatorFactory

pytestmark = BROWSER_TEST


def test_lead_closes_a_goal_as_achieved_and_sees_it_read_only(world, signed_in_page, live_server):
    goal = GoalFactory(priority__site=world.site_a, title="Recovery plans on every ward")
    IndicatorFactory(goal=goal, name="Plans written with the person")
    CycleFactory(goal=goal)
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{goal.get_absolute_url()}")
    page.get_by_role("link", name="Close the goal").click()
    expect(page.get_by_text("1 cycle still open")).to_be_visible()
    page.get_by_role("button", name="Close the goal").click()
    expect(
        page.get_by_text("Select whether the goal was achieved or abandoned").first
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Achieved: the target was met").check()
    fill_date(page, "Closed on", "2012-06-01")
    page.get_by_label("Closing note").fill("Nine wards in ten write plans with the person.")
    page.get_by_role("button", name="Close the goal").click()
    expect(page.get_by_text("Closed: achieved on 1 June 2012")).to_be_visible()
    closing = page.locator("#goal-closed")
    expect(closing.get_by_text("Nine wards in ten write plans with the person.")).to_be_visible()
    expect(page.get_by_role("link", name="Edit goal")).to_have_count(0)
    expect(page.get_by_role("link", name="Plan a new cycle")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Plans written with the person").click()
    expect(page.get_by_text("Goal closed: achieved on 1 June 2012")).to_be_visible()
    expect(page.get_by_role("link", name="Add values")).to_have_count(0)
    page.goto(f"{live_server.url}/sites/{world.site_a.slug}/")
    page.get_by_text("1 achieved or abandoned goal").click()
    expect(page.get_by_role("link", name="Recovery plans on every ward")).to_be_visible()
    page.get_by_role("link", name="Drop this priority").click()
    page.get_by_role("button", name="Drop the priority").click()
    expect(page.get_by_text("1 dropped priority")).to_be_visible()
    assert_accessible(page)


def test_administrator_archives_a_site_and_its_lead_sees_it_read_only(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.admin)
    page.goto(f"{live_server.url}/sites/{world.site_a.slug}/")
    page.get_by_role("link", name="Archive the site").click()
    assert_accessible(page)
    fill_date(page, "Left the programme on", "2012-09-30")
    page.get_by_label("Why the site left").fill("The trust merged with its neighbour.")
    page.get_by_role("button", name="Archive the site").click()
    expect(page.get_by_text("Archived: left the programme on 30 September 2012")).to_be_visible()
    expect(page.get_by_role("link", name="Edit site details")).to_have_count(0)
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, live_server.url, world.lead_a)
    page.goto(f"{live_server.url}/sites/{world.site_a.slug}/")
    expect(page.get_by_text("The trust merged with its neighbour.")).to_be_visible()
    expect(page.get_by_role("link", name="Add a member")).to_have_count(0)
    expect(page.get_by_role("link", name="Set priorities")).to_have_count(0)
    response = page.goto(f"{live_server.url}/sites/{world.site_a.slug}/edit/")
    assert response.status == 403
