"""The Celery app: configured from Django settings (``CELERY_*``), tasks found per app."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imroc.settings")

app = Celery("imroc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def declare_queues_first(**kwargs) -> None:
    """Kombu's SQLAlchemy transport adds a queue's row on first use, and a worker with its
    scheduler (``-B``, a second process) may first use it from both at once, which fails on
    the row's unique name; so the worker declares its queues before either starts."""
    if not str(app.conf.broker_url).startswith("sqla+"):
        return
    with app.connection_for_write() as connection:
        for queue in app.amqp.queues.values():
            queue.bind(connection.default_channel).declare()
