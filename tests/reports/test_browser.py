"""A project lead, in Chromium, asks for their site's progress report and downloads it."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, open_nav_link
from tests.notifications.factories import NotificationFactory
from tests.reports.pdf import assert_pdf_contains
from tests.reports.progress import site_with_progress

pytestmark = BROWSER_TEST


def test_lead_prepares_the_progress_report_downloads_the_pdf_and_reads_notifications(
    world, signed_in_page, live_server
):
    NotificationFactory(
        user=world.lead_a,
        subject="Alpha Partnership NHS Trust: the project group is not yet co-produced",
    )
    page = signed_in_page(world.lead_a)
    assert_accessible(page)
    page.get_by_role("link", name="Alpha Partnership NHS Trust").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Prepare a progress report").click()
    page.wait_for_url("**/reports/*/")
    expect(page.get_by_text("Your report is being prepared.")).to_be_visible()
    expect(page.get_by_text("Ready", exact=False).first).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    path = download_info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    open_nav_link(page, "Reports")
    assert page.get_by_role("row", name="Site progress report: Alpha Partnership NHS Trust")
    assert_accessible(page)

    # The report's "ready" event is in the lead's notifications beside the reminder.
    page.get_by_role("link", name="Notifications 2 unread").click()
    expect(page.get_by_role("strong").filter(has_text="not yet co-produced")).to_be_visible()
    expect(
        page.get_by_role("strong").filter(
            has_text="Ready: Site progress report: Alpha Partnership NHS Trust"
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Open Alpha Partnership NHS Trust").click()
    page.wait_for_url("**/sites/alpha/")
    expect(page.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/notifications/preferences/")
    expect(page.get_by_text("When something happens")).to_be_visible()
    expect(page.get_by_label("Email each time: A report you asked for is ready")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("In the weekly digest: Your site's project group").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_text("Your notification preferences are saved.")).to_be_visible()
    assert page.get_by_label("In the weekly digest: Your site's project group").is_checked()
    assert_accessible(page)


def test_administrator_pages_for_failures_and_schedule_are_accessible(
    world, signed_in_page, live_server
):
    page = signed_in_page(world.admin)
    assert_accessible(page)
    open_nav_link(page, "Failed reminders")
    expect(page.get_by_text("No reminder has failed.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="When the scans run").click()
    expect(page.get_by_text("Every day at 07:00")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/reports/")
    assert_accessible(page)


def test_organiser_prepares_the_learning_set_report_from_its_page(
    world, signed_in_page, live_server
):
    progress = site_with_progress(world)
    page = signed_in_page(world.organiser)
    page.goto(f"{live_server.url}{progress.workshop.learning_set.get_absolute_url()}")
    assert_accessible(page)
    page.get_by_role("button", name="Prepare the report as PDF and spreadsheet").click()
    page.wait_for_url("**/reports/*/")
    expect(page.get_by_text("is being prepared")).to_be_visible()
    expect(page.get_by_text("Ready", exact=False).first).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert_pdf_contains(pdf.read(), progress.workshop.learning_set.name, "Carer")
