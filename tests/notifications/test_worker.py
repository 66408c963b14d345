"""A real Celery worker on Redis sends a reminder (needs PostgreSQL and Redis)."""

import datetime
import time

import pytest

from notifications.models import Reminder

pytestmark = pytest.mark.worker


def test_a_real_worker_scans_and_emails_the_lead_once(real_worker, world):
    first = real_worker.send("notifications.scan")
    second = real_worker.send("notifications.scan")
    assert first["recorded"] == 2
    assert second["recorded"] == 0
    deadline = time.monotonic() + 30
    while Reminder.objects.filter(status="sent").count() < 2:
        assert time.monotonic() < deadline, list(Reminder.objects.values("status", "last_error"))
        time.sleep(0.2)
    emails = real_worker.emails()
    to_lead_a = [e for e in emails if "To: lead_a@example.org" in e]
    assert len(to_lead_a) == 1
    assert (
        "Subject: Alpha Partnership NHS Trust: the project group is not yet co-produced"
        in (to_lead_a[0])
    )
    assert "Content-Type: text/html" in to_lead_a[0]
    assert sum("To: lead_b@example.org" in e for e in emails) == 1
    assert Reminder.objects.get(user=world.lead_a).sent_at.date() <= datetime.date.today()
