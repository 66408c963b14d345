"""Helpers for apps testing their reminder kinds against the real scan."""

from django.core import mail

from notifications import registry, services
from notifications.models import Preference, Reminder


def due(kind: str, today) -> list:
    """What the kind finds due on ``today`` (without recording anything)."""
    return list(next(k for k in registry.kinds() if k.name == kind).due(today))


def recipients(dues) -> set:
    """Usernames of accounts, emails of people without one."""
    return {getattr(d.recipient, "username", None) or d.recipient.email for d in dues}


def scan(capture, today) -> None:
    """The whole scan, its emails sent (eagerly) as if its transaction had committed."""
    with capture(execute=True):
        services.scan(today=today)


def emails_of(kind: str) -> list:
    subjects = set(Reminder.objects.filter(kind=kind).values_list("subject", flat=True))
    return [m for m in mail.outbox if m.subject in subjects]


def opt_out(user, kind: str) -> None:
    Preference.objects.create(user=user, kind=kind, email=False, digest=False)
