"""State changes of support, outcomes and reviews; views and the demo both go through here."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from audit import services as audit
from notifications.services import notify
from sites.figures import figures_changed
from sites.models import Site
from sites.services import activity_recorded

from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)

ACTION_FIELDS = ("action", "owner_person", "owner_user", "owner_name", "due_on")


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
    entry = SupportLogEntry.objects.create(
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
    activity_recorded(site_id=site.pk, on=date)
    figures_changed()
    return entry


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
    activity_recorded(site_id=entry.site_id, on=fields.get("date", entry.date))
    entry = _correct(entry, fields)
    figures_changed()
    return entry


def support_log_delete(*, entry: SupportLogEntry) -> None:
    entry.delete()
    figures_changed()


def training_record(*, site: Site, recorded_by, **fields) -> TrainingDelivery:
    course = TrainingDelivery.objects.create(site=site, recorded_by=recorded_by, **fields)
    figures_changed()
    return course


def training_update(*, course: TrainingDelivery, **fields) -> TrainingDelivery:
    course = _correct(course, fields)
    figures_changed()
    return course


def training_delete(*, course: TrainingDelivery) -> None:
    course.delete()
    figures_changed()


def outcome_record(*, site: Site, recorded_by, **fields) -> ProgrammeOutcome:
    """A new dated snapshot; earlier ones stay as the history."""
    outcome = ProgrammeOutcome.objects.create(site=site, recorded_by=recorded_by, **fields)
    figures_changed()
    return outcome


@transaction.atomic
def review_create(
    *,
    site: Site,
    consultant,
    actions: list[dict],
    publish: bool = True,
    carry: dict | None = None,
    **fields,
) -> ProgressReview:
    """The review and its agreed actions are saved together or not at all, as a draft only
    its consultant sees or published to the site (``carry``: see ``review_publish``)."""
    review = ProgressReview.objects.create(
        site=site, consultant=consultant, state=ProgressReview.State.DRAFT, **fields
    )
    for row in actions:
        _action_add(review, row)
    _audit(audit.Action.REVIEW_WRITTEN, review, by=consultant)
    if publish:
        review = review_publish(review=review, carry=carry, by=consultant)
    return review


CARRY_NOTES = {
    "done": "Closed as done at the review of {date}.",
    "drop": "Dropped at the review of {date}: no longer needed.",
}


@transaction.atomic
def review_publish(*, review: ProgressReview, carry: dict | None = None, by=None) -> ProgressReview:
    """A draft becomes the site's review: the site's lead is told, and the owners of its
    open actions hear of them now (never while it was a draft). ``carry`` says what becomes
    of each action still open from the site's earlier reviews: ``{action: "keep" | "done" |
    "drop"}``; a kept action stays one work item, carried into this review (its history
    keeps every review it was carried through). ``by``: who published it (its consultant
    unless said)."""
    review = ProgressReview.objects.select_for_update().get(pk=review.pk)
    if not review.is_draft:
        raise ValueError("The review is already published.")
    review.state = ProgressReview.State.PUBLISHED
    review.published_at = timezone.now()
    review.save(update_fields=["state", "published_at", "updated_at"])
    by = by or review.consultant
    _audit(audit.Action.REVIEW_PUBLISHED, review, by=by)
    carried = _carry(review, carry or {})
    if carried:
        _audit(audit.Action.ACTIONS_CARRIED, review, by=by, detail=carried)
    activity_recorded(site_id=review.site_id, on=review.review_date)
    notify("review_published", review=review)
    for action in review.actions.filter(done=False).select_related("owner_person__user"):
        notify("action_assigned", action=action)
    figures_changed()
    return review


@transaction.atomic
def review_update(
    *, review: ProgressReview, actions: list[dict], by=None, **fields
) -> ProgressReview:
    """Rewrite the review and its actions. An action kept on the form (its row carries the
    ``id`` it was shown with) is updated in place, so its done state, note and history stay;
    rows without one are new; actions left off the list are removed. ``by``: who changed it
    (its consultant unless said)."""
    for name, value in fields.items():
        setattr(review, name, value)
    review.save()
    existing = {action.pk: action for action in review.actions.all()}
    kept = set()
    for row in actions:
        current = row.get("id")
        action = existing.get(getattr(current, "pk", current))
        if action is None:
            _action_add(review, row)
            continue
        kept.add(action.pk)
        values = _action_values(row)
        changed = [name for name, value in values.items() if getattr(action, name) != value]
        if changed:
            for name in changed:
                setattr(action, name, values[name])
            action.save()
            if not review.is_draft and ("owner_person" in changed or "owner_user" in changed):
                notify("action_assigned", action=action)
    for pk, action in existing.items():
        if pk not in kept:
            action.delete()
    if not review.is_draft:
        activity_recorded(site_id=review.site_id, on=review.review_date)
    _audit(audit.Action.REVIEW_CHANGED, review, by=by or review.consultant)
    figures_changed()
    return review


@transaction.atomic
def review_delete(*, review: ProgressReview, by, request=None) -> None:
    """Only the administrator deletes a review (in the admin); the log keeps that it was."""
    _audit(audit.Action.REVIEW_DELETED, review, by=by, request=request)
    review.delete()
    figures_changed()


def review_audit(*, review: ProgressReview, by, request=None, added: bool) -> None:
    """A review written or changed past the form (in the admin) is logged all the same."""
    action = audit.Action.REVIEW_WRITTEN if added else audit.Action.REVIEW_CHANGED
    _audit(action, review, by=by, request=request)


def _audit(action: str, review: ProgressReview, *, by, request=None, detail: str = "") -> None:
    """The site, the review's date and whether it is a draft, never its text: the log may
    not show what only the review's consultant and the administrator read."""
    what = f"{review.site}: review of {date_format(review.review_date)}"
    if review.is_draft:
        what += " (draft)"
    audit.record(action=action, user=by, request=request, what=f"{what}{detail}")


CARRIED = {"keep": "carried into it", "done": "closed as done", "drop": "dropped"}


def _carry(review: ProgressReview, carry: dict) -> str:
    """Apply the choices; what was done with the earlier actions, in words (for the log)."""
    choices = {action.pk: choice for action, choice in carry.items()}
    counts = dict.fromkeys(CARRIED, 0)
    open_earlier = ReviewAction.objects.published().select_for_update(of=("self",))
    chosen = open_earlier.filter(pk__in=choices, review__site=review.site_id, done=False)
    for action in chosen.exclude(review=review):
        choice = choices[action.pk]
        action._history_user = review.consultant
        if choice == "keep":
            action.carried_to = review
        else:
            action.done, action.dropped = True, choice == "drop"
            action.done_at, action.done_by = timezone.now(), review.consultant
            action.done_note = action.done_note or CARRY_NOTES[choice].format(
                date=date_format(review.review_date)
            )
        action.save()
        counts[choice] += 1
    said = [f"{n} {CARRIED[choice]}" for choice, n in counts.items() if n]
    return f"; earlier actions: {', '.join(said)}" if said else ""


def _action_add(review: ProgressReview, row: dict) -> ReviewAction:
    action = ReviewAction(review=review, **_action_values(row))
    if row.get("done"):
        action.done = True
    action.save()
    if not action.done and not review.is_draft:
        notify("action_assigned", action=action)
    return action


def _action_values(row: dict) -> dict:
    values = {name: row.get(name) for name in ACTION_FIELDS}
    values["owner_name"] = values["owner_name"] or ""
    return values


@transaction.atomic
def action_set_done(*, action: ReviewAction, done: bool, note: str, by) -> ReviewAction:
    """The owner or the site's lead says the action is done (or reopens it), with a note; the
    history keeps every change and who made it."""
    action = ReviewAction.objects.select_for_update().get(pk=action.pk)
    was_done = action.done
    action.done, action.dropped = done, False
    action.done_note = note.strip()
    action.done_at = timezone.now() if done else None
    action.done_by = by if done else None
    action._history_user = by
    action.save()
    if done and not was_done:
        notify("action_done", action=action)
    return action


@transaction.atomic
def review_respond(*, review: ProgressReview, author, text: str) -> ReviewResponse:
    """The site's answer; the consultant who wrote the review is told."""
    response = ReviewResponse.objects.create(review=review, author=author, text=text.strip())
    notify("review_response", response=response)
    return response
