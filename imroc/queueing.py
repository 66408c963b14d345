"""Queue Celery tasks so that a broker outage never breaks a request.

Saving a form must not fail because Redis is down: tasks are queued after the
transaction commits, and a broker error is logged instead of raised. Whatever was not
queued is picked up again by the next periodic run (the reminder scan re-queues pending
reminders; a report left queued is failed with a message asking to try again).
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def queue_on_commit(task, *, on_error=None, **kwargs) -> None:
    """Queue ``task(**kwargs)`` once the current transaction commits."""
    transaction.on_commit(lambda: queue_now(task, on_error=on_error, **kwargs))


def queue_now(task, *, on_error=None, **kwargs) -> bool:
    """Queue ``task(**kwargs)``; return False (and call ``on_error``) if the broker is down.
    No result is asked for: the work's state lives in the database, and subscribing to a
    result would wait on Redis again (twenty one-second retries when it is down)."""
    try:
        task.apply_async(kwargs=kwargs, ignore_result=True)
    except (OperationalError, ConnectionError, OSError) as exc:
        logger.warning("Could not queue %s%s: %s", task.name, kwargs, exc)
        if on_error is not None:
            on_error()
        return False
    return True
