"""The default install's background work: with no REDIS_URL, one ``celery worker -B``
process on the embedded SQLAlchemy broker (SQLite files in var/) runs the scheduled reminder
scan and prepares reports (needs PostgreSQL for the database the worker shares)."""

import pytest

from notifications.models import Notification, Reminder
from reports.models import Report
from tests.celery_worker import embedded_worker  # noqa: F401
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.worker


def test_on_the_embedded_broker_beat_runs_the_scan_and_the_worker_prepares_a_report(
    embedded_worker,  # noqa: F811
    world,
):
    # Beat finds the daily scan missed (the schedule says it last ran two days ago) and
    # queues it; the worker records the reminders and emails each lead once.
    embedded_worker.wait_for(
        lambda: Reminder.objects.filter(status=Reminder.Status.SENT).count() == 2,
        what="the scheduled scan's two reminders to be sent",
    )
    assert "Scheduler: Sending due task Reminder scan (notifications.scan)" in (
        embedded_worker.log.read_text()
    )
    assert Notification.objects.filter(user=world.lead_a).count() == 1
    emails = embedded_worker.emails()
    assert sum("To: lead_a@example.org" in e for e in emails) == 1
    assert sum("To: lead_b@example.org" in e for e in emails) == 1
    assert (embedded_worker.var_dir / "celery-broker.sqlite3").exists()

    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert embedded_worker.send("reports.generate", timeout=240, report_id=report.pk) is True
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error
    assert report.pdf.size > 0
