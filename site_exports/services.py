"""State changes of site archives: asking for one, building it, recovery, clean-up. The
job follows the reports app's: claimed in the database, recovered by a sweep, told when
ready."""

import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from imroc import jobs
from notifications.services import notify
from reports.generation import collect, pdf_bytes
from reports.models import Report
from reports.registry import ReportContext

from .archive import write_site_archive
from .models import KEEP_FOR, MOST_ATTEMPTS, TIME_LIMIT, SiteExport

WORDS = jobs.Words("archive")


@transaction.atomic
def export_request(*, site, requested_by) -> SiteExport:
    """Record the request and start it after commit (a broker outage fails it at once).
    ``jobs.TooManyJobs`` if the person already has too many jobs in flight."""
    jobs.make_room(requested_by)
    export = SiteExport.objects.create(site=site, requested_by=requested_by, progress=jobs.WAITING)
    _queue(export)
    return export


@transaction.atomic
def export_retry(*, export: SiteExport) -> bool:
    return jobs.retry(export, requeue=_queue)


def _queue(export: SiteExport) -> None:
    jobs.queue(export, "site_exports.build", words=WORDS, export_id=export.pk)


def site_report_pdf(site, *, requested_by=None) -> bytes:
    """The reports app's site progress report, drawn by its own builder."""
    report = Report(kind=Report.Kind.SITE_PROGRESS, site=site, requested_by=requested_by)
    ctx = ReportContext(report=report, today=timezone.localdate(), site=site)
    return pdf_bytes(ctx, collect(ctx))


def export_build(*, export: SiteExport) -> bool:
    """Build the archive of a queued request; only the worker that claims it does the work.
    It ends ready or failed, never left "being prepared"; when ready the requester is told."""
    if not jobs.claim(export, progress="Drawing the progress report"):
        return False
    try:
        with jobs.heartbeat(export):
            pdf = site_report_pdf(export.site, requested_by=export.requested_by)
            jobs.say(export, "Writing every record as JSON and CSV")
            with tempfile.TemporaryFile() as archive:  # on disk, not in memory
                counts = write_site_archive(archive, export.site, pdf=pdf)
                archive.seek(0)
                export.archive.save(
                    f"site-{export.site_id}-{export.pk}.zip", File(archive), save=False
                )
    except Exception as exc:  # an archive must end ready or failed, never stay running
        jobs.fail(export, words=WORDS, error=exc)
        return False
    now = timezone.now()
    with transaction.atomic():
        SiteExport.objects.filter(pk=export.pk).update(
            status=SiteExport.Status.READY,
            progress="Ready to download",
            archive=export.archive.name,
            counts=counts,
            finished_at=now,
            expires_at=now + KEEP_FOR,
        )
        export.refresh_from_db()
        notify("site_export_ready", export=export)
    return True


def exports_recover(*, now=None) -> dict[str, int]:
    """The periodic sweep over archives whose worker was lost (``imroc.jobs``)."""
    return jobs.recover_lost(
        SiteExport,
        now=now or timezone.now(),
        time_limit=TIME_LIMIT,
        most_attempts=MOST_ATTEMPTS,
        words=WORDS,
        requeue=_queue,
    )


def exports_cleanup(*, now=None) -> int:
    """Delete archives past their expiry, the file first."""
    count = 0
    for export in SiteExport.objects.filter(expires_at__lte=now or timezone.now()):
        if export.archive:
            export.archive.delete(save=False)
        export.delete()
        count += 1
    return count
