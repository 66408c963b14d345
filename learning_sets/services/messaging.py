"""An organiser's message to a workshop's delegates: one email each (through their lead
when they have no email), with their personal link, kept on the workshop."""

from django.db import transaction

from notifications.services import notify

from ..models import Delegate, Workshop, WorkshopMessage


def message_audience(workshop: Workshop, audience: str, site=None):
    people = workshop.delegates.exclude(status=Delegate.Status.CANCELLED)
    if audience == WorkshopMessage.Audience.REGISTERED:
        people = people.filter(status=Delegate.Status.REGISTERED)
    elif audience == WorkshopMessage.Audience.WAITING:
        people = people.filter(status=Delegate.Status.WAITING)
    else:
        people = people.filter(site=site)
    return people.select_related("site").order_by("created_at", "pk")


@transaction.atomic
def workshop_message_send(
    *, workshop: Workshop, audience: str, site, subject: str, body: str, by
) -> WorkshopMessage:
    delegates = list(message_audience(workshop, audience, site))
    message = WorkshopMessage.objects.create(
        workshop=workshop,
        audience=audience,
        site=site if audience == WorkshopMessage.Audience.SITE else None,
        subject=subject.strip(),
        body=body.strip(),
        sent_by=by,
        recipients=len(delegates),
    )
    notify("workshop_message", message=message, delegates=delegates)
    return message
