"""State changes of reminders and events: the scan that records reminders, ``notify`` that
records an event's messages, sending (claimed once), digests, failures and the reader's own
list and preferences."""

import logging
import smtplib
import socket
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from imroc.queueing import queue_on_commit

from . import registry
from .emails import DIGEST, digest_email, reminder_email
from .models import MOST_ATTEMPTS, STALE_CLAIM, Notification, Preference, Reminder
from .registry import Due, Recipient

logger = logging.getLogger(__name__)

# Worth trying again later: the mail server or the network, not the message.
TRANSIENT_ERRORS = (smtplib.SMTPException, ConnectionError, socket.error, TimeoutError)


@dataclass(frozen=True)
class ScanResult:
    recorded: int
    queued: int


def scan(*, today: date) -> ScanResult:
    """Record every due reminder once, then queue every email still pending (including
    those a broker outage or a dead worker left behind)."""
    recorded = 0
    preferences = {
        (p.user_id, p.kind): p.delivery
        for p in Preference.objects.all().only("user_id", "kind", "email", "digest")
    }
    for kind in registry.kinds():
        for due in kind.due(today):
            recorded += _record(due, preferences) is not None
    return ScanResult(recorded=recorded, queued=queue_pending())


_quiet = ContextVar("notifications_quiet", default=False)


@contextmanager
def quiet():
    """Raise no events inside: for loading made-up history (the demo's hundreds of past
    workshop registrations), never for real work."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def notify(kind: str, **objects) -> int:
    """Tell people that something happened: the event kind's messages about ``objects``,
    each recorded once per key and recipient (raising the same event again adds nothing),
    in the app at once and by email, as each person chose, after the transaction commits.
    Call it inside the service's transaction: a rollback takes the messages with it.
    Returns how many messages were new."""
    event = registry.event_kind(kind)
    if _quiet.get():
        return 0
    dues = list(event.messages(**objects))
    for due in dues:
        if due.kind != kind:
            raise ValueError(f"The {kind!r} event made a message of kind {due.kind!r}")
    users = {due.recipient.pk for due in dues if not isinstance(due.recipient, Recipient)}
    preferences = {
        (p.user_id, p.kind): p.delivery
        for p in Preference.objects.filter(kind=kind, user_id__in=users)
    }
    recorded = [r for due in dues if (r := _record(due, preferences)) is not None]
    for reminder in recorded:
        if reminder.delivery == Reminder.Delivery.EMAIL:
            queue_on_commit("notifications.send_reminder", reminder_id=reminder.pk)
    return len(recorded)


@transaction.atomic
def _record(due: Due, preferences: dict) -> Reminder | None:
    """The reminder if this call recorded it, None if it was there already."""
    if isinstance(due.recipient, Recipient):
        user, email, name = None, due.recipient.email, due.recipient.name
        recipient, delivery = email.lower(), Reminder.Delivery.EMAIL
    else:
        user, email, name = due.recipient, "", due.recipient.get_full_name()
        recipient = f"user:{user.pk}"
        delivery = preferences.get((user.pk, due.kind), Reminder.Delivery.EMAIL)
        if not user.email:
            delivery = Reminder.Delivery.NONE
    reminder, created = Reminder.objects.get_or_create(
        kind=due.kind,
        key=due.key,
        recipient=recipient,
        defaults={
            "user": user,
            "email": email,
            "name": name or (user.username if user else ""),
            "subject": due.subject,
            "context": due.context,
            "url": due.url,
            "attachments": [a.as_json() for a in due.attachments],
            "delivery": delivery,
        },
    )
    if not created:
        return None
    if user is not None:
        Notification.objects.create(
            user=user, reminder=reminder, kind=due.kind, subject=due.subject, url=due.url
        )
    return reminder


def queue_pending() -> int:
    """Queue a send for every pending email; a claim left by a dead worker is released."""
    Reminder.objects.filter(
        status=Reminder.Status.PENDING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(claimed_at=None)
    pending = list(
        Reminder.objects.filter(
            status=Reminder.Status.PENDING,
            delivery=Reminder.Delivery.EMAIL,
            claimed_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    for pk in pending:
        queue_on_commit("notifications.send_reminder", reminder_id=pk)
    return len(pending)


def reminders_recover(*, now=None) -> dict[str, int]:
    """The periodic sweep: an email claimed longer than STALE_CLAIM ago lost its worker.
    It is queued again, or after MOST_ATTEMPTS claims shown as failed (with the
    administrator's retry button) rather than tried for ever."""
    stale = Reminder.objects.filter(
        status=Reminder.Status.PENDING, claimed_at__lt=(now or timezone.now()) - STALE_CLAIM
    )
    failed = stale.filter(attempts__gte=MOST_ATTEMPTS).update(
        status=Reminder.Status.FAILED,
        claimed_at=None,
        last_error=f"Its worker stopped while sending it, {MOST_ATTEMPTS} times.",
    )
    again = list(stale.values_list("pk", "delivery"))
    stale.update(claimed_at=None)
    for pk, delivery in again:
        if delivery == Reminder.Delivery.EMAIL:  # a digest goes with next week's
            queue_on_commit("notifications.send_reminder", reminder_id=pk)
    if failed or again:
        logger.warning("Reminder recovery: %s queued again, %s failed", len(again), failed)
    return {"restarted": len(again), "failed": failed}


def _claim(pk: int, delivery: str) -> bool:
    """True for the one caller that may send; everyone else finds it claimed or sent."""
    return bool(
        Reminder.objects.filter(
            pk=pk, status=Reminder.Status.PENDING, delivery=delivery, claimed_at__isnull=True
        ).update(claimed_at=timezone.now(), attempts=F("attempts") + 1)
    )


def reminder_send(*, reminder: Reminder) -> bool:
    """Send one reminder by email, at most once. A transient error releases the claim and
    propagates, so the task can retry; any other error fails the reminder for good."""
    if not _claim(reminder.pk, Reminder.Delivery.EMAIL):
        return False
    reminder.refresh_from_db()
    try:
        reminder_email(reminder).send()
    except TRANSIENT_ERRORS as exc:
        Reminder.objects.filter(pk=reminder.pk).update(claimed_at=None, last_error=str(exc))
        raise
    except Exception as exc:  # a bad address or template: retrying would not help
        logger.exception("Reminder %s could not be sent", reminder.pk)
        reminder_fail(reminder=reminder, error=exc)
        return False
    Reminder.objects.filter(pk=reminder.pk).update(
        status=Reminder.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def reminder_fail(*, reminder: Reminder, error: Exception) -> None:
    """Given up: the administrator sees it on the failed reminders page."""
    Reminder.objects.filter(pk=reminder.pk, status=Reminder.Status.PENDING).update(
        status=Reminder.Status.FAILED, claimed_at=None, last_error=str(error) or repr(error)
    )


@transaction.atomic
def reminder_retry(*, reminder: Reminder) -> bool:
    """The administrator asks for a failed reminder to be sent again."""
    updated = Reminder.objects.filter(pk=reminder.pk, status=Reminder.Status.FAILED).update(
        status=Reminder.Status.PENDING, claimed_at=None, attempts=0
    )
    if updated:
        queue_on_commit("notifications.send_reminder", reminder_id=reminder.pk)
    return bool(updated)


def queue_digests() -> int:
    """One digest task per person with digest reminders waiting."""
    user_ids = list(
        Reminder.objects.filter(
            status=Reminder.Status.PENDING,
            delivery=Reminder.Delivery.DIGEST,
            claimed_at__isnull=True,
        )
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )
    with transaction.atomic():
        for user_id in user_ids:
            queue_on_commit("notifications.send_digest", user_id=user_id)
    return len(user_ids)


def digest_send(*, user) -> int:
    """Bundle the person's waiting digest reminders into one email; returns how many."""
    waiting = Reminder.objects.filter(
        user=user, status=Reminder.Status.PENDING, delivery=Reminder.Delivery.DIGEST
    ).values_list("pk", flat=True)
    claimed = [pk for pk in waiting if _claim(pk, Reminder.Delivery.DIGEST)]
    if not claimed:
        return 0
    reminders = list(Reminder.objects.filter(pk__in=claimed).order_by("created_at"))
    try:
        digest_email(user, reminders).send()
    except TRANSIENT_ERRORS as exc:
        Reminder.objects.filter(pk__in=claimed).update(claimed_at=None, last_error=str(exc))
        raise
    Reminder.objects.filter(pk__in=claimed).update(
        status=Reminder.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return len(claimed)


def notification_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_read_all(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_save(*, user, choices: dict[str, tuple[bool, bool]]) -> None:
    """``choices`` maps a kind to (email, digest); reminders already recorded keep theirs."""
    for kind, (email, digest) in choices.items():
        Preference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": email, "digest": email and digest}
        )


@transaction.atomic
def preference_stop(*, user, kind: str) -> None:
    """One click from an email's unsubscribe link: no more email of this kind (the digest's
    link stops every kind it bundles); the app still lists them."""
    if kind == DIGEST:
        Preference.objects.filter(user=user, digest=True).update(email=False, digest=False)
        return
    Preference.objects.update_or_create(
        user=user, kind=kind, defaults={"email": False, "digest": False}
    )
