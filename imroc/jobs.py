"""A background job kept as a row (a report, a site archive): claimed by its worker, and
recovered by a periodic sweep when the worker is lost. The row has ``status`` (queued,
running, ready, failed), ``progress``, ``attempts``, ``created_at``, ``started_at`` and
``finished_at``; each app keeps its own model and task, and shares these rules."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q

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
