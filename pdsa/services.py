"""State changes of priorities, goals, indicators, data and PDSA cycles.

Goals and cycles carry a version number: a save made on a stale version raises
:class:`Conflict` instead of overwriting someone else's change."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from challenges.services import ParticipantEntry
from notifications.services import notify
from sites.figures import figures_changed
from sites.models import Person
from sites.services import activity_recorded, progress_changed

from .history import Change, changes_since
from .models import (
    Comment,
    Cycle,
    CycleTeamMember,
    DataPoint,
    Goal,
    Indicator,
    Phase,
    Priority,
    new_data_version,
)


def _goal_scores_changed(goal) -> None:
    """The goal's site's progress score reads the goal: its cached score is not read again."""
    progress_changed(sites=Goal.objects.filter(pk=goal.pk).values("priority__site"))


class Conflict(Exception):
    """Someone saved the object after this user opened it."""

    def __init__(self, *, current, changes: list[Change], who: list[str]):
        super().__init__("stale version")
        self.current = current
        self.changes = changes
        self.who = who


def _record(obj, by) -> None:
    """Name the user in the history record even outside a request (demo data, tasks)."""
    if by is not None:
        obj._history_user = by


def _save_versioned(model, obj, *, version: int, by, fields: dict):
    current = model.objects.select_for_update().get(pk=obj.pk)
    if current.version != version:
        changes, who = changes_since(current, version)
        raise Conflict(current=current, changes=changes, who=who)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.version = current.version + 1
    _record(obj, by)
    obj.save()
    return obj


@transaction.atomic
def priorities_set(*, site, challenges, agreed_on: datetime.date) -> list[Priority]:
    """Make the site's active priorities exactly ``challenges``; a priority that has goals
    stays (dropping one is ``priority_drop``), a dropped one chosen again is taken up again."""
    wanted = {c.pk: c for c in challenges}
    existing = {p.challenge_id: p for p in Priority.objects.filter(site=site)}
    for challenge_id, priority in existing.items():
        if challenge_id in wanted and priority.is_dropped:  # taken up again
            priority.dropped_on = None
            priority.save(update_fields=["dropped_on"])
        elif challenge_id not in wanted and not priority.is_dropped:
            if priority.goals.exists():
                raise ValidationError(f"{priority.challenge} has goals, so it stays a priority.")
            priority.delete()
    for challenge_id, challenge in wanted.items():
        if challenge_id not in existing:
            Priority.objects.create(site=site, challenge=challenge, agreed_on=agreed_on)
    figures_changed()
    return list(Priority.objects.filter(site=site).select_related("challenge"))


@transaction.atomic
def goal_create(*, priority: Priority, by=None, **fields) -> Goal:
    goal = Goal(priority=priority, **fields)
    _record(goal, by)
    goal.full_clean()
    goal.save()
    _goal_scores_changed(goal)
    figures_changed()
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, version: int, by=None, **fields) -> Goal:
    _goal_scores_changed(goal)
    figures_changed()
    return _save_versioned(Goal, goal, version=version, by=by, fields=fields)


@transaction.atomic
def goal_close(
    *, goal: Goal, outcome: str, note: str, by, closed_on: datetime.date | None = None
) -> Goal:
    """Close the goal as achieved or abandoned, with why: the goal, its cycles and indicators
    become read-only and leave the active lists (reminders stop), and the site's
    consultants are told. An open cycle stays as it was, part of the record."""
    if outcome not in Goal.CLOSED:
        raise ValueError(f"A goal closes as achieved or abandoned, not {outcome!r}.")
    current = Goal.objects.select_for_update().get(pk=goal.pk)
    if current.is_closed:
        raise ValidationError("This goal is already closed.")
    goal.status = outcome
    goal.closed_on = closed_on or timezone.localdate()
    goal.closing_note = note
    goal.closed_by = by
    goal.version = current.version + 1
    _record(goal, by)
    goal.save()
    notify("goal_closed", goal=goal)
    _goal_scores_changed(goal)
    figures_changed()
    return goal


@transaction.atomic
def goal_reopen(*, goal: Goal, by) -> Goal:
    """Take a goal closed by mistake (or too early) back into the work, in progress."""
    current = Goal.objects.select_for_update().select_related("priority").get(pk=goal.pk)
    if not current.is_closed:
        raise ValidationError("This goal is not closed.")
    if current.priority.is_dropped:
        raise ValidationError(
            "Its priority was dropped: take the challenge back as a priority first."
        )
    goal.status = Goal.Status.IN_PROGRESS
    goal.closed_on = None
    goal.closing_note = ""
    goal.closed_by = None
    goal.version = current.version + 1
    _record(goal, by)
    goal.save()
    _goal_scores_changed(goal)
    figures_changed()
    return goal


@transaction.atomic
def priority_drop(*, priority: Priority) -> Priority:
    """Drop a priority whose goals are all closed: it leaves the site's active priorities and
    stays in its history with its goals."""
    Priority.objects.select_for_update().filter(pk=priority.pk).first()
    still_open = priority.goals.exclude(status__in=Goal.CLOSED).count()
    if still_open:
        raise ValidationError(
            f"“{priority.challenge}” still has {still_open} open goal"
            f"{'s' if still_open != 1 else ''}: close "
            f"{'them' if still_open != 1 else 'it'} as achieved or abandoned first."
        )
    priority.dropped_on = timezone.localdate()
    priority.save(update_fields=["dropped_on"])
    figures_changed()
    return priority


@transaction.atomic
def indicator_create(*, goal: Goal, by=None, **fields) -> Indicator:
    indicator = Indicator(goal=goal, **fields)
    _record(indicator, by)
    indicator.save()
    _goal_scores_changed(goal)
    return indicator


def charts_changed(*, indicator_ids) -> None:
    """Every write that changes what an indicator's charts show calls this in its transaction:
    the cached chart results (``pdsa.chart_results``) are keyed on the version it replaces,
    and its site's progress score (``pdsa.scores``) on the site's."""
    indicators = Indicator.objects.filter(pk__in=indicator_ids)
    indicators.update(data_version=new_data_version())
    progress_changed(sites=indicators.values("goal__priority__site"))


@transaction.atomic
def indicator_update(*, indicator: Indicator, by=None, **fields) -> Indicator:
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.data_version = new_data_version()  # name, unit, baseline and direction are drawn
    _record(indicator, by)
    indicator.save()
    progress_changed(sites=Indicator.objects.filter(pk=indicator.pk).values("goal__priority__site"))
    return indicator


@transaction.atomic
def data_points_add(*, indicator: Indicator, rows) -> list[DataPoint]:
    """Add dated values, all or none: ``rows`` are (date, value, note) or (date, value, note,
    numerator, denominator); a date that already has a value fails the whole import (the
    database holds one value per date)."""
    points = []
    for date, value, note, *counts in rows:
        numerator, denominator = counts or (None, None)
        points.append(
            DataPoint(
                indicator=indicator,
                date=date,
                value=value,
                note=note,
                numerator=numerator,
                denominator=denominator,
            )
        )
    added = DataPoint.objects.bulk_create(points)
    charts_changed(indicator_ids=[indicator.pk])
    if added:
        activity_recorded(site_id=indicator.site_id, on=max(p.date for p in added))
    return added


@transaction.atomic
def data_point_update(*, data_point: DataPoint, **fields) -> DataPoint:
    """Correct a value (its date, value, note or counts) or leave it out of the calculations;
    the charts are redrawn from it, and the indicator page's history shows the change."""
    if not data_point.history.exists():  # imported in bulk: keep what it was before
        DataPoint.history.bulk_history_create([DataPoint.objects.get(pk=data_point.pk)])
    for name, value in fields.items():
        setattr(data_point, name, value)
    data_point.save()
    charts_changed(indicator_ids=[data_point.indicator_id])
    activity_recorded(site_id=data_point.indicator.site_id, on=data_point.date)
    return data_point


@transaction.atomic
def data_point_delete(*, data_point: DataPoint) -> None:
    data_point.delete()
    charts_changed(indicator_ids=[data_point.indicator_id])


@transaction.atomic
def phase_start(
    *, indicator: Indicator, starts_on: datetime.date, reason: str, cycle=None, by=None
) -> Phase:
    """Begin a new phase of the indicator's charts: new centre lines and limits from here."""
    phase = Phase(indicator=indicator, starts_on=starts_on, reason=reason, cycle=cycle)
    phase.created_by = by
    phase.full_clean()
    phase.save()
    charts_changed(indicator_ids=[indicator.pk])
    return phase


@transaction.atomic
def phase_delete(*, phase: Phase) -> None:
    phase.delete()
    charts_changed(indicator_ids=[phase.indicator_id])


@transaction.atomic
def cycle_plan(
    *, goal: Goal, by=None, watched_indicators=(), adapted_from: Cycle | None = None, **plan
) -> Cycle:
    """Open the next cycle on the goal, numbered after the last one."""
    Goal.objects.select_for_update().filter(pk=goal.pk).first()  # numbers are taken in turn
    last = Cycle.objects.filter(goal=goal).aggregate(last=Max("number"))["last"] or 0
    cycle = Cycle(goal=goal, number=last + 1, adapted_from=adapted_from, **plan)
    _record(cycle, by)
    cycle.save()
    cycle.watched_indicators.set(watched_indicators)
    if adapted_from is not None:  # the same people test the adapted change
        CycleTeamMember.objects.bulk_create(
            CycleTeamMember(cycle=cycle, person_id=m.person_id, perspective=m.perspective)
            for m in adapted_from.team.all()
        )
    charts_changed(indicator_ids=[getattr(i, "pk", i) for i in watched_indicators])  # a band
    _goal_scores_changed(goal)
    activity_recorded(site_id=goal.site_id, on=timezone.localdate())
    figures_changed()
    return cycle


@transaction.atomic
def cycle_update(
    *, cycle: Cycle, version: int, by=None, watched_indicators=None, **fields
) -> Cycle:
    """Save a stage of the cycle; stages complete in order (the form checks it too). The
    charts of the indicators it watched and watches draw it: their results are redone."""
    watched_before = list(cycle.watched_indicators.values_list("pk", flat=True))
    _save_versioned(Cycle, cycle, version=version, by=by, fields=fields)
    previous_done = True
    for stage in Cycle.STAGES:
        done = getattr(cycle, f"{stage}_done") is not None
        if done and not previous_done:
            raise ValidationError(f"Complete the stages before {stage} first.")
        previous_done = done
    if watched_indicators is not None:
        cycle.watched_indicators.set(watched_indicators)
        watched_before += [getattr(i, "pk", i) for i in watched_indicators]
    charts_changed(indicator_ids=watched_before)
    _goal_scores_changed(cycle.goal)
    activity_recorded(site_id=cycle.goal.site_id, on=timezone.localdate())
    figures_changed()
    return cycle


@transaction.atomic
def progress_record(*, site, today: datetime.date) -> int:
    """Store today's progress scores of the site and its goals where they moved since the
    last snapshot (or none was stored): the history a page draws. Returns rows written."""
    from . import progress, scores
    from .models import ProgressSnapshot
    from .models.goals import RULE

    site_score, goal_scores = scores.site_progress(site)
    latest = {}
    for snapshot in ProgressSnapshot.objects.filter(site=site, recorded_on__lt=today):
        latest[snapshot.goal_id] = (float(snapshot.score), snapshot.rule)
    written = 0
    for goal, found in [(None, site_score), *goal_scores]:
        key = goal.pk if goal else None
        if latest.get(key) == (found.score, RULE):  # a score under the old rule is restated
            continue
        ProgressSnapshot.objects.update_or_create(
            site=site,
            goal=goal,
            recorded_on=today,
            defaults={"score": found.score, "steps": progress.as_record(found), "rule": RULE},
        )
        written += 1
    return written


def comment_add(*, author, text: str, goal: Goal | None = None, cycle: Cycle | None = None):
    """The goal's owner and the site's leads are told (not the author)."""
    comment = Comment.objects.create(author=author, text=text, goal=goal, cycle=cycle)
    notify("comment_added", comment=comment)
    return comment


@transaction.atomic
def cycle_team_set(*, cycle: Cycle, members: list[ParticipantEntry]) -> None:
    """Make the cycle's team exactly ``members``: people from the project group, or a name
    for someone not on record (a carer, a service user from a local group). No email needed."""
    keep = []
    for entry in members:
        if entry.person is None and not entry.full_name.strip():
            raise ValidationError("Each member of the team needs a name.")
        person = entry.person or Person.objects.create(full_name=entry.full_name.strip())
        member, _ = CycleTeamMember.objects.update_or_create(
            cycle=cycle, person=person, defaults={"perspective": entry.perspective}
        )
        keep.append(member.pk)
    cycle.team.exclude(pk__in=keep).delete()
    activity_recorded(site_id=cycle.goal.site_id, on=timezone.localdate())
    figures_changed()
