"""State changes of learning sets, their workshops and agendas."""

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone

from imroc.dates import weekday_date
from notifications.services import notify
from sites.figures import figures_changed

from ..models import (
    WORKSHOPS_PER_SET,
    AgendaItem,
    LearningSet,
    Topic,
    TopicChoice,
    Venue,
    Workshop,
)
from ..scheduling import series_dates
from .delegates import _locked, _promote_waiting

# Learning sets -----------------------------------------------------------------------------


@transaction.atomic
def learning_set_create(
    *, name, organisers, sites, start_date, status, release_days=14
) -> LearningSet:
    learning_set = LearningSet.objects.create(
        name=name, start_date=start_date, status=status, release_days=release_days
    )
    learning_set.organisers.set(organisers)
    learning_set.sites.set(sites)
    figures_changed()
    return learning_set


@transaction.atomic
def learning_set_update(
    *, learning_set: LearningSet, name, organisers, sites, start_date, status, release_days=14
) -> LearningSet:
    learning_set.release_days = release_days
    learning_set.name = name
    learning_set.start_date = start_date
    learning_set.status = status
    learning_set.save()
    learning_set.organisers.set(organisers)
    learning_set.sites.set(sites)
    figures_changed()
    return learning_set


@transaction.atomic
def topic_choices_record(*, learning_set: LearningSet, site, topics: list[Topic]) -> None:
    """Replace the site's ranked choices: ``topics[0]`` is its first choice."""
    TopicChoice.objects.filter(learning_set=learning_set, site=site).delete()
    TopicChoice.objects.bulk_create(
        TopicChoice(learning_set=learning_set, site=site, topic=topic, rank=rank)
        for rank, topic in enumerate(topics, start=1)
    )


def topic_ranking(learning_set: LearningSet) -> list[tuple[Topic, int]]:
    """Topics by the members' votes (a first choice of n counts n points, the last 1), the
    library's order breaking ties and listing topics nobody chose."""
    choices = list(
        TopicChoice.objects.filter(learning_set=learning_set).values_list(
            "site_id", "topic_id", "rank"
        )
    )
    per_site = Counter(site_id for site_id, _, _ in choices)
    points = Counter()
    for site_id, topic_id, rank in choices:
        points[topic_id] += per_site[site_id] - rank + 1
    topics = list(Topic.objects.all())
    topics.sort(key=lambda topic: (-points[topic.pk], topic.position, topic.name))
    return [(topic, points[topic.pk]) for topic in topics]


def venue_save(*, venue: Venue | None = None, **fields) -> Venue:
    venue = venue or Venue()
    for name, value in fields.items():
        setattr(venue, name, value)
    venue.save()
    return venue


# Workshops ---------------------------------------------------------------------------------


@transaction.atomic
def workshop_series_create(
    *, learning_set: LearningSet, first_date, months_apart: int, start_time, end_time, venue=None
) -> list[Workshop]:
    """The six workshops of a set, ``months_apart`` apart on working days, topics in the
    members' order."""
    LearningSet.objects.select_for_update().get(pk=learning_set.pk)
    if learning_set.workshops.exists():
        raise ValueError("This learning set already has its workshops.")
    topics = [topic for topic, _ in topic_ranking(learning_set)][:WORKSHOPS_PER_SET]
    dates = series_dates(first_date, months_apart, WORKSHOPS_PER_SET)
    figures_changed()
    return [
        Workshop.objects.create(
            learning_set=learning_set,
            number=number,
            date=dates[number - 1],
            start_time=start_time,
            end_time=end_time,
            venue=venue,
            topic=topics[number - 1] if number - 1 < len(topics) else None,
            places_release_date=dates[number - 1]
            - datetime.timedelta(days=learning_set.release_days),
        )
        for number in range(1, WORKSHOPS_PER_SET + 1)
    ]


def _changes(workshop: Workshop, date, start_time, end_time, venue) -> list[str]:
    """What a delegate's calendar must take, in words."""
    changes = []
    if date != workshop.date:
        changes.append(f"moved from {weekday_date(workshop.date)} to {weekday_date(date)}")
    if (start_time, end_time) != (workshop.start_time, workshop.end_time):
        changes.append(f"now {start_time:%H:%M} to {end_time:%H:%M}")
    if venue != workshop.venue:
        changes.append(f"now at {venue.name}" if venue else "the venue is to be confirmed")
    return changes


@transaction.atomic
def workshop_update(
    *, workshop: Workshop, date, start_time, end_time, venue, topic, places_release_date=None
) -> Workshop:
    """Move one workshop or change its venue; a bigger room or released places let waiting
    delegates in. A change of day, times or venue raises the calendar SEQUENCE and tells
    everyone with a place or waiting (those just given a place hear that instead)."""
    workshop = _locked(workshop)
    changes = _changes(workshop, date, start_time, end_time, venue)
    workshop.date, workshop.start_time, workshop.end_time = date, start_time, end_time
    workshop.venue, workshop.topic = venue, topic
    workshop.places_release_date = places_release_date
    if changes:
        workshop.sequence += 1
    workshop.save()
    promoted = _promote_waiting(workshop)
    if changes:
        notify("workshop_changed", workshop=workshop, changes=changes, skip=promoted)
    figures_changed()
    return workshop


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, by) -> Workshop:
    """Call the day off: everyone with a place or waiting is told, and calendars drop it."""
    workshop = _locked(workshop)
    if workshop.cancelled_at is None:
        workshop.cancelled_at = timezone.now()
        workshop.sequence += 1
        workshop.save(update_fields=["cancelled_at", "sequence"])
        notify("workshop_cancelled", workshop=workshop)
    figures_changed()
    return workshop


STANDARD_AGENDA = [
    (AgendaItem.Kind.EXPERT_PRESENTATION, 0, 60),
    (AgendaItem.Kind.BREAK, 60, 75),
    (AgendaItem.Kind.PRACTICAL_EXAMPLE, 75, 135),
    (AgendaItem.Kind.LUNCH, 135, 180),
    (AgendaItem.Kind.SERVICE_USER_COMMENTS, 180, 225),
    (AgendaItem.Kind.DISCUSSION, 225, 270),
    (AgendaItem.Kind.MARKET_STALLS, 270, 330),
]


def _at(workshop: Workshop, minutes: int) -> datetime.time:
    start = datetime.datetime.combine(workshop.date, workshop.start_time)
    return min(
        start + datetime.timedelta(minutes=minutes),
        datetime.datetime.combine(workshop.date, workshop.end_time),
    ).time()


@transaction.atomic
def agenda_standard_add(*, workshop: Workshop) -> list[AgendaItem]:
    """The method's day: expert talk, a break, a member's practical example, lunch, service
    users' comments, discussion and market stalls, timed from the workshop's start."""
    items = []
    for kind, start, end in STANDARD_AGENDA:
        start_time, end_time = _at(workshop, start), _at(workshop, end)
        if end_time <= start_time:
            break
        items.append(
            AgendaItem.objects.create(
                workshop=workshop, kind=kind, start_time=start_time, end_time=end_time
            )
        )
    return items


@transaction.atomic
def agenda_item_save(
    *, workshop: Workshop, item: AgendaItem | None = None, stall_sites=(), **fields
) -> AgendaItem:
    item = item or AgendaItem(workshop=workshop)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    item.stall_sites.set(stall_sites if item.kind == AgendaItem.Kind.MARKET_STALLS else [])
    return item


def agenda_item_remove(*, item: AgendaItem) -> None:
    item.delete()
