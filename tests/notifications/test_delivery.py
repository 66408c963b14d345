"""Preferences, digests, failures and a broker outage."""

import datetime
import smtplib
from unittest import mock

import pytest
from celery import Celery
from django.conf import settings
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from imroc import queueing
from imroc.broker import transport_options
from imroc.queueing import queue_now
from notifications import services, tasks
from notifications.models import Notification, Preference, Reminder

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2012, 6, 4)
KIND = "project_group_not_co_produced"
SMTP_SEND = "django.core.mail.backends.locmem.EmailBackend.send_messages"


def test_an_opted_out_kind_sends_no_email_but_is_in_the_list(committing, client, world):
    Preference.objects.create(user=world.lead_a, kind=KIND, email=False)
    committing(services.scan, today=TODAY)
    assert [m.to[0] for m in mail.outbox] == [world.lead_b.email]
    assert Reminder.objects.get(user=world.lead_a).delivery == "none"
    client.force_login(world.lead_a)
    page = client.get(reverse("notifications:notification-list")).content.decode()
    assert "Alpha Partnership NHS Trust: the project group is not yet co-produced" in page


def test_the_weekly_digest_bundles_waiting_reminders_into_one_email(committing, world):
    Preference.objects.create(user=world.lead_a, kind=KIND, email=True, digest=True)
    committing(services.scan, today=TODAY)
    committing(services.scan, today=TODAY + datetime.timedelta(days=31))
    assert [m.to[0] for m in mail.outbox] == [world.lead_b.email, world.lead_b.email]
    mail.outbox.clear()
    committing(tasks.send_digests.delay)
    committing(tasks.send_digests.delay)
    [digest] = mail.outbox
    assert digest.to == [world.lead_a.email]
    assert digest.subject == "Your ImROC week: 2 reminders"
    assert digest.body.count("http://127.0.0.1:8000/sites/alpha/") == 2
    assert "text/html" in digest.alternatives[0][1]
    assert not Reminder.objects.filter(user=world.lead_a, status="pending").exists()


def test_a_transient_smtp_error_is_retried_and_the_reminder_goes_out(committing, world):
    calls = []

    def flaky(self, messages):
        calls.append(messages)
        if len(calls) == 1:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return len(messages)

    with mock.patch(SMTP_SEND, flaky):
        committing(services.scan, today=TODAY)
    reminders = Reminder.objects.order_by("pk")
    assert [r.status for r in reminders] == ["sent", "sent"]
    assert sorted(r.attempts for r in reminders) == [1, 2]


def test_after_the_last_retry_the_administrator_sees_the_failure_and_sends_again(
    committing, client, world
):
    with mock.patch(SMTP_SEND, side_effect=ConnectionRefusedError("Connection refused")):
        committing(services.scan, today=TODAY)
    failed = Reminder.objects.filter(status="failed")
    assert failed.count() == 2
    assert {r.attempts for r in failed} == {tasks.MAX_RETRIES + 1}
    client.force_login(world.admin)
    page = client.get(reverse("notifications:failed-list")).content.decode()
    assert "Connection refused" in page
    reminder = failed.get(user=world.lead_a)
    response = committing(client.post, reverse("notifications:failed-retry", args=[reminder.pk]))
    assert response.status_code == 302
    reminder.refresh_from_db()
    assert reminder.status == "sent"
    assert [m.to[0] for m in mail.outbox] == [world.lead_a.email]


def test_a_permanent_error_fails_at_once_without_retrying(committing, world):
    with mock.patch(SMTP_SEND, side_effect=ValueError("bad header")):
        committing(services.scan, today=TODAY)
    assert {(r.status, r.attempts) for r in Reminder.objects.all()} == {("failed", 1)}


def test_with_the_broker_down_the_scan_records_and_the_next_scan_sends(committing, world):
    with mock.patch.object(
        tasks.send_reminder, "apply_async", side_effect=OperationalError("Connection refused")
    ):
        committing(services.scan, today=TODAY)
    assert mail.outbox == []
    assert set(Reminder.objects.values_list("status", flat=True)) == {"pending"}
    assert Notification.objects.filter(user=world.lead_a).count() == 1
    committing(services.scan, today=TODAY)
    assert len(mail.outbox) == 2


def test_queueing_on_an_unreachable_broker_is_logged_not_raised(caplog, monkeypatch):
    """A Celery app configured like the project's, pointed at a port where nothing listens."""
    down = Celery("down", broker="redis://127.0.0.1:1/0", set_as_current=False)
    down.config_from_object("django.conf:settings", namespace="CELERY")
    down.conf.broker_url = "redis://127.0.0.1:1/0"
    # What the project gives a Redis broker, whichever broker this run's settings chose.
    down.conf.broker_transport_options = transport_options(
        down.conf.broker_url, timeout=settings.BROKER_TIMEOUT
    )
    down.conf.task_always_eager = False

    @down.task(name="test.nothing")
    def nothing():
        return None

    monkeypatch.setattr(queueing, "app", down)
    assert queue_now(nothing.name) is False
    assert "Could not queue test.nothing" in caplog.text
    # A request must not hang while Redis is down: one quick retry, a short connect timeout
    # (times themselves belong in the benchmark, not in a test).
    assert down.conf.task_publish_retry_policy["max_retries"] <= 1
    assert down.conf.broker_connection_timeout <= 2
    assert down.conf.broker_transport_options["socket_connect_timeout"] <= 2
    down.close()


def test_a_claim_left_by_a_dead_worker_is_released_by_the_next_scan(committing, world):
    committing(services.scan, today=TODAY)
    reminder = Reminder.objects.first()
    Reminder.objects.filter(pk=reminder.pk).update(
        status="pending",
        sent_at=None,
        claimed_at=datetime.datetime(2012, 6, 1, tzinfo=datetime.UTC),
    )
    mail.outbox.clear()
    committing(services.scan, today=TODAY)
    assert len(mail.outbox) == 1
