"""Reads: a person's notifications and preferences, the administrator's failed list."""

from django.conf import settings
from django.db.models import QuerySet

from . import registry
from .models import Notification, Preference, Reminder


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    """Read with the user when the request signed them in (``accounts.backends``)."""
    if not user.is_authenticated:
        return 0
    loaded = getattr(user, "_imroc_unread_notifications", None)
    if loaded is not None:
        return loaded
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def preferences_for(user) -> list[dict]:
    """Every registered event kind, then every reminder kind, the person can receive, with
    their choice (a delivery: email one at a time by default); one query."""
    saved = {p.kind: p for p in Preference.objects.filter(user=user)}
    return [
        {
            "kind": kind,
            "is_event": is_event,
            "delivery": saved[kind.name].delivery if kind.name in saved else "email",
        }
        for is_event, kinds in ((True, registry.event_kinds()), (False, registry.kinds()))
        for kind in kinds
        if kind.offered_to is None or kind.offered_to(user)
    ]


def failed_reminders() -> QuerySet[Reminder]:
    return Reminder.objects.filter(status=Reminder.Status.FAILED).select_related("user")


def beat_schedule() -> list[dict]:
    """The periodic tasks as configured in settings, in words."""
    rows = []
    for name, entry in sorted(settings.CELERY_BEAT_SCHEDULE.items()):
        schedule = entry["schedule"]
        rows.append({"name": name, "task": entry["task"], "when": describe_schedule(schedule)})
    return rows


def describe_schedule(schedule) -> str:
    from celery.schedules import crontab

    if isinstance(schedule, crontab):
        minute = sorted(schedule.minute)
        hour = sorted(schedule.hour)
        days_of_week = sorted(schedule.day_of_week)
        days_of_month = sorted(schedule.day_of_month)
        time = (
            f"at {hour[0]:02d}:{minute[0]:02d}"
            if len(hour) == 1 and len(minute) == 1
            else f"minutes {minute} of hours {hour}"
        )
        day_names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        if len(days_of_week) == 1:
            return f"Every {day_names[days_of_week[0]]} {time}"
        if len(days_of_month) == 1:
            return f"On day {days_of_month[0]} of every month {time}"
        return f"Every day {time}"
    return f"Every {schedule} seconds"
