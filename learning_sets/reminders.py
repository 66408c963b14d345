"""Reminders to workshop delegates (registered with ``notifications.registry``): joining
instructions 7 days before (venue, access, the day's agenda, the .ics attached), a last
word 2 days before and, after the day, the evaluation link, once. The registration email
(``events.py``) already carries the details and the .ics, so there is no earlier reminder.

Delegates usually have no account, so they are reached by email; a delegate whose email
belongs to an account gets the reminder in the app too (and their preferences apply); a
delegate with no email address is reached through their site's project leads."""

import datetime

from django.db.models import Prefetch

from imroc.dates import day_month
from notifications.registry import Due, register

from .messages import addressees, calendar_file, delegate_due, joining_details
from .models import Delegate, Workshop

DAY = datetime.timedelta(days=1)
EVALUATION_ASKED_WITHIN = 14 * DAY


def _coming_workshops(first_day, last_day) -> list[Workshop]:
    registered = Delegate.objects.filter(status=Delegate.Status.REGISTERED)
    return list(
        Workshop.objects.filter(date__gte=first_day, date__lte=last_day, cancelled_at__isnull=True)
        .select_related("learning_set", "venue", "topic")
        .prefetch_related("agenda_items", Prefetch("delegates", queryset=registered))
    )


def _workshop_reminders(kind: str, workshops: list[Workshop], today, *, lead_in: str):
    recipients = addressees([d for w in workshops for d in w.delegates.all()])
    for workshop in workshops:
        ics = calendar_file(workshop)
        days = (workshop.date - today).days
        details = joining_details(workshop)
        message = (
            f"{lead_in} Workshop {workshop.number} of {workshop.learning_set}"
            f"{f' ({workshop.topic})' if workshop.topic else ''} is on {details['when']}, at "
            f"{details['venue']}."
        )
        subject = (
            f"{workshop.learning_set}: workshop {workshop.number} is on {day_month(workshop.date)}"
        )
        for delegate in workshop.delegates.all():
            delegate.workshop = workshop
            for addressee in recipients[delegate.pk]:
                yield delegate_due(
                    kind,
                    delegate,
                    addressee,
                    key=f"workshop:{workshop.pk}:{kind}:{workshop.date:%Y-%m-%d}",
                    subject=subject,
                    message=message,
                    context={**details, "days": days, "with_details": True},
                    attachments=[ics],
                )


@register("workshop_in_7_days", label="Joining instructions for a workshop a week away")
def workshop_in_7_days(today):
    """From 7 days before until the 2-day reminder takes over."""
    workshops = _coming_workshops(today + 3 * DAY, today + 7 * DAY)
    yield from _workshop_reminders(
        "workshop_in_7_days", workshops, today, lead_in="Your joining instructions."
    )


@register("workshop_in_2_days", label="A workshop you are registered for is in 2 days")
def workshop_in_2_days(today):
    workshops = _coming_workshops(today, today + 2 * DAY)
    yield from _workshop_reminders("workshop_in_2_days", workshops, today, lead_in="See you soon.")


@register("workshop_evaluation", label="Please evaluate the workshop you attended")
def workshop_evaluation(today):
    """Once per attendee, in the two weeks after the day, while they have not answered."""
    attendees = list(
        Delegate.objects.filter(
            attended=True,
            evaluation__isnull=True,
            workshop__date__lt=today,
            workshop__date__gte=today - EVALUATION_ASKED_WITHIN,
        ).select_related("workshop__learning_set")
    )
    recipients = addressees(attendees)
    for delegate in attendees:
        workshop = delegate.workshop
        message = (
            f"Thank you for coming to workshop {workshop.number} of "
            f"{workshop.learning_set} on {day_month(workshop.date)}. Two minutes on the "
            "evaluation form help the organisers shape the next one. The link is yours: "
            "no account is needed."
        )
        subject = f"{workshop.learning_set}: how was workshop {workshop.number}?"
        for addressee in recipients[delegate.pk]:
            yield Due(
                kind="workshop_evaluation",
                recipient=addressee.recipient,
                key=f"delegate:{delegate.pk}:evaluation" + addressee.key(delegate),
                subject=addressee.subject(subject),
                url=delegate.get_evaluation_url(),
                context={
                    "message": addressee.message(message),
                    "workshop": str(workshop),
                    "learning_set": str(workshop.learning_set),
                },
            )
