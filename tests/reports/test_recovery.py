"""Jobs that recover: a report (or a reminder) whose worker died does not stay "running"
for ever; the periodic sweep starts it again or marks it failed with a button to retry."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from notifications import services as notification_services
from notifications.models import Reminder
from reports import services, tasks
from reports.models import MOST_ATTEMPTS, TIME_LIMIT, Report
from tests.notifications.factories import ReminderFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

LATER = TIME_LIMIT + datetime.timedelta(minutes=5)


def lost(world, **fields) -> Report:
    """A report a worker claimed and never finished (its machine died)."""
    fields = {"attempts": 1, **fields}
    return ReportFactory(
        site=world.site_a,
        requested_by=world.lead_a,
        status=Report.Status.RUNNING,
        started_at=timezone.now(),
        **fields,
    )


def test_a_report_running_past_its_time_limit_is_started_again_and_finishes(
    world, django_capture_on_commit_callbacks
):
    report = lost(world)
    beating = timezone.now() + datetime.timedelta(minutes=1)  # its worker beat just now
    assert services.reports_recover(now=beating)["restarted"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.reports_recover(now=timezone.now() + LATER)
    assert counts == {"restarted": 1, "failed": 0}
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.attempts == 2  # ran here, eagerly


def test_a_report_lost_again_on_its_last_try_fails_with_a_retry_button(
    client, world, django_capture_on_commit_callbacks
):
    report = lost(world, attempts=MOST_ATTEMPTS)
    assert services.reports_recover(now=timezone.now() + LATER) == {"restarted": 0, "failed": 1}
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED and "Try again" in report.progress
    client.force_login(world.lead_a)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "stopped before it was ready" in page and ">Try again</button>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/{report.pk}/retry/")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.READY


def test_a_report_never_picked_up_within_an_hour_fails(world):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    services.reports_recover(now=timezone.now() + datetime.timedelta(minutes=59))
    report.refresh_from_db()
    assert report.status == Report.Status.QUEUED
    services.reports_recover(now=timezone.now() + datetime.timedelta(minutes=61))
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED and "within an hour" in report.progress


def test_someone_else_cannot_retry_a_report_they_cannot_see(client, world):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a, status="failed")
    client.force_login(world.lead_b)
    assert client.post(f"/reports/{report.pk}/retry/").status_code == 404
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED


def test_the_sweeps_run_on_schedule_and_report_tasks_survive_a_lost_worker():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"reports.recover", "notifications.recover"} <= scheduled
    assert tasks.generate.acks_late and tasks.generate.reject_on_worker_lost
    assert tasks.generate.time_limit == TIME_LIMIT.total_seconds()


def reminder(world, **fields) -> Reminder:
    return ReminderFactory(
        user=world.lead_a, email=world.lead_a.email, claimed_at=timezone.now(), **fields
    )


def test_a_reminder_claimed_by_a_lost_worker_is_sent_or_failed(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    again, given_up = reminder(world, attempts=1), reminder(world, attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        counts = notification_services.reminders_recover(
            now=timezone.now() + datetime.timedelta(hours=2)
        )
    assert counts == {"restarted": 1, "failed": 1}
    again.refresh_from_db()
    given_up.refresh_from_db()
    assert again.status == Reminder.Status.SENT and len(mailoutbox) == 1
    assert given_up.status == Reminder.Status.FAILED and "worker stopped" in given_up.last_error
