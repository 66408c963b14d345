"""State changes of learning sets, workshops, delegates and evaluations."""

import calendar
import datetime
import secrets
from collections import Counter

from django.db import IntegrityError, transaction

from notifications.services import notify

from .models import (
    MAX_DELEGATES_PER_SITE,
    WORKSHOPS_PER_SET,
    AgendaItem,
    Delegate,
    Evaluation,
    LearningSet,
    Topic,
    TopicChoice,
    Venue,
    Workshop,
)


class PlaceLimitReached(Exception):
    """No place is free; ``limit`` says which rule was hit ("site" or "venue")."""

    def __init__(self, message: str, *, limit: str):
        super().__init__(message)
        self.limit = limit


class EvaluationAlreadyReceived(Exception):
    pass


class AlreadyRegistered(Exception):
    """Someone registered this email for the workshop in the meantime."""


# Learning sets -----------------------------------------------------------------------------


@transaction.atomic
def learning_set_create(*, name, organisers, sites, start_date, status) -> LearningSet:
    learning_set = LearningSet.objects.create(name=name, start_date=start_date, status=status)
    learning_set.organisers.set(organisers)
    learning_set.sites.set(sites)
    return learning_set


@transaction.atomic
def learning_set_update(
    *, learning_set: LearningSet, name, organisers, sites, start_date, status
) -> LearningSet:
    learning_set.name = name
    learning_set.start_date = start_date
    learning_set.status = status
    learning_set.save()
    learning_set.organisers.set(organisers)
    learning_set.sites.set(sites)
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


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@transaction.atomic
def workshop_series_create(
    *, learning_set: LearningSet, first_date, months_apart: int, start_time, end_time, venue=None
) -> list[Workshop]:
    """The six workshops of a set, ``months_apart`` apart, topics in the members' order."""
    LearningSet.objects.select_for_update().get(pk=learning_set.pk)
    if learning_set.workshops.exists():
        raise ValueError("This learning set already has its workshops.")
    topics = [topic for topic, _ in topic_ranking(learning_set)][:WORKSHOPS_PER_SET]
    return [
        Workshop.objects.create(
            learning_set=learning_set,
            number=number,
            date=add_months(first_date, months_apart * (number - 1)),
            start_time=start_time,
            end_time=end_time,
            venue=venue,
            topic=topics[number - 1] if number - 1 < len(topics) else None,
        )
        for number in range(1, WORKSHOPS_PER_SET + 1)
    ]


@transaction.atomic
def workshop_update(*, workshop: Workshop, date, start_time, end_time, venue, topic) -> Workshop:
    """Move one workshop or change its venue; a bigger room lets waiting delegates in."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    workshop.date, workshop.start_time, workshop.end_time = date, start_time, end_time
    workshop.venue, workshop.topic = venue, topic
    workshop.save()
    _promote_waiting(workshop)
    return workshop


STANDARD_AGENDA = [
    (AgendaItem.Kind.EXPERT_PRESENTATION, 0, 60),
    (AgendaItem.Kind.PRACTICAL_EXAMPLE, 75, 135),
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
    """The method's day: expert talk, a member's practical example, service users' comments,
    discussion and market stalls, timed from the workshop's start (the gap is lunch)."""
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


# Delegates ---------------------------------------------------------------------------------


def evaluation_token_new() -> str:
    """An unguessable link key: the delegate's only credential for their evaluation."""
    return secrets.token_urlsafe(32)


def _place_problem(workshop: Workshop, site_id: int) -> PlaceLimitReached | None:
    registered = workshop.delegates.filter(status=Delegate.Status.REGISTERED)
    if registered.filter(site_id=site_id).count() >= MAX_DELEGATES_PER_SITE:
        return PlaceLimitReached(
            f"This site already has {MAX_DELEGATES_PER_SITE} delegates registered, the most a "
            "site may send to a workshop.",
            limit="site",
        )
    capacity = workshop.capacity
    if capacity is not None and registered.count() >= capacity:
        return PlaceLimitReached(
            f"The workshop is full: the venue holds {capacity} people and all places are taken.",
            limit="venue",
        )
    return None


@transaction.atomic
def delegate_register(
    *,
    workshop: Workshop,
    site,
    full_name: str,
    email: str,
    perspective: str,
    dietary_needs: str = "",
    access_needs: str = "",
    by=None,
    waiting_list_ok: bool = False,
) -> Delegate:
    """Register a delegate, or put them on the waiting list when ``waiting_list_ok``; they
    (or, with no email address, their site's leads) and whoever registered them are told.

    The workshop row is locked first, so two people taking the last place at once are
    served one after the other and exactly one gets it."""
    workshop = (
        Workshop.objects.select_related("venue").select_for_update(of=("self",)).get(pk=workshop.pk)
    )
    email = email.strip().lower()
    if workshop.delegates.exclude(status=Delegate.Status.CANCELLED).filter(email=email).exists():
        raise AlreadyRegistered(f"{email} is already registered for this workshop.")
    problem = _place_problem(workshop, site.pk)
    if problem is not None and not waiting_list_ok:
        raise problem
    delegate = Delegate.objects.create(
        workshop=workshop,
        site=site,
        full_name=full_name,
        email=email,
        perspective=perspective,
        dietary_needs=dietary_needs,
        access_needs=access_needs,
        status=Delegate.Status.WAITING if problem else Delegate.Status.REGISTERED,
        token=evaluation_token_new(),
        registered_by=by,
    )
    notify("delegate_registered", delegate=delegate)
    return delegate


@transaction.atomic
def delegate_update(
    *, delegate: Delegate, full_name, email, perspective, dietary_needs, access_needs
) -> Delegate:
    delegate.full_name = full_name
    delegate.email = email.strip().lower()
    delegate.perspective = perspective
    delegate.dietary_needs = dietary_needs
    delegate.access_needs = access_needs
    delegate.save()
    return delegate


@transaction.atomic
def delegate_cancel(*, delegate: Delegate) -> list[Delegate]:
    """Cancel a place and, in the same transaction, give freed places to the waiting list."""
    workshop = (
        Workshop.objects.select_related("venue")
        .select_for_update(of=("self",))
        .get(pk=delegate.workshop_id)
    )
    delegate.status = Delegate.Status.CANCELLED
    delegate.attended = False
    delegate.save(update_fields=["status", "attended"])
    return _promote_waiting(workshop)


def _promote_waiting(workshop: Workshop) -> list[Delegate]:
    """First come, first served; someone whose site is at its limit waits on (call with the
    workshop row locked). Each one promoted and their site's leads are told."""
    promoted = []
    waiting = workshop.delegates.filter(status=Delegate.Status.WAITING).order_by("created_at", "pk")
    for candidate in waiting:
        if _place_problem(workshop, candidate.site_id) is None:
            candidate.status = Delegate.Status.REGISTERED
            candidate.save(update_fields=["status"])
            notify("delegate_promoted", delegate=candidate)
            promoted.append(candidate)
    return promoted


def attendance_mark(*, delegate: Delegate, attended: bool) -> Delegate:
    if delegate.status != Delegate.Status.REGISTERED:
        raise ValueError("Only registered delegates can be marked as attending.")
    Delegate.objects.filter(pk=delegate.pk).update(attended=attended)
    delegate.attended = attended
    return delegate


# Evaluations -------------------------------------------------------------------------------


def evaluation_submit(
    *,
    delegate: Delegate,
    overall_rating: int,
    usefulness: int,
    take_back: str = "",
    comments: str = "",
) -> Evaluation:
    """Once per delegate: the one-to-one key refuses a second answer even from two tabs."""
    try:
        with transaction.atomic():
            return Evaluation.objects.create(
                delegate=delegate,
                overall_rating=overall_rating,
                usefulness=usefulness,
                take_back=take_back,
                comments=comments,
            )
    except IntegrityError as error:
        if Evaluation.objects.filter(delegate=delegate).exists():
            raise EvaluationAlreadyReceived from error
        raise
