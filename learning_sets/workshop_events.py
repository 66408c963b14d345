"""Events about a whole workshop (registered with ``notifications.registry``): moved,
re-timed or re-located, cancelled, an organiser's message, and a delegate nobody can reach.
Everyone with a place and everyone waiting hears, through their registrar and site's leads
when they have no email; those with a place get the calendar entry with its raised
SEQUENCE (or the cancellation)."""

from imroc.dates import long_date
from notifications.registry import Due, register_event

from .messages import addressees, calendar_file, delegate_due, joining_details
from .models import Delegate, Workshop, WorkshopMessage


def _people(workshop: Workshop, delegates=None) -> list[Delegate]:
    if delegates is not None:
        return list(delegates)
    return list(
        workshop.delegates.exclude(status=Delegate.Status.CANCELLED).order_by("created_at", "pk")
    )


def _to_all(kind, workshop, delegates, *, key, subject, message, you, ics, context=None):
    found = addressees(delegates)
    details = {**joining_details(workshop), **(context or {})}
    for delegate in delegates:
        delegate.workshop = workshop
        with_place = delegate.status == Delegate.Status.REGISTERED
        for addressee in found[delegate.pk]:
            yield delegate_due(
                kind,
                delegate,
                addressee,
                key=f"delegate:{delegate.pk}:{key}",
                subject=subject,
                message=message(delegate),
                you=you(delegate),
                context={**details, "with_details": with_place and ics is not None},
                attachments=[ics] if ics is not None and with_place else [],
            )


@register_event("workshop_changed", label="A workshop you are booked on moved or changed")
def workshop_changed(*, workshop: Workshop, changes: list[str], skip=()):
    what = "; ".join(changes)
    skipped = {d.pk for d in skip}
    which = f"Workshop {workshop.number} of {workshop.learning_set}"
    yield from _to_all(
        "workshop_changed",
        workshop,
        [d for d in _people(workshop) if d.pk not in skipped],
        key=f"changed:{workshop.sequence}",
        subject=f"{which} has changed: now {long_date(workshop.date)}",
        message=lambda d: (
            f"{which} has changed ({what}). {d.full_name} is "
            + ("still registered." if d.status == "registered" else "still on the waiting list.")
        ),
        you=lambda d: (
            f"{which} has changed ({what}). You are "
            + (
                "still registered: the calendar entry attached updates the one you have."
                if d.status == "registered"
                else "still on the waiting list."
            )
        ),
        ics=calendar_file(workshop),
    )


@register_event("workshop_cancelled", label="A workshop you are booked on is cancelled")
def workshop_cancelled(*, workshop: Workshop):
    which = f"Workshop {workshop.number} of {workshop.learning_set} on {long_date(workshop.date)}"
    yield from _to_all(
        "workshop_cancelled",
        workshop,
        _people(workshop),
        key="workshop-cancelled",
        subject=f"Cancelled: {which}",
        message=lambda d: f"{which} is cancelled: {d.full_name}'s place with it.",
        you=lambda d: (
            f"{which} is cancelled. The calendar entry attached removes it from your calendar."
        ),
        ics=calendar_file(workshop),
    )


@register_event("workshop_message", label="A message from a workshop's organisers")
def workshop_message(*, message: WorkshopMessage, delegates: list[Delegate]):
    workshop = message.workshop
    yield from _to_all(
        "workshop_message",
        workshop,
        delegates,
        key=f"message:{message.pk}",
        subject=message.subject,
        message=lambda d: f"A message for {d.full_name} from the organisers: {message.body}",
        you=lambda d: message.body,
        ics=None,
    )


@register_event("delegate_unreachable", label="A delegate no message can reach")
def delegate_unreachable(*, delegate: Delegate):
    """The organisers hear at once: nobody else will tell this person anything."""
    workshop = delegate.workshop
    for organiser in workshop.learning_set.organisers.all():
        yield Due(
            kind="delegate_unreachable",
            recipient=organiser,
            key=f"delegate:{delegate.pk}:unreachable",
            subject=f"{delegate.full_name} cannot be reached: print their joining instructions",
            url=workshop.get_absolute_url() + "#unreachable",
            context={
                "message": (
                    f"{delegate.full_name} ({delegate.site}) is booked on workshop "
                    f"{workshop.number} of {workshop.learning_set} with no email address, and "
                    "their site has no lead with one, so no message about the day can reach "
                    "them. Print their joining instructions from the workshop page and send "
                    "or hand them over."
                )
            },
        )
