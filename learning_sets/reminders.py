"""Reminders to workshop delegates (registered with ``notifications.registry``): the day
is coming (14 and 2 days before, with the .ics attached) and, after it, the evaluation form.

Delegates usually have no account, so they are reached by email; a delegate whose email
belongs to an account gets the reminder in the app too (and their preferences apply)."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.db.models.functions import Lower

from notifications.registry import Attachment, Due, Recipient, register

from .ical import ics_filename, workshop_ics
from .models import Delegate, Workshop

DAY = datetime.timedelta(days=1)
EVALUATION_ASKED_WITHIN = 14 * DAY


def _recipients(delegates) -> dict[int, object]:
    """Each delegate's account if their email has one, else their email (one query)."""
    emails = {d.email.lower() for d in delegates}
    accounts = {}
    if emails:
        users = get_user_model().objects.annotate(email_lower=Lower("email"))
        accounts = {u.email_lower: u for u in users.filter(email_lower__in=emails, is_active=True)}
    return {
        d.pk: accounts.get(d.email.lower()) or Recipient(d.email, d.full_name) for d in delegates
    }


def _coming_workshops(first_day, last_day) -> list[Workshop]:
    registered = Delegate.objects.filter(status=Delegate.Status.REGISTERED)
    return list(
        Workshop.objects.filter(date__gte=first_day, date__lte=last_day)
        .select_related("learning_set", "venue", "topic")
        .prefetch_related("agenda_items", Prefetch("delegates", queryset=registered))
    )


def _workshop_reminders(kind: str, workshops: list[Workshop], today):
    recipients = _recipients([d for w in workshops for d in w.delegates.all()])
    for workshop in workshops:
        ics = Attachment(ics_filename(workshop), workshop_ics(workshop), "text/calendar")
        days = (workshop.date - today).days
        where = workshop.venue.name if workshop.venue else "the venue to be confirmed"
        context = {
            "message": (
                f"Workshop {workshop.number} of {workshop.learning_set}"
                f"{f' ({workshop.topic})' if workshop.topic else ''} is on "
                f"{workshop.date:%A %-d %B %Y}, {workshop.start_time:%H:%M} to "
                f"{workshop.end_time:%H:%M}, at {where}. The calendar entry is attached."
            ),
            "workshop": str(workshop),
            "learning_set": str(workshop.learning_set),
            "days": days,
        }
        for delegate in workshop.delegates.all():
            yield Due(
                kind=kind,
                recipient=recipients[delegate.pk],
                key=f"workshop:{workshop.pk}:{kind}:{workshop.date:%Y-%m-%d}",
                subject=f"{workshop.learning_set}: workshop {workshop.number} is on "
                f"{workshop.date:%-d %B}",
                url=workshop.get_absolute_url(),
                context=context,
                attachments=[ics],
            )


@register("workshop_in_14_days", label="A workshop you are registered for is in 14 days")
def workshop_in_14_days(today):
    """From 14 days before until the 2-day reminder takes over."""
    workshops = _coming_workshops(today + 3 * DAY, today + 14 * DAY)
    yield from _workshop_reminders("workshop_in_14_days", workshops, today)


@register("workshop_in_2_days", label="A workshop you are registered for is in 2 days")
def workshop_in_2_days(today):
    workshops = _coming_workshops(today, today + 2 * DAY)
    yield from _workshop_reminders("workshop_in_2_days", workshops, today)


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
    recipients = _recipients(attendees)
    for delegate in attendees:
        workshop = delegate.workshop
        yield Due(
            kind="workshop_evaluation",
            recipient=recipients[delegate.pk],
            key=f"delegate:{delegate.pk}:evaluation",
            subject=f"{workshop.learning_set}: how was workshop {workshop.number}?",
            url=delegate.get_evaluation_url(),
            context={
                "message": (
                    f"Thank you for coming to workshop {workshop.number} of "
                    f"{workshop.learning_set} on {workshop.date:%-d %B}. Two minutes on the "
                    "evaluation form help the organisers shape the next one. The link is yours: "
                    "no account is needed."
                ),
                "workshop": str(workshop),
                "learning_set": str(workshop.learning_set),
            },
        )
