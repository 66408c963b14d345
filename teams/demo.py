"""Demo: two teams of Devon Partnership NHS Trust with their Team Recovery Implementation
Plans, each assessed twice (with service users and carers) so movement shows, and a plan with
actions done, under way, not started and overdue. Built through the services."""

import datetime

from notifications.services import quiet
from sites.models import Person, Site

from . import practice, services
from .services import ParticipantEntry, RatingEntry

SITE = "Devon Partnership NHS Trust"
D = datetime.timedelta

# name, service type, manager, ratings at the first and the latest assessment (in the items'
# order), who took part, days to the next co-review from the day the demo loads.
TEAMS = [
    (
        "Exeter community mental health team",
        "community",
        "Helen Ashworth",
        ([1, 1, 2, 1, 0, 1, 0, 1], [2, 2, 2, 2, 1, 2, 1, 2]),
        [
            ("Helen Ashworth", "manager"),
            ("Sam Okafor", "clinician"),
            ("Dan Ellery", "service_user"),
            ("Mary Trelawny", "carer"),
        ],
        30,
    ),
    (
        "Cedars acute ward",
        "inpatient",
        "Tom Pascoe",
        ([0, 1, 1, 0, 0, 0, 0, 0], [1, 1, 2, 1, 1, 0, 1, 1]),
        [("Tom Pascoe", "manager"), ("Priya Nair", "clinician"), ("Dan Ellery", "service_user")],
        -5,
    ),
]
EVIDENCE = {
    0: "Not yet part of how we work.",
    1: "Some of us do this; we found it in a few care plans.",
    2: "Most people we asked said we do this; seen in most care plans we read together.",
    3: "People using the service tell us this is how we work.",
}
# team index, action, practice, owner (project-group name or anyone), due in days, status
ACTIONS = [
    (0, "Co-write crisis plans with each person at their next review", "self_management",
     "Lee Harper", -60, "done"),
    (0, "Peer support worker joins the weekly team meeting", "lived_experience",
     "Sam Okafor", -10, "under_way"),
    (0, "Map local work, housing and community groups with service users", "beyond_illness",
     "Dan Ellery", 45, "not_started"),
    (1, "Recovery college course on hope for staff and patients together", "learning_together",
     "Mary Trelawny", -90, "done"),
    (1, "Ask each patient their own goals in the first week", "own_goals",
     "Priya Nair", -20, "not_started"),
    (1, "Review the ward's risk assessments with patients", "shared_plans",
     "Lee Harper", 60, "under_way"),
]  # fmt: skip


def load(*, today: datetime.date) -> str:
    site = Site.objects.filter(name=SITE).first()
    if site is None or site.teams.exists():
        return "no team recovery plans added"
    people = {p.full_name: p for p in Person.objects.filter(memberships__site=site)}
    teams = []
    for name, service_type, manager, (first, latest), took_part, review_in in TEAMS:
        team = services.team_save(site=site, name=name, service_type=service_type, manager=manager)
        teams.append(team)
        for ratings, on, review in (
            (first, today - D(days=300), today - D(days=120)),
            (latest, today - D(days=60), today + D(days=review_in)),
        ):
            services.assessment_record(
                team=team,
                assessed_on=on,
                ratings=[
                    RatingEntry(item.key, rating, EVIDENCE[rating])
                    for item, rating in zip(practice.ITEMS, ratings, strict=True)
                ],
                participants=[ParticipantEntry(n, p) for n, p in took_part],
                plan_review="Reviewed together: kept what worked, agreed new actions.",
                next_review_on=review,
            )
    for index, what, item, owner, due_in, status in ACTIONS:
        with quiet():  # the demo's plans were agreed before it loads: the scan reminds
            services.action_save(
                team=teams[index],
                what=what,
                item=item,
                owner_person=people.get(owner),
                owner_name="" if owner in people else owner,
                due_on=today + D(days=due_in),
                status=status,
                today=today - D(days=70) if status == "done" else today,
            )
    return f"{len(teams)} team recovery plans"
