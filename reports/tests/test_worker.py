"""A real Celery worker on Redis prepares a report (needs PostgreSQL and Redis)."""

import time

import pytest
from django.urls import reverse

from reports.models import Report
from reports.tests.factories import ReportFactory
from reports.tests.pdf import assert_pdf_contains
from reports.tests.progress import site_with_progress

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
    progress = site_with_progress(world)
    client.force_login(world.lead_a)
    response = client.post(
        reverse("reports:report-request"), {"kind": "site_progress", "site-site": "alpha"}
    )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    deadline = time.monotonic() + 60
    while not Report.objects.get(pk=report.pk).is_finished:
        assert time.monotonic() < deadline, "the worker never finished the report"
        time.sleep(0.3)
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error
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
