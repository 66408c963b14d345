"""Thin Celery tasks of learning sets."""

from celery import shared_task
from django.utils import timezone

from . import retention, services


@shared_task(name="learning_sets.fill_released_places")
def fill_released_places() -> int:
    return len(services.released_places_fill(today=timezone.localdate()))


@shared_task(name="learning_sets.erase_needs")
def erase_needs() -> int:
    return retention.erase_past_needs(today=timezone.localdate())
