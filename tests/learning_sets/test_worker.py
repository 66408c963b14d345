"""A real Celery worker on Redis sends the workshop reminders (needs PostgreSQL and Redis)."""

import datetime
import time

import pytest

from notifications.models import Reminder
from tests.learning_sets.factories import register, standard_topics, workshop_for

pytestmark = pytest.mark.worker


def test_a_real_worker_emails_each_delegate_the_workshop_with_its_ics_once(real_worker, world):
    standard_topics()
    workshop = workshop_for([world.site_a], date=datetime.date.today() + datetime.timedelta(7))
    register(workshop, world.site_a, email="ann@example.org", full_name="Ann Delegate")
    real_worker.send("notifications.scan")
    real_worker.send("notifications.scan")
    reminders = Reminder.objects.filter(kind="workshop_in_7_days")
    deadline = time.monotonic() + 30
    while reminders.filter(status="sent").count() < 1:
        assert time.monotonic() < deadline, list(reminders.values("status", "last_error"))
        time.sleep(0.2)
    [email] = [
        e
        for e in real_worker.emails()
        if "To: ann@example.org" in e and "Your joining instructions." in e
    ]
    assert f"is on {workshop.date:%-d %B}" in email
    assert "Content-Type: text/calendar" in email
    assert f'filename="imroc-workshop-{workshop.pk}.ics"' in email
    assert reminders.count() == 1
