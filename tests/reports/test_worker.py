"""A real Celery worker on Redis prepares a report (needs PostgreSQL and Redis)."""

import time

import pytest
from django.urls import reverse

from reports.models import Report
from tests.reports.factories import ReportFactory
from tests.reports.pdf import assert_pdf_contains
from tests.reports.progress import site_with_progress

pytestmark = pytest.mark.worker


def test_a_real_worker_prepares_the_site_progress_pdf(real_worker, world):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert real_worker.send("reports.generate", report_id=report.pk) is True
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(
            pdf.read(), "Site progress report: Alpha Partnership NHS Trust", "Project group"
        )
    assert report.spreadsheet.size > 0
    assert real_worker.send("reports.generate", report_id=report.pk) is False  # done once


def test_a_lead_downloads_their_sites_pdf_with_run_charts_from_a_real_worker(
    real_worker, world, client
):
    """The lead's request as the request view records it; the worker started by the fixture
    (its own queue) prepares it; the lead downloads it through the app."""
    progress = site_with_progress(world)
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    started = time.monotonic()
    assert real_worker.send("reports.generate", report_id=report.pk) is True
    assert time.monotonic() - started < 5
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error
    client.force_login(world.lead_a)
    response = client.get(reverse("reports:report-download", args=[report.pk, "pdf"]))
    assert_pdf_contains(
        b"".join(response.streaming_content),
        progress.goal.title,
        f"Indicator: {progress.indicator.name}",
        f"{progress.indicator.name}: run chart",
        "Median",
        "Changing the nature of day-to-day interactions",
        "up from",
    )
