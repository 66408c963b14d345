"""Demo support, outcomes and reviews on the 2011-2012 programme's timeline (moved to end
today), built through the services. Safe to run again: each kind of row is added only to an
empty table.

Figures follow the June 2012 briefing: about 75 site visits and advice sessions, email and
phone advice more frequent than visits, 3 recovery colleges open and 4 planned."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from challenges.models import Challenge
from sites.models import Site

from . import services
from .models import (
    ProgrammeOutcome,
    ProgressReview,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)

K = SupportLogEntry.Kind
START, END = datetime.date(2011, 4, 1), datetime.date(2012, 12, 14)
# How often each kind of support happens, and the hours it takes.
KINDS = [
    (K.EMAIL_ADVICE, 30, (0.5, 1.5)),
    (K.PHONE_ADVICE, 22, (0.5, 1.5)),
    (K.SITE_VISIT, 12, (5, 7.5)),
    (K.TRAINING_SESSION, 6, (3, 7)),
    (K.OTHER, 5, (1, 3)),
]
PEER_TRAINERS = ["Jane Whitby", "Mark Ellison"]
TOPICS = {
    K.EMAIL_ADVICE: "Comments on the draft plan",
    K.PHONE_ADVICE: "Advice on next steps",
    K.SITE_VISIT: "Review against the key challenges",
    K.TRAINING_SESSION: "Recovery principles workshop",
    K.OTHER: "Board briefing paper",
}

COURSES = [
    ("Devon Partnership NHS Trust", "Understanding recovery", "front_line", 18, 6, True, 2011, 9),
    ("Devon Partnership NHS Trust", "Recovery-focused leadership", "board", 9, 2, True, 2012, 2),
    (
        "Devon Partnership NHS Trust",
        "Working alongside peer workers",
        "managers",
        14,
        3,
        False,
        2012,
        5,
    ),
    (
        "Mersey Care NHS Trust",
        "Positive risk-taking and safety planning",
        "front_line",
        22,
        5,
        True,
        2011,
        11,
    ),
    ("Mersey Care NHS Trust", "Recovery-focused leadership", "board", 8, 1, False, 2012, 3),
    (
        "Southern Health NHS Foundation Trust",
        "Co-producing care plans",
        "front_line",
        16,
        8,
        True,
        2012,
        1,
    ),
    (
        "Central and North West London NHS Foundation Trust",
        "WRAP for staff",
        "front_line",
        20,
        6,
        True,
        2011,
        10,
    ),
    ("St Andrew's Healthcare", "Understanding recovery", "managers", 12, 2, False, 2012, 4),
    (
        "West London Mental Health NHS Trust",
        "Hope and agency in everyday practice",
        "front_line",
        25,
        4,
        True,
        2012,
        6,
    ),
    (
        "Hertfordshire Partnership NHS Foundation Trust",
        "Personal budgets and choice",
        "managers",
        11,
        3,
        False,
        2012,
        7,
    ),
    (
        "Manchester Mental Health & Social Care Trust",
        "Understanding recovery",
        "front_line",
        19,
        5,
        True,
        2012,
        9,
    ),
]

# site -> [(recorded on, risk review, budgets, IPS, INSPIRE, WRAP, Recovery Star)]. Peer
# workers and recovery colleges are the peer-support and colleges apps' own demo data.
OUTCOMES = {
    "Devon Partnership NHS Trust": [
        ((2011, 9, 30), "none", 0, "none", False, True, False),
        ((2012, 6, 30), "under_way", 15, "planned", True, True, False),
    ],
    "South West London and St George's Mental Health NHS Trust": [
        ((2012, 3, 31), "done", 30, "running", True, True, True),
    ],
    "Nottingham University Hospitals NHS Foundation Trust": [
        ((2012, 3, 31), "under_way", 12, "running", False, True, True),
    ],
    "Central and North West London NHS Foundation Trust": [
        ((2011, 12, 31), "under_way", 0, "planned", True, False, False),
        ((2012, 6, 30), "under_way", 5, "planned", True, True, False),
    ],
    "Mersey Care NHS Trust": [
        ((2012, 6, 30), "done", 0, "running", False, False, True),
    ],
    "Southern Health NHS Foundation Trust": [
        ((2012, 6, 30), "under_way", 8, "none", True, False, False),
    ],
    "Hertfordshire Partnership NHS Foundation Trust": [
        ((2012, 6, 30), "done", 40, "running", False, True, True),
    ],
}

DEVON = "Devon Partnership NHS Trust"
REVIEWS = [
    {
        "review_date": datetime.date(2011, 10, 14),
        "period_start": datetime.date(2011, 4, 1),
        "period_end": datetime.date(2011, 10, 13),
        "status": ProgressReview.Status.SOME_CONCERNS,
        "progress": "The project group is formed, with a service user and a carer. The "
        "self-assessment is done; peer worker posts are agreed in principle.",
        "risks": "No board sponsor time yet; the recovery college has no premises.",
        "next_review_due": datetime.date(2012, 1, 31),
        "actions": [
            ("Name a board sponsor with protected time", "Ruth Penrose", (2011, 12, 1), True),
            ("Draft the peer support worker job description", "Lee Harper", (2011, 11, 30), True),
            ("Look for recovery college premises", "Kofi Mensah", (2012, 1, 31), False),
        ],
        "response": "Thank you. The board sponsor is agreed from November, and we have two "
        "possible buildings for the college.",
    },
    {
        "review_date": datetime.date(2012, 2, 10),
        "period_start": datetime.date(2011, 10, 14),
        "period_end": datetime.date(2012, 2, 9),
        "status": ProgressReview.Status.ON_TRACK,
        "progress": "Four peer support workers employed; first recovery-focused leadership "
        "session for the board held with a peer trainer.",
        "risks": "Recovery college funding beyond March 2013 is uncertain.",
        "next_review_due": datetime.date(2012, 5, 10),
        "actions": [
            (
                "Write the recovery college prospectus with students",
                "Dan Ellery",
                (2012, 4, 30),
                False,
            ),
            ("Start the TRIP with two community teams", "Sam Okafor", (2012, 3, 31), False),
        ],
        "response": None,
    },
]


def moved(date: datetime.date, today: datetime.date) -> datetime.date:
    """The 2011-2012 timeline, moved so that it ends today: the dashboard's "this quarter" and
    the review reminders then find the demo's support where the other apps' demo work is."""
    return date + (today - END)


def load(*, today: datetime.date) -> str:
    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["consultant", "lead"])
    }
    consultant, lead = users["consultant"], users["lead"]
    sites = {site.name: site for site in Site.objects.all()}
    packages = _packages(sites.values(), today)
    entries = _log(sites, consultant, today)
    courses = _training(sites, consultant, today)
    outcomes = _outcomes(sites, lead, today)
    reviews = _reviews(sites[DEVON], consultant, lead, today)
    return (
        f"{packages} support packages, {entries} support log entries, {courses} training "
        f"courses, {outcomes} outcome snapshots, {reviews} progress reviews added"
    )


def _packages(sites, today) -> int:
    added = 0
    for site in sites:
        if SupportPackage.objects.filter(site=site).exists():
            continue
        consultancy, training, peer = SupportPackage.default_days(site.category)
        services.package_agree(
            site=site,
            consultancy_days=consultancy,
            training_days=training,
            peer_trainer_days=peer,
            agreed_on=site.date_joined or today,
        )
        added += 1
    return added


def _log(sites, consultant, today) -> int:
    """75 entries, seeded so every run plans the same ones; pilot sites get three times the
    help of demonstration sites. Added once: a log with entries is left as it is."""
    if SupportLogEntry.objects.exists():
        return 0
    rng = random.Random(2011)
    supported = [s for s in sites.values() if s.category == Site.Category.PILOT] * 3 + [
        s for s in sites.values() if s.category == Site.Category.DEMONSTRATION
    ]
    challenges = list(Challenge.objects.filter(framework__is_current=True))
    span = (END - START).days
    added = 0
    for kind, count, (low, high) in KINDS:
        for _ in range(count):
            site = rng.choice(supported)
            date = moved(START + datetime.timedelta(days=rng.randrange(span)), today)
            hours = Decimal(str(round(rng.uniform(low, high) * 4) / 4))
            peer = kind in (K.TRAINING_SESSION, K.SITE_VISIT) and rng.random() < 0.4
            name = rng.choice(PEER_TRAINERS) if peer else ""
            challenge = rng.choice(challenges) if challenges and rng.random() < 0.7 else None
            if SupportLogEntry.objects.filter(
                site=site, date=date, kind=kind, hours=hours
            ).exists():
                continue
            services.support_log_add(
                site=site,
                kind=kind,
                date=date,
                hours=hours,
                recorded_by=consultant,
                given_by=None if peer else consultant,
                given_by_name=name,
                is_peer_trainer=peer,
                challenge=challenge,
                topic=TOPICS[kind],
            )
            added += 1
    return added


def _training(sites, consultant, today) -> int:
    if TrainingDelivery.objects.exists():
        return 0
    added = 0
    for site_name, title, audience, staff, users, co, year, month in COURSES:
        site, date = sites[site_name], moved(datetime.date(year, month, 15), today)
        services.training_record(
            site=site,
            recorded_by=consultant,
            course_title=title,
            date=date,
            audience=audience,
            staff_attending=staff,
            service_users_attending=users,
            co_delivered_by_peer_trainer=co,
        )
        added += 1
    return added


def _outcomes(sites, lead, today) -> int:
    if ProgrammeOutcome.objects.exists():
        return 0
    added = 0
    for site_name, snapshots in OUTCOMES.items():
        site = sites[site_name]
        for (
            ymd,
            risk,
            budgets,
            ips,
            inspire,
            wrap,
            star,
        ) in snapshots:
            recorded_on = moved(datetime.date(*ymd), today)
            services.outcome_record(
                site=site,
                recorded_by=lead,
                recorded_on=recorded_on,
                risk_policy_review=risk,
                personal_budgets=budgets,
                ips_service=ips,
                uses_inspire=inspire,
                uses_wrap=wrap,
                uses_recovery_star=star,
            )
            added += 1
    return added


def _reviews(site, consultant, lead, today) -> int:
    if site.reviews.exists():
        return 0
    added = 0
    group = {m.person.full_name: m.person for m in site.project_group.select_related("person")}
    for spec in REVIEWS:
        spec = dict(spec)
        actions = [
            {
                "action": a,
                "owner_person": group.get(o),
                "owner_name": "" if o in group else o,
                "due_on": moved(datetime.date(*d), today),
                "done": done,
            }
            for a, o, d, done in spec.pop("actions")
        ]
        response = spec.pop("response")
        for field in ("review_date", "period_start", "period_end", "next_review_due"):
            spec[field] = moved(spec[field], today)
        review = services.review_create(site=site, consultant=consultant, actions=actions, **spec)
        if response:
            services.review_respond(review=review, author=lead, text=response)
        added += 1
    return added
