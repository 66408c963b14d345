"""Demo learning sets: two sets of seven mixed sites, six workshops each, the past ones
with attendance and evaluations, the next one with registrations. Built through the
services, so it obeys the limits; safe to run again."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from notifications.services import quiet
from sites.models import Site

from . import services
from .models import AgendaItem, LearningSet, Topic, Venue
from .scheduling import add_months

SETS = [
    (
        "South West and Midlands learning set",
        -13,
        "Exeter Corn Exchange",
        [
            "Devon Partnership NHS Trust",
            "Nottingham University Hospitals NHS Foundation Trust",
            "Dorset Wellbeing & Recovery Partnership",
            "St Andrew's Healthcare",
            "Avon & Wiltshire (Fromside)",
            "Coventry & Warwickshire NHS Partnership Trust",
            "Herefordshire Partnership NHS Foundation Trust",
        ],
    ),
    (
        "North West and London learning set",
        -7,
        "Manchester Central Library conference rooms",
        [
            "Mersey Care NHS Trust",
            "Manchester Mental Health & Social Care Trust",
            "South West London and St George's Mental Health NHS Trust",
            "Central and North West London NHS Foundation Trust",
            "Cheshire & Wirral Partnership NHS Foundation Trust",
            "5 Boroughs Partnership NHS Foundation Trust",
            "East London NHS Foundation Trust",
        ],
    ),
]
VENUES = {
    "Exeter Corn Exchange": (
        "Market Street, Exeter EX1 1BW",
        60,
        "Step-free entrance and lift; hearing loop; quiet room on request.",
    ),
    "Manchester Central Library conference rooms": (
        "St Peter's Square, Manchester M2 5PD",
        70,
        "Step-free access from St Peter's Square; accessible toilets on every floor.",
    ),
}
SPEAKERS = [
    "Dr Rachel Perkins",
    "Professor Geoff Shepherd",
    "Dr Jed Boardman",
    "Julie Repper",
    "Professor Mike Slade",
    "Dr Miles Rinaldi",
]
FIRST = ["Alex", "Bea", "Cal", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jas", "Kim", "Lou"]
LAST = ["Ashby", "Brook", "Carver", "Dunn", "Ellis", "Frost", "Gale", "Hart", "Irwin", "Jones"]
# About one delegate in seven a service user or carer, as in the programme (101 of 751).
PERSPECTIVES = [
    "nhs_professional",
    "nhs_professional",
    "nhs_professional",
    "third_sector",
    "service_user",
    "nhs_professional",
    "nhs_professional",
    "staff_lived",
    "nhs_professional",
    "other",
    "nhs_professional",
    "carer",
    "nhs_professional",
    "third_sector",
    "nhs_professional",
]
TAKE_BACK = [
    "Start co-producing our induction training with people who use our services.",
    "Talk to our board about a recovery college pilot.",
    "Share the peer support worker job description with HR.",
    "Review how our team writes safety plans, with service users.",
    "Set up a market stall at our own staff conference.",
]


def load(*, today: datetime.date) -> str:
    organiser = get_user_model().objects.get(username="organiser")
    sites_by_name = {site.name: site for site in Site.objects.all()}
    topics = list(Topic.objects.all())
    registered = 0
    for name, months_ago, venue_name, site_names in SETS:
        members = [sites_by_name[site_name] for site_name in site_names]
        venue = _venue(venue_name)
        learning_set = LearningSet.objects.filter(name=name).first()
        first_date = _weekday(add_months(today, months_ago))
        if learning_set is None:
            learning_set = services.learning_set_create(
                name=name,
                organisers=[organiser],
                sites=members,
                start_date=first_date,
                status=LearningSet.Status.RUNNING,
            )
            for offset, site in enumerate(members):
                picks = [topics[(offset + step) % len(topics)] for step in (0, 2, 3)]
                services.topic_choices_record(learning_set=learning_set, site=site, topics=picks)
        if not learning_set.workshops.exists():
            services.workshop_series_create(
                learning_set=learning_set,
                first_date=first_date,
                months_apart=3,
                start_time=datetime.time(10),
                end_time=datetime.time(16),
                venue=venue,
            )
        workshops = list(learning_set.workshops.order_by("number"))
        next_one = next((w for w in workshops if not w.has_happened(today)), None)
        for workshop in workshops:
            if workshop.has_happened(today) or workshop == next_one:
                _agenda(workshop, members)
                with quiet():  # made-up registrations: nobody is emailed about them
                    registered += _delegates(
                        workshop, members, organiser, held=workshop.has_happened(today)
                    )
    return f"{len(SETS)} learning sets, {registered} delegates registered"


def _weekday(day: datetime.date) -> datetime.date:
    """Workshops fall on a weekday."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _venue(name: str) -> Venue:
    venue = Venue.objects.filter(name=name).first()
    if venue is None:
        address, capacity, notes = VENUES[name]
        venue = services.venue_save(
            name=name, address=address, capacity=capacity, accessibility_notes=notes
        )
    return venue


def _agenda(workshop, members) -> None:
    if workshop.agenda_items.exists():
        return
    for item in services.agenda_standard_add(workshop=workshop):
        fields = {"kind": item.kind, "start_time": item.start_time, "end_time": item.end_time}
        stalls = []
        if item.kind == AgendaItem.Kind.EXPERT_PRESENTATION:
            fields["speaker"] = SPEAKERS[(workshop.number - 1) % len(SPEAKERS)]
        elif item.kind == AgendaItem.Kind.PRACTICAL_EXAMPLE:
            fields["site"] = members[(workshop.number - 1) % len(members)]
        elif item.kind == AgendaItem.Kind.MARKET_STALLS:
            stalls = members[workshop.number % len(members) :][:3]
        services.agenda_item_save(workshop=workshop, item=item, stall_sites=stalls, **fields)


def _email(name, workshop, n, site, perspective) -> str:
    """Carers come without an email address: their lead passes the details on."""
    if perspective == "carer":
        return ""
    return f"{slugify(name)}.{workshop.pk}.{n}@{site.slug[:24]}.example"


def _delegates(workshop, members, organiser, *, held: bool) -> int:
    if workshop.delegates.exists():
        return 0
    rng = random.Random(f"{workshop.learning_set.name}-{workshop.number}")
    count = 0
    everyone = [f"{first} {last}" for first in FIRST for last in LAST]
    for site in members:
        for n, name in enumerate(rng.sample(everyone, rng.randint(3, 7))):
            perspective = PERSPECTIVES[(n + count) % len(PERSPECTIVES)]
            delegate = services.delegate_register(
                workshop=workshop,
                site=site,
                full_name=name,
                email=_email(name, workshop, n, site, perspective),
                perspective=perspective,
                dietary_needs="Vegetarian" if rng.random() < 0.2 else "",
                access_needs="Step-free access" if rng.random() < 0.1 else "",
                by=organiser,
                waiting_list_ok=True,
            )
            count += 1
            if held and delegate.status == delegate.Status.REGISTERED and rng.random() < 0.85:
                services.attendance_mark(delegate=delegate, attended=True)
                if rng.random() < 0.6:
                    services.evaluation_submit(
                        delegate=delegate,
                        overall_rating=rng.choice([3, 4, 4, 5, 5]),
                        usefulness=rng.choice([3, 4, 5, 5]),
                        take_back=rng.choice(TAKE_BACK),
                    )
    return count
