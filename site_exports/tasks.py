"""Thin Celery tasks: load by id, call a service."""

from celery import shared_task

from . import services
from .models import TIME_LIMIT, SiteExport


@shared_task(
    name="site_exports.build",
    # As reports.generate: acknowledged once done, put back if its worker process dies; the
    # recovery sweep covers a whole worker lost.
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=TIME_LIMIT.total_seconds() - 30,
    time_limit=TIME_LIMIT.total_seconds(),
)
def build(*, export_id: int) -> bool:
    export = SiteExport.objects.filter(pk=export_id).select_related("site").first()
    if export is None:
        return False  # deleted since: nothing to do
    return services.export_build(export=export)


@shared_task(name="site_exports.recover")
def recover() -> dict[str, int]:
    return services.exports_recover()


@shared_task(name="site_exports.cleanup")
def cleanup() -> int:
    return services.exports_cleanup()
