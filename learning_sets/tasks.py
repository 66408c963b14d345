"""Thin Celery tasks of learning sets."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(name="learning_sets.fill_released_places")
def fill_released_places() -> int:
    return len(services.released_places_fill(today=timezone.localdate()))
