"""Events of reports (registered with ``notifications.registry``; raised by the services):
a report is ready for whoever asked for it; a scheduled one for the administrators."""

from django.contrib.auth import get_user_model

from accounts.roles import Role
from imroc.dates import long_date
from notifications.registry import Due, register_event

from .models import Report


@register_event("report_ready", label="A report you asked for is ready")
def report_ready(*, report: Report):
    if report.requested_by is not None:
        people = [report.requested_by]
    else:
        people = get_user_model().objects.filter(
            groups__name=Role.ADMINISTRATOR.value, is_active=True
        )
    for person in people:
        yield Due(
            kind="report_ready",
            recipient=person,
            key=f"report:{report.pk}",
            subject=f"Ready: {report.title}",
            url=report.get_absolute_url(),
            context={
                "message": (
                    f"{report.title} is ready to download as a PDF and a spreadsheet. "
                    f"It is kept until {long_date(report.expires_at)}."
                ),
                "title": report.title,
            },
        )
