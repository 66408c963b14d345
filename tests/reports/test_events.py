"""A finished report tells whoever asked for it (in the app and by email); a scheduled one
tells the administrators; a failed one tells nobody that it is ready."""

import datetime
from unittest import mock

import pytest
from django.core import mail

from notifications.models import Notification
from reports import registry, services, tasks

pytestmark = pytest.mark.django_db


def test_the_lead_who_asked_is_told_when_the_report_is_ready(world, committing):
    report = committing(
        services.report_request, kind="site_progress", site=world.site_a, requested_by=world.lead_a
    )
    [email] = mail.outbox
    assert email.to == [world.lead_a.email]
    assert email.subject == "Ready: Site progress report: Alpha Partnership NHS Trust"
    assert f"http://127.0.0.1:8000/reports/{report.pk}/" in email.body
    [notification] = Notification.objects.all()
    assert (notification.user, notification.url) == (world.lead_a, report.get_absolute_url())
    assert tasks.generate.delay(report_id=report.pk).get() is False  # generated once, told once
    assert len(mail.outbox) == 1


def test_the_scheduled_monthly_report_tells_the_administrators(world, committing):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2012, 7, 1)):
        committing(tasks.monthly_programme.delay)
    assert [m.to for m in mail.outbox] == [[world.admin.email]]
    assert Notification.objects.get().user == world.admin


def test_a_failed_report_is_not_announced_as_ready(world, committing):
    def broken(ctx):
        raise RuntimeError("no data")

    registry.section("site_progress", order=99)(broken)
    try:
        committing(
            services.report_request,
            kind="site_progress",
            site=world.site_a,
            requested_by=world.lead_a,
        )
    finally:
        registry._SECTIONS[:] = [e for e in registry._SECTIONS if e.build is not broken]
    assert mail.outbox == [] and not Notification.objects.exists()
