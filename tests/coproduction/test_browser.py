"""In Chromium: a consultant reads the co-production figures on the dashboard, a site page
and the programme page, and the index on a cycle and a workshop; a lead records a cycle's
team with a carer who has no email address."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible
from tests.coproduction.test_programme import gathered
from tests.pdsa.factories import CycleFactory, GoalFactory, PriorityFactory

pytestmark = BROWSER_TEST
PERIOD = "date_from=2012-01-01&date_to=2012-03-31"


def test_consultant_reads_co_production_across_the_programme(world, signed_in_page, live_server):
    cycle = gathered(world)
    workshop = world.site_a.delegates.first().workshop
    page = signed_in_page(world.consultant)
    page.goto(f"{live_server.url}/dashboard/?{PERIOD}")
    section = page.locator("section[aria-labelledby='table-coproduction']")
    expect(section.get_by_role("heading")).to_contain_text("Co-production")
    section.locator("summary").click()
    expect(section.get_by_role("row").filter(has_text="Learning-set workshops")).to_contain_text(
        "20%"
    )
    peer = page.locator("section[aria-labelledby='table-peer_support']")
    expect(peer.get_by_role("heading", name="Peer support workers")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}{world.site_a.get_absolute_url()}")
    summary = page.locator("#site-co-production")
    expect(summary.get_by_role("row").filter(has_text="PDSA cycle teams")).to_contain_text(
        "1 of 4 (25%) service users or carers; 1 staff member with lived experience"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Co-production across the programme").click()
    expect(page.locator("#co-production-headline")).to_have_text(
        "1 workshop held so far: 2 of 10 attendees (20%) were service users and/or carers."
    )
    assert_accessible(page)

    page.goto(f"{live_server.url}{cycle.get_absolute_url()}")
    expect(page.locator("#team-co-production")).to_contain_text(
        "1 of 4 (25%) service users or carers"
    )
    assert_accessible(page)

    page.goto(f"{live_server.url}{workshop.get_absolute_url()}")
    expect(page.locator("#workshop-co-production")).to_contain_text(
        "2 of 10 (20%) service users or carers; 1 staff member with lived experience"
    )
    assert_accessible(page)


def test_lead_records_a_cycle_team_with_a_carer_without_email(world, signed_in_page, live_server):
    cycle = CycleFactory(goal=GoalFactory(priority=PriorityFactory(site=world.site_a)))
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{cycle.get_absolute_url()}")
    expect(page.locator("#team-co-production")).to_contain_text("No one recorded yet")
    page.get_by_role("link", name="Record who is in the team").click()
    assert_accessible(page)
    page.get_by_label(f"{world.lead_a.person.full_name} (Manager)").check()
    page.get_by_label("Name of other participant 1").fill("Mary Trelawny")
    page.get_by_role("button", name="Save the team").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the perspective they brought.")
    assert_accessible(page)
    page.get_by_label("Perspective of other participant 1").select_option(label="Carer")
    page.get_by_role("button", name="Save the team").click()
    expect(page.get_by_text("The cycle's team is saved.")).to_be_visible()
    expect(page.locator("#team-co-production")).to_contain_text(
        "1 of 2 (50%) service users or carers; 0 staff members with lived experience"
    )
    assert_accessible(page)
