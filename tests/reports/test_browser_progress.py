"""In Chromium: a report's page follows the job in the background. The status card is updated
in place (a polite live region), the page is not reloaded, focus stays where it was, and the
person can stop the checking (WCAG 4.1.3 and 2.2.2)."""

from playwright.sync_api import expect

from reports.models import Report
from tests.browser import BROWSER_TEST, assert_accessible
from tests.reports.factories import ReportFactory

pytestmark = BROWSER_TEST


def test_the_status_is_updated_in_place_without_a_reload_and_focus_stays(
    world, signed_in_page, live_server
):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    card = page.locator("[data-report-card]")
    expect(card).to_have_attribute("aria-live", "polite")
    expect(card).to_contain_text("Queued")
    assert_accessible(page)
    page.evaluate("window.stillTheSamePage = true")
    breadcrumb = page.get_by_role("link", name="Reports").last
    breadcrumb.focus()

    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RUNNING, progress="Drawing the charts"
    )
    expect(card).to_contain_text("Drawing the charts")
    Report.objects.filter(pk=report.pk).update(status=Report.Status.FAILED)
    expect(card.get_by_role("button", name="Try again")).to_be_visible()
    expect(page.get_by_role("button", name="Stop checking for updates")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True
    expect(breadcrumb).to_be_focused()


def test_the_person_can_stop_the_checking(world, signed_in_page, live_server):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    page.get_by_role("button", name="Stop checking for updates").click()
    expect(page.get_by_text("This page stopped checking.")).to_be_visible()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.FAILED)
    page.wait_for_timeout(7000)  # two of the page's checks would have come and gone
    expect(page.locator("[data-report-card]")).to_contain_text("Queued")
    assert_accessible(page)
