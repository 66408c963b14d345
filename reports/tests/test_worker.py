"""A real Celery worker on Redis prepares a report (needs PostgreSQL and Redis)."""

import pytest

from reports.models import Report
from reports.tests.factories import ReportFactory
from reports.tests.pdf import assert_pdf_contains

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
