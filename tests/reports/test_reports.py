import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from reports import registry, services, tasks
from reports.models import Report
from sites.models import ProjectGroupMember
from tests.reports.factories import ReportFactory, ready_report
from tests.reports.pdf import assert_pdf_contains, sheets
from tests.sites.factories import PersonFactory

pytestmark = pytest.mark.django_db


def download(client, report, fmt) -> bytes:
    response = client.get(reverse("reports:report-download", args=[report.pk, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_lead_asks_for_their_sites_report_and_downloads_the_pdf_and_spreadsheet(
    client, world, committing
):
    ProjectGroupMember.objects.create(
        site=world.site_a,
        person=PersonFactory(full_name="Mary Trelawny"),
        role="member",
        perspective="carer",
    )
    client.force_login(world.lead_a)
    response = committing(
        client.post,
        reverse("reports:report-request"),
        {"kind": "site_progress", "site-site": "alpha"},
    )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Ready" in page and "Download the PDF" in page
    assert_pdf_contains(
        download(client, report, "pdf"),
        "Alpha Partnership NHS Trust",
        "Mary Trelawny",
        "Not yet co-produced",
        "Project group over time",
        "Median",
    )
    tables = sheets(download(client, report, "xlsx"))
    assert tables["Project group"][0] == ("Name", "Role", "Perspective", "Joined")
    assert ("Mary Trelawny", "Member", "Carer", None) in tables["Project group"]
    assert ("Category", "Pilot") in tables["Site"]
    assert tables["Group over time"][0] == ("Month", "Members")
    assert report.expires_at.date() == (timezone.now() + datetime.timedelta(days=30)).date()


def test_a_lead_cannot_ask_for_another_sites_report(client, world, committing):
    client.force_login(world.lead_b)
    response = committing(
        client.post,
        reverse("reports:report-request"),
        {"kind": "site_progress", "site-site": "alpha"},
    )
    assert response.status_code == 400
    assert "No site you can choose has &#x27;alpha&#x27; in its name" in response.content.decode()
    assert not Report.objects.exists()


def test_someone_who_left_the_group_can_no_longer_open_their_report(client, world):
    report = ready_report(site=world.site_a, requested_by=world.member_a)
    ProjectGroupMember.objects.filter(person__user=world.member_a).delete()
    client.force_login(world.member_a)
    assert client.get(report.get_absolute_url()).status_code == 404
    response = client.get(reverse("reports:report-download", args=[report.pk, "pdf"]))
    assert response.status_code == 404


def test_a_consultant_asks_for_a_programme_report_for_a_period(client, world, committing):
    client.force_login(world.consultant)
    response = committing(
        client.post,
        reverse("reports:report-request"),
        {
            "kind": "programme",
            "programme-period_start": "2012-01-01",
            "programme-period_end": "2012-06-30",
        },
    )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert report.status == "ready"
    # The PDF counts the sites of the period; the spreadsheet lists each of them.
    assert_pdf_contains(
        download(client, report, "pdf"),
        "2 active sites (joined by 30 June 2012)",
        "Demonstration 1 0",
        "Pilot 1 0",
    )
    rows = sheets(download(client, report, "xlsx"))["Sites"]
    assert rows[1][:2] == ("Beta Health Board", "Demonstration")


def test_a_programme_report_with_the_period_backwards_says_so(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("reports:report-request"),
        {
            "kind": "programme",
            "programme-period_start": "2012-06-30",
            "programme-period_end": "2012-01-01",
        },
    )
    assert response.status_code == 400
    assert "The end of the period must be after its start." in response.content.decode()
    assert not Report.objects.exists()


def test_an_organiser_may_not_ask_for_the_programme_report(client, world):
    client.force_login(world.organiser)
    response = client.post(reverse("reports:report-request"), {"kind": "programme"})
    assert response.status_code == 403


def test_a_report_still_being_prepared_shows_its_progress_and_looks_again(client, world):
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a, progress="Drawing")
    client.force_login(world.lead_a)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Queued" in page and "Drawing" in page
    assert "reports/poll.js" in page and "Check again" in page
    response = client.get(reverse("reports:report-download", args=[report.pk, "pdf"]))
    assert response.status_code == 404


def test_a_failing_section_fails_the_report_with_a_message(client, world, committing):
    def broken(ctx):
        raise RuntimeError("no data")

    registry.section("site_progress", order=99)(broken)
    try:
        report = committing(
            services.report_request,
            kind="site_progress",
            site=world.site_a,
            requested_by=world.lead_a,
        )
    finally:
        registry._SECTIONS[:] = [e for e in registry._SECTIONS if e.build is not broken]
    report.refresh_from_db()
    assert report.status == "failed"
    assert "RuntimeError('no data')" in report.error
    client.force_login(world.lead_a)
    assert "Failed" in client.get(report.get_absolute_url()).content.decode()


def test_with_the_broker_down_asking_still_works_and_the_report_says_to_try_again(
    client, world, committing
):
    client.force_login(world.lead_a)
    with mock.patch.object(
        tasks.generate, "apply_async", side_effect=OperationalError("Connection refused")
    ):
        response = committing(
            client.post,
            reverse("reports:report-request"),
            {"kind": "site_progress", "site-site": "alpha"},
        )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == "failed"
    assert report.progress == services.WORDS.not_started


def test_the_monthly_programme_report_is_made_once_and_listed_for_administrators(
    client, world, committing
):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2012, 7, 1)):
        committing(tasks.monthly_programme.delay)
        committing(tasks.monthly_programme.delay)
    report = Report.objects.get()
    assert (report.period_start, report.period_end) == (
        datetime.date(2012, 6, 1),
        datetime.date(2012, 6, 30),
    )
    assert report.status == "ready"
    client.force_login(world.admin)
    page = client.get(reverse("reports:report-list")).content.decode()
    assert "Programme report, 1 Jun 2012 to 30 Jun 2012" in page and "Monthly" in page
    client.force_login(world.consultant)
    assert "Monthly" not in client.get(reverse("reports:report-list")).content.decode()


def test_expired_reports_are_deleted_with_their_files(world):
    old = ready_report(site=world.site_a, requested_by=world.lead_a)
    fresh = ready_report(site=world.site_a, requested_by=world.lead_a)
    Report.objects.filter(pk=old.pk).update(expires_at=timezone.now())
    storage, name = old.pdf.storage, old.pdf.name
    assert tasks.cleanup.delay().get() == 1
    assert list(Report.objects.all()) == [fresh]
    assert not storage.exists(name)


@pytest.mark.parametrize("count", [1, 30])
def test_report_list_query_count_does_not_grow(client, world, django_assert_max_num_queries, count):
    for _ in range(count):
        ready_report(site=world.site_a, requested_by=world.lead_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("reports:report-list"))
    assert len(response.context["page"]) == min(count, 20)
