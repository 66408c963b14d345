"""Background work of the dashboard: its default view's figures, computed by the worker."""

import datetime

from celery import shared_task

from . import heatmap, overview


@shared_task(name="dashboard.warm")
def warm() -> None:
    """Every minute: a cache read when nothing changed, the figures (and the heatmap's first
    page) computed after a write."""
    today = datetime.date.today()
    overview.warm(today)
    heatmap.warm(today)
