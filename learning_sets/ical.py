"""A workshop as an iCalendar (.ics) file: downloaded from its page and the delegate's own
page, and attached to what delegates are sent. One UID per workshop for its whole life and a
SEQUENCE raised on every change, so Outlook and Google update the entry they already hold
(RFC 5546: METHOD:REQUEST for the current day, METHOD:CANCEL when it is off)."""

import datetime
import zoneinfo
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

REQUEST, CANCEL = "REQUEST", "CANCEL"


def one_line(text: str) -> str:
    """An address typed over several lines, as one line of comma-separated parts."""
    return ", ".join(part.strip(" ,") for part in text.splitlines() if part.strip(" ,"))


def workshop_ics(workshop, *, cancelled: bool = False) -> bytes:
    """The workshop's entry, cancelled when the workshop is (or ``cancelled``, for one
    delegate's place). Reads ``workshop.learning_set``, ``venue`` and ``agenda_items``
    (select or prefetch them when building many)."""
    cancelled = cancelled or workshop.is_cancelled
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//ImROC programme//Learning sets//EN")
    calendar.add("version", "2.0")
    calendar.add("method", CANCEL if cancelled else REQUEST)
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}@imroc")
    event.add("sequence", workshop.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", datetime.datetime.combine(workshop.date, workshop.start_time, zone))
    event.add("dtend", datetime.datetime.combine(workshop.date, workshop.end_time, zone))
    event.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    event.add("summary", f"{workshop.learning_set}: {workshop}")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if workshop.venue:
        event.add("location", one_line(f"{workshop.venue.name}\n{workshop.venue.address}"))
    agenda = "\n".join(
        f"{item.start_time:%H:%M}-{item.end_time:%H:%M} {item}"
        for item in workshop.agenda_items.all()
    )
    event.add("description", agenda or "ImROC learning-set workshop")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def ics_filename(workshop) -> str:
    return f"imroc-workshop-{workshop.pk}.ics"
