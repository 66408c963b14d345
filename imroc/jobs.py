"""A background job kept as a row (a report, a site archive): claimed by its worker, and
recovered by a periodic sweep when the worker is lost. The row has ``status`` (queued,
running, ready, failed), ``progress``, ``attempts``, ``created_at``, ``started_at`` and
``finished_at``; each app keeps its own model and task, and shares these rules."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone

from .queueing import queue_on_commit

logger = logging.getLogger(__name__)

GRACE = timedelta(minutes=2)  # beyond the task's time limit before a job counts as lost
RESTARTED = "Started again: the first try stopped before it was ready"
WAITING = "Waiting for the background worker"


@dataclass(frozen=True)
class Words:
    """What the person reads on a job that did not finish, in its own noun."""

    noun: str  # "report", "archive"

    @property
    def not_started(self) -> str:
        return (
            f"The background service is unavailable, so the {self.noun} could not start. Try again."
        )

    @property
    def stopped(self) -> str:
        return (
            f"The {self.noun} stopped before it was ready (its background worker was lost) "
            "and was not finished on a second try. Try again; if it fails again, tell the "
            "programme administrator."
        )

    @property
    def never_started(self) -> str:
        return f"No background worker picked the {self.noun} up within an hour. Try again."


def queue(job, task, *, words: Words, **kwargs) -> None:
    """Start ``task(**kwargs)`` for the job after commit; with the broker down the job is
    failed at once with words the person can act on."""

    def not_started():
        type(job).objects.filter(pk=job.pk, status=job.Status.QUEUED).update(
            status=job.Status.FAILED, progress=words.not_started, finished_at=timezone.now()
        )

    queue_on_commit(task, on_error=not_started, **kwargs)


def retry(job, *, requeue: Callable) -> bool:
    """Someone asks again for a failed job: the same request, queued afresh."""
    updated = (
        type(job)
        .objects.filter(pk=job.pk, status=job.Status.FAILED)
        .update(
            status=job.Status.QUEUED,
            progress=WAITING,
            error="",
            attempts=0,
            started_at=None,
            finished_at=None,
        )
    )
    if updated:
        requeue(job)
    return bool(updated)


def claim(job, *, progress: str) -> bool:
    """Only the worker whose conditional UPDATE takes the queued job does the work."""
    claimed = (
        type(job)
        .objects.filter(pk=job.pk, status=job.Status.QUEUED)
        .update(
            status=job.Status.RUNNING,
            progress=progress,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    )
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


def say(job, message: str) -> None:
    """What the job is doing now, for the page that polls it."""
    type(job).objects.filter(pk=job.pk).update(progress=message)


def fail(job, *, words: Words, error: Exception) -> None:
    """A job ends ready or failed, never stays running: the person reads that it failed."""
    logger.exception("%s %s failed", type(job)._meta.verbose_name.capitalize(), job.pk)
    type(job).objects.filter(pk=job.pk).update(
        status=job.Status.FAILED,
        progress=f"Something went wrong while preparing the {words.noun}.",
        error=repr(error),
        finished_at=timezone.now(),
    )


def recover_lost(
    model, *, now, time_limit: timedelta, most_attempts: int, words: Words, requeue: Callable
) -> dict[str, int]:
    """The periodic sweep: a job still running past its time limit lost its worker (a killed
    or restarted machine): start it again, or fail it after ``most_attempts`` tries. A job
    still queued after an hour lost its message (Redis restarted): fail it. Each change is a
    conditional UPDATE, so a worker finishing meanwhile wins."""
    Status = model.Status
    lost = model.objects.filter(status=Status.RUNNING, started_at__lt=now - time_limit - GRACE)
    counts = {"restarted": 0, "failed": 0}
    for job in lost:
        same = model.objects.filter(pk=job.pk, status=Status.RUNNING, started_at=job.started_at)
        if job.attempts >= most_attempts:
            counts["failed"] += same.update(
                status=Status.FAILED, progress=words.stopped, finished_at=now
            )
        elif same.update(status=Status.QUEUED, progress=RESTARTED):
            counts["restarted"] += 1
            requeue(job)
    hour_ago = now - timedelta(hours=1)
    counts["failed"] += (
        model.objects.filter(status=Status.QUEUED, created_at__lt=hour_ago)
        .filter(Q(started_at__isnull=True) | Q(started_at__lt=hour_ago))
        .update(status=Status.FAILED, progress=words.never_started, finished_at=now)
    )
    if any(counts.values()):
        logger.warning("%s recovery: %s", model._meta.verbose_name.capitalize(), counts)
    return counts
