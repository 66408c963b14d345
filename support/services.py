"""State changes of support, outcomes and reviews; views and the demo both go through here."""

import datetime
from decimal import Decimal

from django.db import transaction

from sites.models import Site

from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)

ACTION_FIELDS = ("action", "owner_name", "due_on", "done")


@transaction.atomic
def package_agree(
    *,
    site: Site,
    consultancy_days: Decimal,
    training_days: Decimal,
    peer_trainer_days: Decimal,
    agreed_on: datetime.date,
    notes: str = "",
) -> SupportPackage:
    """Create or revise the site's one package."""
    package, _ = SupportPackage.objects.update_or_create(
        site=site,
        defaults={
            "consultancy_days": consultancy_days,
            "training_days": training_days,
            "peer_trainer_days": peer_trainer_days,
            "agreed_on": agreed_on,
            "notes": notes,
        },
    )
    return package


def support_log_add(
    *,
    site: Site,
    kind: str,
    date: datetime.date,
    hours: Decimal,
    recorded_by,
    given_by=None,
    given_by_name: str = "",
    is_peer_trainer: bool = False,
    challenge=None,
    topic: str = "",
    notes: str = "",
) -> SupportLogEntry:
    given_by_name = _giver_name(given_by, given_by_name)
    return SupportLogEntry.objects.create(
        site=site,
        kind=kind,
        date=date,
        hours=hours,
        recorded_by=recorded_by,
        given_by=given_by,
        given_by_name=given_by_name,
        is_peer_trainer=is_peer_trainer,
        challenge=challenge,
        topic=topic,
        notes=notes,
    )


def _giver_name(given_by, given_by_name: str) -> str:
    """Support is given by someone: an account, or else a named peer trainer."""
    if given_by is None and not given_by_name.strip():
        raise ValueError("Support is given by someone: a user or a named peer trainer.")
    return "" if given_by else given_by_name.strip()


def _correct(record, fields: dict):
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()
    return record


def support_log_update(*, entry: SupportLogEntry, **fields) -> SupportLogEntry:
    """Correct an entry: the same rule as adding (someone gave it) holds."""
    fields["given_by_name"] = _giver_name(fields.get("given_by"), fields.get("given_by_name", ""))
    return _correct(entry, fields)


def support_log_delete(*, entry: SupportLogEntry) -> None:
    entry.delete()


def training_record(*, site: Site, recorded_by, **fields) -> TrainingDelivery:
    return TrainingDelivery.objects.create(site=site, recorded_by=recorded_by, **fields)


def training_update(*, course: TrainingDelivery, **fields) -> TrainingDelivery:
    return _correct(course, fields)


def training_delete(*, course: TrainingDelivery) -> None:
    course.delete()


def outcome_record(*, site: Site, recorded_by, **fields) -> ProgrammeOutcome:
    """A new dated snapshot; earlier ones stay as the history."""
    return ProgrammeOutcome.objects.create(site=site, recorded_by=recorded_by, **fields)


@transaction.atomic
def review_create(*, site: Site, consultant, actions: list[dict], **fields) -> ProgressReview:
    """The review and its agreed actions are saved together or not at all."""
    review = ProgressReview.objects.create(site=site, consultant=consultant, **fields)
    _save_actions(review, actions)
    return review


@transaction.atomic
def review_update(*, review: ProgressReview, actions: list[dict], **fields) -> ProgressReview:
    """Rewrite the review and replace its actions with the list given (nothing refers to an
    action, so replacing keeps the list exactly as the consultant left it)."""
    for name, value in fields.items():
        setattr(review, name, value)
    review.save()
    review.actions.all().delete()
    _save_actions(review, actions)
    return review


def _save_actions(review: ProgressReview, actions: list[dict]) -> None:
    ReviewAction.objects.bulk_create(
        ReviewAction(review=review, **{name: row[name] for name in ACTION_FIELDS})
        for row in actions
    )


def review_respond(*, review: ProgressReview, author, text: str) -> ReviewResponse:
    return ReviewResponse.objects.create(review=review, author=author, text=text.strip())
