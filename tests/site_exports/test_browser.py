"""A project lead, in Chromium, asks for all their site's data, waits until the archive is
ready and downloads it: JSON, a CSV per kind of record and the progress report."""

import json
import re
import zipfile

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, open_nav_link
from tests.reports.pdf import assert_pdf_contains

pytestmark = BROWSER_TEST


def test_lead_downloads_all_the_sites_data_in_one_archive(world, signed_in_page, live_server):
    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{world.site_a.get_absolute_url()}")
    page.get_by_role("link", name="Download all the data of Alpha Partnership NHS Trust").click()
    expect(page.get_by_role("heading", name="Download all the data of Alpha")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Prepare the archive").click()
    page.wait_for_url("**/exports/*/")
    expect(page.get_by_text("The archive is being prepared.")).to_be_visible()
    expect(page.get_by_text("Ready", exact=True)).to_be_visible()  # the page looks again
    expect(page.get_by_role("cell", name="Project group members")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the archive (ZIP)").click()
    assert download_info.value.suggested_filename.startswith("alpha-")
    with zipfile.ZipFile(download_info.value.path()) as archive:
        names = set(archive.namelist())
        data = json.loads(archive.read("site.json"))
        assert_pdf_contains(archive.read("alpha-progress-report.pdf"), "Alpha Partnership")
    assert {"site.json", "README.txt", "csv/Project group members.csv", "csv/Goals.csv"} <= names
    assert data["site"]["slug"] == "alpha"

    open_nav_link(page, re.compile("^Notifications 1 unread"))
    expect(
        page.get_by_role("strong").filter(
            has_text="Ready: All the data of Alpha Partnership NHS Trust"
        )
    ).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/exports/sites/{world.site_a.slug}/")
    expect(page.get_by_role("heading", name="Your archives of this site")).to_be_visible()
    assert_accessible(page)
