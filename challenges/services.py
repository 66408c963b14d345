"""State changes of self-assessments. Each one is whole or nothing: an assessment is never
saved with some challenges rated and others missing."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from audit import services as audit
from sites.figures import figures_changed
from sites.models import Person, Site
from sites.services import activity_recorded

from .models import (
    Assessment,
    Challenge,
    Framework,
    Participant,
    Rating,
    Stage,
    StageDescriptor,
)


@dataclass(frozen=True)
class RatingEntry:
    """One challenge's rating as a person entered it."""

    challenge: Challenge
    stage: Stage
    evidence: str = ""
    strengths: str = ""
    areas_to_improve: str = ""


@dataclass(frozen=True)
class ParticipantEntry:
    """Someone who took part: a known person, or a name for someone not yet on record
    (e.g. a carer invited to the assessment who is not in the project group)."""

    perspective: str
    person: Person | None = None
    full_name: str = ""


def _check_ratings(framework: Framework, ratings: list[RatingEntry]) -> None:
    """The method rates every challenge of the version, once, on the version's own scale."""
    errors = []
    for entry in ratings:
        if entry.challenge.framework_id != framework.pk:
            errors.append(f"Challenge {entry.challenge.number} is not part of {framework}.")
        if entry.stage.framework_id != framework.pk:
            errors.append(
                f"Challenge {entry.challenge.number}: “{entry.stage}” "
                f"is not a stage of {framework}."
            )
    rated = [entry.challenge.pk for entry in ratings]
    expected = set(framework.challenges.values_list("pk", flat=True))
    if len(rated) != len(set(rated)) or set(rated) != expected:
        errors.append(f"Rate every challenge of {framework} once.")
    if errors:
        raise ValidationError(errors)


def _check_participants(participants: list[ParticipantEntry]) -> None:
    if not participants:
        raise ValidationError("Record who took part in the assessment.")
    for entry in participants:
        if entry.person is None and not entry.full_name.strip():
            raise ValidationError("Each participant needs a name.")


def _save_participants(assessment: Assessment, participants: list[ParticipantEntry]) -> None:
    keep = []
    for entry in participants:
        person = entry.person or Person.objects.create(full_name=entry.full_name.strip())
        participant, _ = Participant.objects.update_or_create(
            assessment=assessment, person=person, defaults={"perspective": entry.perspective}
        )
        keep.append(participant.pk)
    assessment.participants.exclude(pk__in=keep).delete()


def _save_ratings(assessment: Assessment, ratings: list[RatingEntry]) -> None:
    for entry in ratings:
        Rating.objects.update_or_create(
            assessment=assessment,
            challenge=entry.challenge,
            defaults={
                "stage": entry.stage,
                "evidence": entry.evidence,
                "strengths": entry.strengths,
                "areas_to_improve": entry.areas_to_improve,
            },
        )


@transaction.atomic
def assessment_create(
    *,
    site: Site,
    assessed_on: datetime.date,
    ratings: list[RatingEntry],
    participants: list[ParticipantEntry],
    by,
    notes: str = "",
    framework: Framework | None = None,
) -> Assessment:
    """Record a new assessment (on the current framework unless told otherwise)."""
    framework = framework or Framework.objects.current()
    _check_ratings(framework, ratings)
    _check_participants(participants)
    assessment = Assessment.objects.create(
        site=site, framework=framework, assessed_on=assessed_on, notes=notes, created_by=by
    )
    _save_ratings(assessment, ratings)
    _save_participants(assessment, participants)
    activity_recorded(site_id=site.pk, on=assessed_on)
    figures_changed()
    return assessment


@transaction.atomic
def assessment_update(
    *,
    assessment: Assessment,
    assessed_on: datetime.date,
    ratings: list[RatingEntry],
    participants: list[ParticipantEntry],
    notes: str = "",
) -> Assessment:
    """Correct an assessment; its framework version stays the one it was made against."""
    _check_ratings(assessment.framework, ratings)
    _check_participants(participants)
    assessment.assessed_on = assessed_on
    assessment.notes = notes
    assessment.save(update_fields=["assessed_on", "notes", "updated_at"])
    _save_ratings(assessment, ratings)
    _save_participants(assessment, participants)
    activity_recorded(site_id=assessment.site_id, on=assessed_on)
    figures_changed()
    return assessment


def assessment_delete(*, assessment: Assessment) -> None:
    """Ratings and participations go with it; the people stay on record."""
    assessment.delete()
    figures_changed()


@transaction.atomic
def framework_make_current(*, framework: Framework, by=None) -> Framework:
    """The programme names the version new assessments use; earlier assessments stay on
    theirs (movement is still shown challenge by challenge)."""
    Framework.objects.select_for_update().filter(is_current=True).exclude(pk=framework.pk).update(
        is_current=False
    )
    framework.is_current = True
    framework.save(update_fields=["is_current"])
    audit.record(
        action=audit.Action.FRAMEWORK_SWITCHED,
        user=by,
        what=f"New assessments use the {framework} framework",
    )
    figures_changed()
    return framework


@transaction.atomic
def descriptors_update(*, challenge: Challenge, texts: dict[Stage, str]) -> None:
    """What each stage of the scale means for one challenge, as the programme words it."""
    for stage, text in texts.items():
        if stage.framework_id != challenge.framework_id:
            raise ValidationError(f"“{stage}” is not a stage of {challenge.framework}.")
        StageDescriptor.objects.update_or_create(
            challenge=challenge, stage=stage, defaults={"text": text.strip()}
        )
