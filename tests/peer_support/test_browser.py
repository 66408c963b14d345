"""A lead records their site's peer-support-worker programme in Chromium."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, fill_date

pytestmark = BROWSER_TEST


def test_lead_records_the_peer_support_programme(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}/peer-support/sites/{world.site_a.slug}/")
    expect(page.get_by_text("Working on: Preparation (0 of 5 done)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record Job descriptions, grading and terms").click()
    fill_date(page, "Done on", "2012-03-01")
    page.get_by_label("Evidence").fill("Agreed with HR: band 3 posts.")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Agreed with HR: band 3 posts.")).to_be_visible()

    page.get_by_role("link", name="Add a recruitment round").click()
    fill_date(page, "Advertised on", "2012-04-02")
    page.get_by_label("Applicants").fill("12")
    page.get_by_label("Interviewed").fill("15")
    page.get_by_label("Appointed").fill("4")
    page.get_by_role("button", name="Save recruitment round").click()
    expect(
        page.get_by_text("Interviewed cannot be more than the applicants.").first
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Interviewed").fill("8")
    page.get_by_role("button", name="Save recruitment round").click()
    expect(page.locator("#rounds").get_by_role("cell", name="12", exact=True)).to_be_visible()

    page.get_by_role("link", name="Add posts in a team").click()
    page.get_by_label("Team").fill("Early intervention")
    page.get_by_label("People employed").fill("4")
    page.get_by_label("Whole-time equivalent").fill("3.5")
    page.get_by_role("button", name="Save posts").click()
    expect(
        page.get_by_text("4 peer support workers employed (3.5 whole-time equivalent)")
    ).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/peer-support/")
    expect(page.locator(f"[data-site='{world.site_a.slug}']")).to_contain_text("Preparation")
    assert_accessible(page)
