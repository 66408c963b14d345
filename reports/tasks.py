"""Thin Celery tasks: load by id, call a service."""

from celery import shared_task
from django.utils import timezone

from . import services
from .models import Report


@shared_task(name="reports.generate")
def generate(*, report_id: int) -> bool:
    report = Report.objects.filter(pk=report_id).select_related("site", "learning_set").first()
    if report is None:
        return False  # deleted since: nothing to do
    return services.report_generate(report=report)


@shared_task(name="reports.monthly_programme")
def monthly_programme() -> int | None:
    report = services.monthly_programme_report(today=timezone.localdate())
    return report.pk if report else None


@shared_task(name="reports.cleanup")
def cleanup() -> int:
    return services.reports_cleanup()
