"""Reminders and emails go to a queue of their own (CELERY_TASK_ROUTES), on the embedded
broker and on Redis alike, so a run of reports or site archives never delays them; a worker
started without -Q (the test's embedded worker) consumes both queues."""

import pytest
from django.conf import settings

from imroc.celery import app

NOTICES = ["notifications.send_reminder", "notifications.send_digest", "notifications.scan"]
JOBS = ["reports.generate", "site_exports.build", "reports.recover", "pdsa.record_progress"]


def queue_of(name: str) -> str:
    return app.amqp.router.route({}, name)["queue"].name


@pytest.mark.parametrize("name", NOTICES)
def test_reminders_and_emails_are_queued_apart_from_reports(name):
    assert queue_of(name) == settings.IMROC_NOTICES_QUEUE != settings.CELERY_TASK_DEFAULT_QUEUE


@pytest.mark.parametrize("name", JOBS)
def test_reports_and_archives_stay_on_the_default_queue(name):
    assert queue_of(name) == settings.CELERY_TASK_DEFAULT_QUEUE


def test_a_worker_started_without_a_queue_list_consumes_both():
    assert {settings.CELERY_TASK_DEFAULT_QUEUE, settings.IMROC_NOTICES_QUEUE} <= set(
        app.amqp.queues
    )
