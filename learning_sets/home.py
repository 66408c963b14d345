"""learning_sets' part of each person's work: their site's next workshops, an organiser's
workshops with places left and waiting lists, evaluations still missing, and the site's
registrations."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q

from accounts.registry import home_section

from .models import Evaluation, Workshop
from .selectors import upcoming_registrations_for, upcoming_workshops_organised_by

LIMIT = 10


@home_section(
    title="Your site's next workshops",
    order=30,
    template="learning_sets/_home_next_workshops.html",
    queries=1,
)
def next_workshops(page):
    """The next workshops of the learning sets my sites belong to."""
    if not page.team_site_ids:
        return None
    workshops = (
        Workshop.objects.filter(learning_set__sites__in=page.team_site_ids, date__gte=page.today)
        .distinct()
        .select_related("learning_set", "venue", "topic")
        .order_by("date", "pk")[:5]
    )
    return {"next_workshops": list(workshops)}


@home_section(
    title="Next workshops", order=70, template="learning_sets/_home_organised.html", queries=1
)
def organised_workshops(page):
    """The next workshops of my sets with places left and the waiting list."""
    if not page.is_organiser:
        return None
    workshops = list(
        Workshop.objects.filter(learning_set__organisers=page.user, date__gte=page.today)
        .select_related("learning_set", "venue", "topic")
        .annotate(
            registered=Count("delegates", filter=Q(delegates__status="registered")),
            waiting=Count("delegates", filter=Q(delegates__status="waiting")),
        )
        .order_by("date", "pk")[:LIMIT]
    )
    for workshop in workshops:
        capacity = workshop.capacity
        workshop.places_left = None if capacity is None else max(capacity - workshop.registered, 0)
    return {"organised_workshops": workshops}


@home_section(
    title="Missing evaluations",
    order=80,
    template="learning_sets/_home_evaluations.html",
    queries=1,
)
def missing_evaluations(page):
    """Workshops of my sets held in the last 60 days whose attendees have not all answered
    the evaluation."""
    if not page.is_organiser:
        return None
    unanswered = Q(delegates__attended=True) & ~Exists(
        Evaluation.objects.filter(delegate=OuterRef("delegates"))
    )
    workshops = (
        Workshop.objects.filter(
            learning_set__organisers=page.user,
            date__lt=page.today,
            date__gte=page.today - datetime.timedelta(days=60),
        )
        .select_related("learning_set")
        .annotate(
            attended=Count("delegates", filter=Q(delegates__attended=True)),
            unanswered=Count("delegates", filter=unanswered),
        )
        .filter(unanswered__gt=0)
        .order_by("-date", "pk")[:LIMIT]
    )
    return {"missing_evaluations": list(workshops)}


@home_section(
    title="Your workshops and registrations",
    order=130,
    template="learning_sets/_home_section.html",
    queries=2,
)
def workshops_and_registrations(page):
    return {
        "upcoming_workshops": (
            list(upcoming_workshops_organised_by(page.user, page.today))
            if page.is_organiser
            else None
        ),
        "upcoming_registrations": list(upcoming_registrations_for(page.user, page.today)),
    }
