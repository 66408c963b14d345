"""A real Celery worker on Redis prepares a report (needs PostgreSQL and Redis)."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import Report
from tests.celery_worker import kill_mid_job, sweep_in_process
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
    assert real_worker.send("reports.generate", report_id=report.pk) is True
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


def test_a_report_whose_worker_is_killed_mid_build_is_recovered_by_the_sweep(real_worker, world):
    """SIGKILL, as when a machine dies: no handler runs and the report would stay "being
    prepared" for ever; the sweep, once it has not beaten for
    two minutes (long before the time limit), starts it again and it finishes."""
    site_with_progress(world)
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    kill_mid_job(real_worker, "reports.generate", report, report_id=report.pk)
    counts = sweep_in_process(services.reports_recover)
    report.refresh_from_db()
    assert counts == {"restarted": 1, "failed": 0}
    assert report.status == Report.Status.READY and report.attempts == 2
