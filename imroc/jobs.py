"""A background job kept as a row (a report, a site archive): claimed by its worker, beating
while it runs, and recovered by a periodic sweep when the worker is lost. The row has
``status`` (queued, running, ready, failed), ``progress``, ``attempts``, ``requested_by``,
``created_at``, ``started_at``, ``beat_at`` and ``finished_at``; each app keeps its own
model and task, registers the model here, and shares these rules."""

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .queueing import queue_on_commit

logger = logging.getLogger(__name__)

GRACE = timedelta(minutes=2)  # beyond the task's time limit before a job counts as lost
# A running job beats every IMROC_JOB_BEAT_SECONDS (30 s); one silent for this long lost its
# worker. The sweep runs every minute, so a dead job is noticed within about 3 minutes.
SILENT_FOR = timedelta(minutes=2)
_MODELS: list = []


class TooManyJobs(Exception):
    """The person already has as many jobs in flight as one may; the message says so."""


def register(model) -> None:
    """A kind of job (from its app's ``ready``): its rows count towards a person's limit."""
    if model not in _MODELS:
        _MODELS.append(model)


def in_flight(user) -> int:
    """The person's reports and archives queued or being prepared, of every kind."""
    return sum(
        model.objects.filter(
            requested_by=user, status__in=(model.Status.QUEUED, model.Status.RUNNING)
        ).count()
        for model in _MODELS
    )


def make_room(user) -> None:
    """Refuse a new job to someone with IMROC_JOBS_IN_FLIGHT already waiting or running, so
    one person cannot fill the worker. Called in the request's transaction; the person's row
    is locked, so two requests at once cannot both take the last place."""
    if user is None:  # the scheduler's own jobs (the monthly programme report)
        return
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    most = settings.IMROC_JOBS_IN_FLIGHT
    if in_flight(user) >= most:
        raise TooManyJobs(
            f"You already have {most} reports or archives being prepared, the most one person "
            "may have at once. Wait until one is ready (you will be told), then ask again."
        )


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


def queue(job, task: str, *, words: Words, **kwargs) -> None:
    """Start the task called ``task`` with ``kwargs`` for the job after commit; with the
    broker down the job is failed at once with words the person can act on."""

    def not_started():
        type(job).objects.filter(pk=job.pk, status=job.Status.QUEUED).update(
            status=job.Status.FAILED, progress=words.not_started, finished_at=timezone.now()
        )

    queue_on_commit(task, on_error=not_started, **kwargs)


def retry(job, *, requeue: Callable) -> bool:
    """Someone asks again for a failed job: the same request, queued afresh, if the person
    who asked for it has room (``TooManyJobs`` otherwise)."""
    make_room(job.requested_by)
    updated = (
        type(job)
        .objects.filter(pk=job.pk, status=job.Status.FAILED)
        .update(
            status=job.Status.QUEUED,
            progress=WAITING,
            error="",
            attempts=0,
            started_at=None,
            beat_at=None,
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
            beat_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    )
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


@contextmanager
def heartbeat(job, *, every: float | None = None):
    """While the work runs, a thread stamps ``beat_at`` every ``every`` seconds (the main
    thread may be busy in WeasyPrint for minutes): the sweep then tells a job still working
    from one whose worker died, in minutes rather than after the whole time limit."""
    every = every or settings.IMROC_JOB_BEAT_SECONDS
    running = type(job).objects.filter(pk=job.pk, status=job.Status.RUNNING)
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every):
                try:
                    running.update(beat_at=timezone.now())
                except DatabaseError:  # a missed beat; the next one may pass
                    logger.warning("Job %s could not beat", job.pk, exc_info=True)
        finally:
            connection.close()  # the thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{job.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


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
    """The periodic sweep: a running job silent for ``SILENT_FOR`` (no heartbeat) or past its
    time limit lost its worker (a killed or restarted machine): start it again, or fail it
    after ``most_attempts`` tries. A job still queued after an hour lost its message (Redis
    restarted): fail it. Each change is a conditional UPDATE, so a worker finishing or
    beating meanwhile wins."""
    Status = model.Status
    lost = (
        model.objects.filter(status=Status.RUNNING)
        .alias(last_sign=Coalesce("beat_at", "started_at"))
        .filter(Q(last_sign__lt=now - SILENT_FOR) | Q(started_at__lt=now - time_limit - GRACE))
    )
    counts = {"restarted": 0, "failed": 0}
    for job in lost:
        same = model.objects.filter(
            pk=job.pk, status=Status.RUNNING, started_at=job.started_at, beat_at=job.beat_at
        )
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
