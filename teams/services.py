"""State changes of teams and their recovery plans."""

from dataclasses import dataclass

from django.db import transaction

from notifications.services import notify
from sites.figures import figures_changed
from sites.services import activity_recorded

from .models import Team, TeamAction, TeamAssessment, TeamParticipant, TeamRating


@dataclass(frozen=True)
class RatingEntry:
    item: str
    rating: int
    evidence: str = ""


@dataclass(frozen=True)
class ParticipantEntry:
    name: str
    perspective: str


def team_save(*, site, team: Team | None = None, name: str, service_type: str, manager: str):
    team = team or Team(site=site)
    team.name, team.service_type, team.manager = name, service_type, manager
    team.save()
    return team


@transaction.atomic
def assessment_record(
    *,
    team: Team,
    assessed_on,
    ratings: list[RatingEntry],
    participants: list[ParticipantEntry],
    plan_review: str = "",
    next_review_on=None,
    by=None,
) -> TeamAssessment:
    """A new dated assessment; earlier ones stay as they were, so movement shows."""
    assessment = TeamAssessment.objects.create(
        team=team,
        assessed_on=assessed_on,
        plan_review=plan_review,
        next_review_on=next_review_on,
        created_by=by,
    )
    TeamRating.objects.bulk_create(
        TeamRating(assessment=assessment, item=r.item, rating=r.rating, evidence=r.evidence)
        for r in ratings
    )
    TeamParticipant.objects.bulk_create(
        TeamParticipant(assessment=assessment, name=p.name, perspective=p.perspective)
        for p in participants
    )
    activity_recorded(site_id=team.site_id, on=assessed_on)
    figures_changed()
    return assessment


@transaction.atomic
def action_save(
    *,
    team: Team,
    action: TeamAction | None = None,
    what: str,
    due_on,
    status: str,
    today,
    item: str = "",
    owner_person=None,
    owner_name: str = "",
    by=None,
) -> TeamAction:
    """Add or change an action of the plan; the day it is marked done is kept (and dropped
    if it is reopened). A new owner with an account is told."""
    action = action or TeamAction(team=team)
    # Read from the database: a bound form has already set the new values on the instance.
    stored = TeamAction.objects.filter(pk=action.pk).values("status", "owner_person").first()
    was_done = bool(stored) and stored["status"] == TeamAction.Status.DONE
    new_owner = owner_person is not None and (
        not stored or stored["owner_person"] != owner_person.pk
    )
    action.what, action.item, action.due_on, action.status = what, item, due_on, status
    action.owner_person = owner_person
    action.owner_name = "" if owner_person else owner_name
    if action.is_done and not was_done:
        action.done_on = today
    elif not action.is_done:
        action.done_on = None
    action.save()
    activity_recorded(site_id=team.site_id, on=today)
    if new_owner:
        notify("trip_action_assigned", action=action, by=by)
    return action
