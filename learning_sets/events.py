"""Events of workshop places (registered with ``notifications.registry``; raised by the
services): a registration tells the delegate, with the day's details and the calendar file,
and whoever registered them; a place given from the waiting list tells the delegate and
their site's leads. A delegate with no email address is told through their site's leads."""

from notifications.registry import Due, each_once, register_event
from sites.selectors import leads_by_site

from .messages import addressees, calendar_file, joining_details
from .models import Delegate


def _to_delegate(kind: str, delegate: Delegate, *, subject: str, message: str, details: bool):
    workshop = delegate.workshop
    context = {**joining_details(workshop), "with_details": details}
    for addressee in addressees([delegate])[delegate.pk]:
        yield Due(
            kind=kind,
            recipient=addressee.recipient,
            key=f"delegate:{delegate.pk}:{kind}{addressee.key(delegate)}",
            subject=addressee.subject(subject),
            url=workshop.get_absolute_url(),
            context={**context, "message": addressee.message(message)},
            attachments=[calendar_file(workshop)] if details else [],
        )


def _to_people(kind, delegate: Delegate, people, *, subject: str, message: str, told: set):
    for person in people:
        if person in told:
            continue
        told.add(person)
        yield Due(
            kind=kind,
            recipient=person,
            key=f"delegate:{delegate.pk}:{kind}:about",
            subject=subject,
            url=delegate.workshop.get_absolute_url(),
            context={**joining_details(delegate.workshop), "message": message},
        )


@register_event("delegate_registered", label="A workshop registration: yours or one you made")
def delegate_registered(*, delegate: Delegate):
    workshop = delegate.workshop
    name = f"{workshop.learning_set}, workshop {workshop.number}"
    waiting = delegate.status == Delegate.Status.WAITING
    if waiting:
        subject = f"{name}: you are on the waiting list"
        message = (
            f"{delegate.full_name} is on the waiting list for workshop {workshop.number} of "
            f"{workshop.learning_set} on {workshop.date:%-d %B %Y}: no place is free yet. "
            "You will hear as soon as one is."
        )
    else:
        subject = f"{name}: your place on {workshop.date:%-d %B %Y}"
        message = (
            f"{delegate.full_name} is registered for workshop {workshop.number} of "
            f"{workshop.learning_set}."
        )
    yield from _to_delegate(
        "delegate_registered", delegate, subject=subject, message=message, details=not waiting
    )
    told = {a.recipient for a in addressees([delegate])[delegate.pk]}
    registrar = delegate.registered_by
    what = "on the waiting list for" if waiting else "for"
    yield from _to_people(
        "delegate_registered",
        delegate,
        [registrar] if registrar else [],
        subject=f"{name}: you registered {delegate.full_name}",
        message=(
            f"You registered {delegate.full_name} ({delegate.site}) {what} workshop "
            f"{workshop.number} of {workshop.learning_set} on {workshop.date:%-d %B %Y}."
        ),
        told=told,
    )


@register_event("delegate_promoted", label="A place on a workshop came free from the waiting list")
def delegate_promoted(*, delegate: Delegate):
    workshop = delegate.workshop
    name = f"{workshop.learning_set}, workshop {workshop.number}"
    yield from _to_delegate(
        "delegate_promoted",
        delegate,
        subject=f"{name}: a place is yours on {workshop.date:%-d %B %Y}",
        message=(
            f"A place came free: {delegate.full_name} is now registered for workshop "
            f"{workshop.number} of {workshop.learning_set}."
        ),
        details=True,
    )
    told = {a.recipient for a in addressees([delegate])[delegate.pk]}
    people = each_once(
        leads_by_site([delegate.site_id]).get(delegate.site_id, []), [delegate.registered_by]
    )
    yield from _to_people(
        "delegate_promoted",
        delegate,
        people,
        subject=f"{name}: {delegate.full_name} has a place now",
        message=(
            f"A place came free: {delegate.full_name} ({delegate.site}) moved from the waiting "
            f"list to registered for workshop {workshop.number} of {workshop.learning_set} on "
            f"{workshop.date:%-d %B %Y}."
        ),
        told=told,
    )
