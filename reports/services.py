"""State changes of reports: asking for one, generating it, the monthly one, clean-up."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from imroc import jobs
from notifications.services import notify

from .generation import collect, pdf_bytes, xlsx_bytes
from .models import KEEP_FOR, MOST_ATTEMPTS, TIME_LIMIT, Report
from .registry import ReportContext

WORDS = jobs.Words("report")


@transaction.atomic
def report_request(
    *,
    kind: str,
    requested_by=None,
    site=None,
    learning_set_id: int | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
) -> Report:
    """Record the request and start it after commit; if the broker is down the report
    says so instead of waiting forever. ``jobs.TooManyJobs`` if the person has too many."""
    jobs.make_room(requested_by)
    report = Report.objects.create(
        kind=kind,
        requested_by=requested_by,
        site=site,
        learning_set_id=learning_set_id,
        period_start=period_start,
        period_end=period_end,
        progress=jobs.WAITING,
    )
    _queue(report)
    return report


@transaction.atomic
def report_retry(*, report: Report) -> bool:
    """Someone asks again for a failed report: the same request, queued afresh."""
    return jobs.retry(report, requeue=_queue)


def reports_recover(*, now=None) -> dict[str, int]:
    """The periodic sweep over reports whose worker was lost (``imroc.jobs``)."""
    return jobs.recover_lost(
        Report,
        now=now or timezone.now(),
        time_limit=TIME_LIMIT,
        most_attempts=MOST_ATTEMPTS,
        words=WORDS,
        requeue=_queue,
    )


def _queue(report: Report) -> None:
    jobs.queue(report, "reports.generate", words=WORDS, report_id=report.pk)


def report_generate(*, report: Report, today: date | None = None) -> bool:
    """Build the files of a queued report; only the worker that claims it does the work.
    Any failure is shown to the person who asked, not left spinning; when it is ready they
    are told."""
    if not jobs.claim(report, progress="Collecting the data"):
        return False
    ctx = ReportContext(
        report=report,
        today=today or timezone.localdate(),
        site=report.site,
        learning_set_id=report.learning_set_id,
        period_start=report.period_start,
        period_end=report.period_end,
    )
    try:
        with jobs.heartbeat(report):
            sections = collect(ctx)
            jobs.say(report, "Drawing the PDF")
            pdf = pdf_bytes(ctx, sections)
            jobs.say(report, "Writing the spreadsheet")
            spreadsheet = xlsx_bytes(sections)
            stem = f"{report.kind}-{report.pk}"
            report.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
            report.spreadsheet.save(f"{stem}.xlsx", ContentFile(spreadsheet), save=False)
    except Exception as exc:  # a report must end ready or failed, never stay running
        jobs.fail(report, words=WORDS, error=exc)
        return False
    now = timezone.now()
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.READY,
            progress="Ready to download",
            pdf=report.pdf.name,
            spreadsheet=report.spreadsheet.name,
            finished_at=now,
            expires_at=now + KEEP_FOR,
        )
        report.refresh_from_db()
        notify("report_ready", report=report)
    return True


def previous_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def monthly_programme_report(*, today: date) -> Report | None:
    """The administrator's programme report for last month, made once however often the
    schedule fires."""
    start, end = previous_month(today)
    if Report.objects.filter(
        kind=Report.Kind.PROGRAMME, requested_by__isnull=True, period_start=start, period_end=end
    ).exists():
        return None
    try:
        return report_request(kind=Report.Kind.PROGRAMME, period_start=start, period_end=end)
    except IntegrityError:  # another beat fired at the same moment
        return None


def reports_cleanup(*, now=None) -> int:
    """Delete reports past their expiry, files first."""
    expired = Report.objects.filter(expires_at__lte=now or timezone.now())
    count = 0
    for report in expired:
        for field in (report.pdf, report.spreadsheet):
            if field:
                field.delete(save=False)
        report.delete()
        count += 1
    return count
