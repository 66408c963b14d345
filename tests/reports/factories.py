import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from reports.models import KEEP_FOR, Report


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    kind = Report.Kind.SITE_PROGRESS
    status = Report.Status.QUEUED


def ready_report(**kwargs) -> Report:
    """A finished report with small stand-in files in the default storage."""
    report = ReportFactory(status=Report.Status.READY, **kwargs)
    report.pdf.save("walk.pdf", ContentFile(b"%PDF-1.7 stand-in"), save=False)
    report.spreadsheet.save("walk.xlsx", ContentFile(b"PK stand-in"), save=False)
    report.finished_at = timezone.now()
    report.expires_at = report.finished_at + KEEP_FOR
    report.save()
    return report


def scheduled_programme_report(**kwargs) -> Report:
    return ready_report(
        kind=Report.Kind.PROGRAMME,
        period_start=datetime.date(2012, 5, 1),
        period_end=datetime.date(2012, 5, 31),
        **kwargs,
    )
