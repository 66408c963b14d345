"""Thin Celery tasks: load by id, call a service."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from . import services
from .models import Reminder

MAX_RETRIES = 5


def backoff(retries: int) -> int:
    """Seconds before the next try: 1, 2, 4, 8, 16 minutes."""
    return 60 * 2**retries


def retry_later(task, exc):
    """Retry with exponential backoff. Run eagerly (no broker) the retry happens at once,
    in-process: Celery does that when the Retry is returned rather than raised."""
    eager = bool(task.request.is_eager)
    return task.retry(exc=exc, countdown=backoff(task.request.retries), throw=not eager)


@shared_task(name="notifications.scan")
def scan() -> dict:
    result = services.scan(today=timezone.localdate())
    return {"recorded": result.recorded, "queued": result.queued}


@shared_task(bind=True, name="notifications.send_reminder", max_retries=MAX_RETRIES)
def send_reminder(self, *, reminder_id: int) -> bool:
    reminder = Reminder.objects.filter(pk=reminder_id).first()
    if reminder is None:
        return False  # deleted since: nothing to do
    try:
        return services.reminder_send(reminder=reminder)
    except services.TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            services.reminder_fail(reminder=reminder, error=exc)
            return False
        return retry_later(self, exc)


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    return services.queue_digests()


@shared_task(bind=True, name="notifications.send_digest", max_retries=MAX_RETRIES)
def send_digest(self, *, user_id: int) -> int:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return 0
    try:
        return services.digest_send(user=user)
    except services.TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            return 0  # the reminders stay pending for next week's digest
        return retry_later(self, exc)


@shared_task(name="notifications.recover")
def recover() -> dict[str, int]:
    return services.reminders_recover()
