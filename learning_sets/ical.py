"""A workshop as an iCalendar (.ics) file: downloaded from its page and attached to the
reminders its delegates get."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def workshop_ics(workshop) -> bytes:
    """Reads ``workshop.learning_set``, ``venue`` and ``agenda_items`` (select or prefetch
    them when building many)."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//ImROC programme//Learning sets//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}@imroc")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", datetime.datetime.combine(workshop.date, workshop.start_time, zone))
    event.add("dtend", datetime.datetime.combine(workshop.date, workshop.end_time, zone))
    event.add("summary", f"{workshop.learning_set}: {workshop}")
    if workshop.venue:
        event.add(
            "location", f"{workshop.venue.name}, {workshop.venue.address}".replace("\n", ", ")
        )
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
