"""What the later apps hold for each site (TRIP teams, recovery colleges, peer-support posts),
and the records that grow with use (audit events, notifications): the programme-wide pages of
these apps and the audit log are measured on them."""

import datetime
from decimal import Decimal

from django.utils import timezone

from audit.models import AuditEvent
from colleges.fidelity import COMPONENT_CHOICES
from colleges.models import ComponentRating, Course, FidelityCheck, RecoveryCollege, Term
from notifications.models import Notification
from peer_support.models import PeerPost
from teams import practice
from teams.models import Team, TeamAssessment, TeamRating

from .bulk import copy_rows, insert

TEAMS_PER_SITE = 3
TEAM_ASSESSMENTS = 2
COLLEGE_SHARE = 0.4  # of sites with a recovery college, open or planned
CHECKS_PER_COLLEGE = 3
TERMS_PER_COLLEGE = 4
COURSES_PER_TERM = 5
POSTS_PER_SITE = 2
AUDIT_EVENTS_PER_SITE = 400
NOTIFICATIONS_PER_USER = 60


def build(people, *, rng, scale, today, timings) -> None:
    _teams(people, rng=rng, today=today, timings=timings)
    _colleges(people, rng=rng, today=today, timings=timings)
    with timings.table("peer-support posts") as t:
        t["rows"] = len(
            insert(
                PeerPost,
                [
                    PeerPost(
                        site=site,
                        team=f"Team {k + 1}",
                        head_count=(head_count := rng.randint(1, 6)),
                        wte=Decimal(rng.randint(5, 10 * head_count)) / 10,
                    )
                    for site in people.sites
                    for k in range(rng.randint(0, POSTS_PER_SITE))
                ],
            )
        )
    _records(people, rng=rng, scale=scale, today=today, timings=timings)


def _teams(people, *, rng, today, timings) -> None:
    kinds = list(Team.ServiceType.values)
    with timings.table("TRIP teams") as t:
        teams = insert(
            Team,
            [
                Team(site=site, name=f"Team {k + 1}", service_type=rng.choice(kinds), manager="-")
                for site in people.sites
                for k in range(TEAMS_PER_SITE)
            ],
        )
        t["rows"] = len(teams)
    with timings.table("TRIP assessments + ratings") as t:
        assessments = insert(
            TeamAssessment,
            [
                TeamAssessment(team=team, assessed_on=today - datetime.timedelta(days=180 * k))
                for team in teams
                for k in range(TEAM_ASSESSMENTS)
            ],
        )
        items = [key for key, _ in practice.CHOICES]
        ratings = [
            TeamRating(assessment=a, item=item, rating=rng.randint(0, practice.TOP))
            for a in assessments
            for item in items
        ]
        t["rows"] = len(assessments) + len(insert(TeamRating, ratings))


def _colleges(people, *, rng, today, timings) -> None:
    with timings.table("recovery colleges, checks, terms, courses") as t:
        sites = [site for site in people.sites if rng.random() < COLLEGE_SHARE]
        colleges = insert(
            RecoveryCollege,
            [
                RecoveryCollege(
                    site=site,
                    name=f"{site.name} Recovery College",
                    status=(status := rng.choice(RecoveryCollege.Status.values)),
                    opened_on=today - datetime.timedelta(days=rng.randint(90, 900))
                    if status == RecoveryCollege.Status.OPEN
                    else None,
                )
                for site in sites
            ],
        )
        checks = insert(
            FidelityCheck,
            [
                FidelityCheck(
                    college=college,
                    checked_on=today - datetime.timedelta(days=200 * k),
                    score=rng.randint(4, 14),
                )
                for college in colleges
                for k in range(CHECKS_PER_COLLEGE)
            ],
        )
        ratings = insert(
            ComponentRating,
            [
                ComponentRating(fidelity_check=check, component=key, score=rng.randint(0, 2))
                for check in checks
                for key, _ in COMPONENT_CHOICES
            ],
        )
        terms = insert(
            Term,
            [
                Term(
                    college=college,
                    name=f"Term {k + 1}",
                    starts_on=today - datetime.timedelta(days=120 * k),
                    students=(students := rng.randint(20, 200)),
                    students_using_services=rng.randint(0, students),
                )
                for college in colleges
                for k in range(TERMS_PER_COLLEGE)
            ],
        )
        courses = insert(
            Course,
            [
                Course(
                    term=term, title=f"Course {k + 1}", co_produced=True, sessions=rng.randint(1, 8)
                )
                for term in terms
                for k in range(COURSES_PER_TERM)
            ],
        )
        t["rows"] = len(colleges) + len(checks) + len(ratings) + len(terms) + len(courses)


def _records(people, *, rng, scale, today, timings) -> None:
    now = timezone.now()
    users = people.admins + people.consultants + people.organisers
    actions = list(AuditEvent.Action.values)
    with timings.table("audit events") as t:
        t["rows"] = copy_rows(
            AuditEvent,
            ["at", "action", "user", "username", "what"],
            (
                (
                    now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                    rng.choice(actions),
                    (user := rng.choice(users)).pk,
                    user.username,
                    "generated",
                )
                for _ in range(scale.sites * AUDIT_EVENTS_PER_SITE)
            ),
        )
    with timings.table("notifications") as t:
        t["rows"] = copy_rows(
            Notification,
            ["user", "kind", "subject", "url", "created_at", "read_at"],
            (
                (
                    user.pk,
                    "review_published",
                    "A review was published",
                    "/",
                    (created := now - datetime.timedelta(hours=rng.randint(0, 24 * 365))),
                    created if rng.random() < 0.8 else None,
                )
                for user in users
                for _ in range(NOTIFICATIONS_PER_USER)
            ),
        )
