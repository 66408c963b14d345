"""A lead asks for their site's archive, is told when it is ready and downloads it."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone

from notifications.models import Notification
from site_exports import services
from site_exports.models import MOST_ATTEMPTS, TIME_LIMIT, SiteExport
from tests.reports.pdf import assert_pdf_contains
from tests.site_exports.factories import SiteExportFactory, ready_export

pytestmark = pytest.mark.django_db

LATER = TIME_LIMIT + datetime.timedelta(minutes=5)
MINUTE = datetime.timedelta(minutes=1)


def test_the_lead_prepares_the_archive_is_told_and_downloads_json_csv_and_pdf(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.lead_a)
    site_page = client.get(world.site_a.get_absolute_url()).content.decode()
    assert "Download all the data" in site_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exports/sites/{world.site_a.slug}/")
    export = SiteExport.objects.get()
    assert response["Location"] == export.get_absolute_url()
    page = client.get(export.get_absolute_url()).content.decode()
    assert "Ready" in page and "Download the archive (ZIP)" in page
    assert "Project group members" in page  # what the archive holds
    notification = Notification.objects.get(user=world.lead_a)
    assert notification.subject == "Ready: All the data of Alpha Partnership NHS Trust"

    response = client.get(f"/exports/{export.pk}/download/")
    assert response["Content-Type"] == "application/zip"
    assert f'filename="alpha-{export.created_at:%Y-%m-%d}.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        data = json.loads(archive.read("site.json"))
        group = archive.read("csv/Project group members.csv").decode("utf-8-sig")  # BOM for Excel
        assert_pdf_contains(
            archive.read("alpha-progress-report.pdf"),
            "Site progress report: Alpha Partnership NHS Trust",
        )
    assert data["site"] == {"slug": "alpha", "name": "Alpha Partnership NHS Trust"}
    assert data["counts"]["sites.projectgroupmember"] == 2
    assert group.splitlines()[0] == "ID,Site (ID),Person (ID),Role,Perspective,Joined on"


def test_members_read_the_site_but_do_not_see_the_archive_link(client, world):
    client.force_login(world.member_a)
    assert (
        "Download all the data" not in client.get(world.site_a.get_absolute_url()).content.decode()
    )


def test_someone_no_longer_lead_cannot_open_the_archive_they_asked_for(client, world):
    from sites.models import ProjectGroupMember

    export = ready_export(site=world.site_a, requested_by=world.lead_a)
    ProjectGroupMember.objects.filter(person__user=world.lead_a).delete()
    client.force_login(world.lead_a)
    assert client.get(export.get_absolute_url()).status_code == 404
    assert client.get(f"/exports/{export.pk}/download/").status_code == 404


def test_a_queued_archive_shows_its_progress_and_no_download(client, world):
    export = SiteExportFactory(site=world.site_a, requested_by=world.lead_a, progress="Waiting")
    client.force_login(world.lead_a)
    page = client.get(export.get_absolute_url()).content.decode()
    assert "Queued" in page and "Check again" in page and "data-report-pending" in page
    assert client.get(f"/exports/{export.pk}/download/").status_code == 404


def test_an_archive_whose_worker_died_is_started_again_then_failed_with_a_retry(
    client, world, django_capture_on_commit_callbacks
):
    lost = SiteExportFactory(
        site=world.site_a,
        requested_by=world.lead_a,
        status=SiteExport.Status.RUNNING,
        started_at=timezone.now(),
        attempts=1,
    )
    assert services.exports_recover(now=timezone.now() + MINUTE)["restarted"] == 0  # beating
    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_recover(now=timezone.now() + LATER) == {"restarted": 1, "failed": 0}
    lost.refresh_from_db()
    assert lost.status == SiteExport.Status.READY and lost.attempts == 2

    again = SiteExportFactory(
        site=world.site_a,
        requested_by=world.lead_a,
        status=SiteExport.Status.RUNNING,
        started_at=timezone.now(),
        attempts=MOST_ATTEMPTS,
    )
    assert services.exports_recover(now=timezone.now() + LATER) == {"restarted": 0, "failed": 1}
    client.force_login(world.lead_a)
    page = client.get(again.get_absolute_url()).content.decode()
    assert "stopped before it was ready" in page and ">Try again</button>" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/exports/{again.pk}/retry/").status_code == 302
    again.refresh_from_db()
    assert again.status == SiteExport.Status.READY


def test_an_archive_never_picked_up_fails_after_an_hour_and_expired_ones_are_deleted(world):
    waiting = SiteExportFactory(site=world.site_a, requested_by=world.lead_a)
    services.exports_recover(now=timezone.now() + datetime.timedelta(minutes=61))
    waiting.refresh_from_db()
    assert waiting.status == SiteExport.Status.FAILED and "within an hour" in waiting.progress
    old = ready_export(site=world.site_a, requested_by=world.lead_a)
    name = old.archive.name
    assert services.exports_cleanup(now=old.expires_at) == 1
    assert not SiteExport.objects.filter(pk=old.pk).exists()
    assert not old.archive.storage.exists(name)


def test_the_sweeps_are_scheduled():
    from django.conf import settings

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"site_exports.recover", "site_exports.cleanup"} <= scheduled


@pytest.mark.parametrize("earlier", [1, 8])
def test_the_export_page_and_ready_page_take_the_same_queries_however_many_archives(
    client, world, django_assert_max_num_queries, earlier
):
    for _ in range(earlier):
        export = ready_export(site=world.site_a, requested_by=world.lead_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(3):  # the user with roles, the site, the archives
        assert client.get(f"/exports/sites/{world.site_a.slug}/").status_code == 200
    with django_assert_max_num_queries(2):  # the archive with its site
        assert client.get(export.get_absolute_url()).status_code == 200


def test_the_ready_page_names_each_kind_without_history_or_kinds_since_removed(world):
    export = ready_export(site=world.site_a, requested_by=world.lead_a)
    export.counts["retired_app.thing"] = 2
    assert export.contents == [("Sites", 1), ("Goals", 3)]


def test_a_site_that_left_the_programme_still_takes_all_its_data_away(
    client, world, django_capture_on_commit_callbacks
):
    from sites.services import site_archive

    site_archive(site=world.site_a, archived_on=datetime.date(2013, 3, 31), reason="Left")
    client.force_login(world.lead_a)
    assert client.get(f"/exports/sites/{world.site_a.slug}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exports/sites/{world.site_a.slug}/")
    export = SiteExport.objects.get()
    assert export.status == SiteExport.Status.READY
    assert export.counts["sites.site"] == 1
