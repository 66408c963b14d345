"""Thin Celery tasks: load by id, call a service."""

from celery import shared_task
from django.utils import timezone

from . import services
from .models import TIME_LIMIT, Report


@shared_task(
    name="reports.generate",
    # Acknowledged once done, and put back if its worker process dies mid-report; the
    # recovery sweep covers a whole worker lost (its message waits for Redis's visibility
    # timeout) and reports the limits stopped.
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=TIME_LIMIT.total_seconds() - 30,
    time_limit=TIME_LIMIT.total_seconds(),
)
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


@shared_task(name="reports.recover")
def recover() -> dict[str, int]:
    return services.reports_recover()
