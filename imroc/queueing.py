"""Queue Celery tasks by name so that a broker outage never breaks a request.

Services name the task they queue (``"reports.generate"``) and never import their tasks
module; the tasks import the services they run, so the two never import each other.

Saving a form must not fail because Redis is down: tasks are queued after the
transaction commits, and a broker error is logged instead of raised. Whatever was not
queued is picked up again by the next periodic run (the reminder scan re-queues pending
reminders; a report left queued is failed with a message asking to try again).
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

from .celery import app

logger = logging.getLogger(__name__)


def queue_on_commit(name: str, *, on_error=None, **kwargs) -> None:
    """Queue the task called ``name`` with ``kwargs`` once the current transaction commits."""
    transaction.on_commit(lambda: queue_now(name, on_error=on_error, **kwargs))


def queue_now(name: str, *, on_error=None, **kwargs) -> bool:
    """Queue the task called ``name``; return False (and call ``on_error``) if the broker is
    down.
    No result is asked for: the work's state lives in the database, and subscribing to a
    result would wait on Redis again (twenty one-second retries when it is down)."""
    try:
        task(name).apply_async(kwargs=kwargs, ignore_result=True)
    except (OperationalError, ConnectionError, OSError) as exc:
        logger.warning("Could not queue %s%s: %s", name, kwargs, exc)
        if on_error is not None:
            on_error()
        return False
    return True


def task(name: str):
    """The task registered under ``name``, the apps' tasks modules loaded first if a web
    process has not loaded them yet (the task's own options, retries and queue, apply)."""
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]
