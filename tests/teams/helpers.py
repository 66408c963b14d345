"""Teams and plans built through the services, as the app builds them."""

import datetime

from teams import practice, services
from teams.services import ParticipantEntry, RatingEntry


def team(site, name="Exeter community team", service_type="community"):
    return services.team_save(site=site, name=name, service_type=service_type, manager="Ann Lee")


def assess(
    team,
    on=datetime.date(2012, 3, 1),
    rating=1,
    perspectives=("clinician", "service_user"),
    next_review_on=None,
):
    return services.assessment_record(
        team=team,
        assessed_on=on,
        ratings=[RatingEntry(item.key, rating, "Seen in care plans") for item in practice.ITEMS],
        participants=[ParticipantEntry(f"Person {n}", p) for n, p in enumerate(perspectives)],
        next_review_on=next_review_on,
    )


def action(
    team,
    what="Peer worker joins the team meeting",
    due_on=datetime.date(2012, 6, 1),
    status="not_started",
    owner_person=None,
    owner_name="Dan Ellery",
    today=datetime.date(2012, 3, 1),
):
    return services.action_save(
        team=team,
        what=what,
        due_on=due_on,
        status=status,
        owner_person=owner_person,
        owner_name=owner_name,
        today=today,
    )
