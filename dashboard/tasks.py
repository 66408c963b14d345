"""Background work of the dashboard: its default view's figures, computed by the worker."""

import datetime

from celery import shared_task

from . import overview


@shared_task(name="dashboard.warm")
def warm() -> None:
    """Every minute: a cache read when nothing changed, the figures computed after a write."""
    overview.warm(datetime.date.today())
