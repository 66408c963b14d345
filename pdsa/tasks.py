"""Background work of the improvement records: the daily progress scores."""

from celery import shared_task
from django.utils import timezone

from sites.models import Site

from . import services


@shared_task(name="pdsa.record_progress")
def record_progress() -> int:
    """Each active site's progress scores for today, stored where they moved."""
    today = timezone.localdate()
    return sum(
        services.progress_record(site=site, today=today)
        for site in Site.objects.active().order_by("pk")
    )
