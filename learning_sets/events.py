"""Events of workshop places (registered with ``notifications.registry``; raised by the
services): a registration tells the delegate, with the day's details and the calendar file,
and whoever registered them; a place given from the waiting list tells the delegate and
their site's leads. A delegate with no email address is told through their site's leads.
Every message to a delegate carries their personal link. Changes to the workshop itself are
in ``workshop_events.py``."""

from imroc.dates import long_date
from notifications.registry import Due, each_once, register_event
from sites.selectors import leads_by_site

from .messages import addressees, calendar_file, delegate_due, joining_details
from .models import Delegate


def _to_delegate(
    kind, delegate: Delegate, *, subject, message, you, details: bool, ics=None, again=""
):
    """``again`` tells a repeat (a place cancelled a second time) from the first."""
    workshop = delegate.workshop
    context = {**joining_details(workshop), "with_details": details}
    for addressee in addressees([delegate])[delegate.pk]:
        yield delegate_due(
            kind,
            delegate,
            addressee,
            key=f"delegate:{delegate.pk}:{kind}{again}",
            subject=subject,
            message=message,
            you=you,
            context=context,
            attachments=[ics or calendar_file(workshop)] if details or ics else [],
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


def _name(workshop) -> str:
    return f"{workshop.learning_set}, workshop {workshop.number}"


@register_event("delegate_registered", label="A workshop registration: yours or one you made")
def delegate_registered(*, delegate: Delegate, registrar_told: bool = True):
    """``registrar_told`` is False in a batch: the registrar hears once, of the batch."""
    workshop = delegate.workshop
    name = _name(workshop)
    waiting = delegate.status == Delegate.Status.WAITING
    which = f"workshop {workshop.number} of {workshop.learning_set}"
    if waiting:
        subject = f"{name}: you are on the waiting list"
        day = f"on {long_date(workshop.date)}: no place is free yet."
        message = f"{delegate.full_name} is on the waiting list for {which} {day}"
        you = f"You are on the waiting list for {which} {day} You will hear as soon as one is."
        message += " They will hear as soon as one is."
    else:
        subject = f"{name}: your place on {long_date(workshop.date)}"
        message = f"{delegate.full_name} is registered for {which}."
        you = f"You are registered for {which}."
    yield from _to_delegate(
        "delegate_registered",
        delegate,
        subject=subject,
        message=message,
        you=you,
        details=not waiting,
    )
    told = {a.recipient for a in addressees([delegate])[delegate.pk]}
    registrar = delegate.registered_by
    what = "on the waiting list for" if waiting else "for"
    yield from _to_people(
        "delegate_registered",
        delegate,
        [registrar] if registrar and registrar_told else [],
        subject=f"{name}: you registered {delegate.full_name}",
        message=(
            f"You registered {delegate.full_name} ({delegate.site}) {what} workshop "
            f"{workshop.number} of {workshop.learning_set} on {long_date(workshop.date)}."
        ),
        told=told,
    )


@register_event("delegate_promoted", label="A place on a workshop came free from the waiting list")
def delegate_promoted(*, delegate: Delegate):
    workshop = delegate.workshop
    name = _name(workshop)
    which = f"workshop {workshop.number} of {workshop.learning_set}"
    yield from _to_delegate(
        "delegate_promoted",
        delegate,
        subject=f"{name}: a place is yours on {long_date(workshop.date)}",
        message=f"A place came free: {delegate.full_name} is now registered for {which}.",
        you=f"A place came free: you are now registered for {which}.",
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
            f"list to registered for {which} on {long_date(workshop.date)}."
        ),
        told=told,
    )


@register_event("delegate_cancelled", label="Someone cancelled a workshop place")
def delegate_cancelled(*, delegate: Delegate):
    """The person whose place someone else cancelled, with the calendar entry that takes it
    out of their calendar."""
    workshop = delegate.workshop
    which = f"workshop {workshop.number} of {workshop.learning_set} on {long_date(workshop.date)}"
    by = delegate.cancelled_by
    who = (by.get_full_name() or by.username) if by else "The organisers"
    why = f" The reason given: {delegate.cancel_reason}" if delegate.cancel_reason else ""
    yield from _to_delegate(
        "delegate_cancelled",
        delegate,
        subject=f"{_name(workshop)}: your place is cancelled",
        message=f"{who} cancelled {delegate.full_name}'s place at {which}.{why}",
        you=f"{who} cancelled your place at {which}.{why} If this is a mistake, ask your "
        "site's lead or the organisers: they can give it back while the place is free.",
        details=False,
        ics=calendar_file(workshop, cancelled=True),
        again=f":{delegate.cancelled_at:%Y%m%d%H%M%S%f}" if delegate.cancelled_at else "",
    )


@register_event("delegate_restored", label="A cancelled workshop place was given back")
def delegate_restored(*, delegate: Delegate, when):
    workshop = delegate.workshop
    which = f"workshop {workshop.number} of {workshop.learning_set}"
    yield from _to_delegate(
        "delegate_restored",
        delegate,
        subject=f"{_name(workshop)}: your place is back",
        message=f"The cancellation was undone: {delegate.full_name} is registered for {which}.",
        you=f"The cancellation was undone: you are registered for {which} again.",
        details=True,
        again=f":{when:%Y%m%d%H%M%S%f}",
    )


@register_event("delegates_registered", label="A batch of workshop registrations you made")
def delegates_registered(*, delegates: list[Delegate], by):
    """One message for a whole batch, not one per person."""
    if not delegates or by is None:
        return
    workshop = delegates[0].workshop
    waiting = [d for d in delegates if d.status == Delegate.Status.WAITING]
    names = ", ".join(d.full_name for d in delegates)
    yield Due(
        kind="delegates_registered",
        recipient=by,
        key=f"batch:{workshop.pk}:{delegates[0].pk}-{delegates[-1].pk}",
        subject=f"{_name(workshop)}: you registered {len(delegates)} people",
        url=workshop.get_absolute_url(),
        context={
            **joining_details(workshop),
            "message": (
                f"You registered {len(delegates)} people ({delegates[0].site}) for workshop "
                f"{workshop.number} of {workshop.learning_set} on {long_date(workshop.date)}"
                f"{f', {len(waiting)} of them on the waiting list' if waiting else ''}: {names}."
            ),
        },
    )


from . import workshop_events  # noqa: E402, F401  (the workshop-wide events, found with these)
