"""Reports and site archives are background jobs (``imroc.jobs``): one person may have only
a few in flight, so nobody fills the worker; a running job beats, so a dead one is noticed in
minutes, not after its whole time limit."""

import datetime

import pytest
from django.utils import timezone

from imroc import jobs
from reports.models import Report
from site_exports import services
from site_exports.models import SiteExport
from tests.reports.factories import ReportFactory
from tests.site_exports.factories import SiteExportFactory

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def three_in_flight(world) -> None:
    """Two reports (one waiting, one being prepared) and an archive being prepared."""
    ReportFactory(site=world.site_a, requested_by=world.lead_a)
    ReportFactory(site=world.site_a, requested_by=world.lead_a, status=Report.Status.RUNNING)
    SiteExportFactory(
        site=world.site_a, requested_by=world.lead_a, status=SiteExport.Status.RUNNING
    )


def test_the_report_form_says_why_a_fourth_job_is_refused(client, world):
    three_in_flight(world)
    ReportFactory(site=world.site_a, requested_by=world.lead_b)  # someone else's: not counted
    client.force_login(world.lead_a)
    page = client.get("/reports/").content.decode()
    assert "up to 3 reports and site archives being prepared at once" in page

    response = client.post(
        "/reports/request/", {"kind": "site_progress", "site-site": world.site_a.slug}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "You already have 3 reports or archives" in page
    assert Report.objects.filter(requested_by=world.lead_a).count() == 2


def test_the_archive_page_says_why_a_fourth_job_is_refused(client, world):
    three_in_flight(world)
    client.force_login(world.lead_a)
    response = client.post(f"/exports/sites/{world.site_a.slug}/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Wait until one is ready" in page
    assert SiteExport.objects.filter(requested_by=world.lead_a).count() == 1


def test_a_finished_job_makes_room_for_another(client, world, django_capture_on_commit_callbacks):
    three_in_flight(world)
    Report.objects.filter(status=Report.Status.RUNNING).update(status=Report.Status.READY)
    client.force_login(world.lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exports/sites/{world.site_a.slug}/")
    assert response.status_code == 302
    assert SiteExport.objects.filter(requested_by=world.lead_a).count() == 2


def test_trying_a_failed_job_again_counts_as_a_new_one(client, world):
    three_in_flight(world)
    failed = SiteExportFactory(
        site=world.site_a, requested_by=world.lead_a, status=SiteExport.Status.FAILED
    )
    client.force_login(world.lead_a)
    response = client.post(f"/exports/{failed.pk}/retry/", follow=True)
    assert "You already have 3 reports or archives" in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == SiteExport.Status.FAILED


def running(world, *, beat_ago, started_ago=datetime.timedelta(minutes=5)) -> SiteExport:
    now = timezone.now()
    return SiteExportFactory(
        site=world.site_a,
        requested_by=world.lead_a,
        status=SiteExport.Status.RUNNING,
        started_at=now - started_ago,
        beat_at=None if beat_ago is None else now - beat_ago,
        attempts=1,
    )


@pytest.mark.parametrize(
    "beat_ago, lost",
    [
        (datetime.timedelta(seconds=30), False),  # beat on time
        (datetime.timedelta(seconds=110), False),  # a late beat or two
        (datetime.timedelta(seconds=130), True),  # silent past two minutes: its worker died
        (None, True),  # claimed five minutes ago and never beat
    ],
)
def test_the_sweep_tells_a_dead_job_by_its_silence(world, beat_ago, lost):
    job = running(world, beat_ago=beat_ago)
    counts = services.exports_recover(now=timezone.now())
    assert counts["restarted"] == int(lost)
    job.refresh_from_db()
    assert job.status == (SiteExport.Status.QUEUED if lost else SiteExport.Status.RUNNING)


def test_a_job_beating_past_its_time_limit_is_still_recovered(world):
    job = running(world, beat_ago=datetime.timedelta(seconds=10), started_ago=MINUTE * 13)
    assert services.exports_recover(now=timezone.now())["restarted"] == 1
    job.refresh_from_db()
    assert job.status == SiteExport.Status.QUEUED


def test_the_sweeps_run_every_minute(settings):
    """A dead job is noticed within SILENT_FOR plus one sweep: three minutes at most."""
    schedule = {e["task"]: e["schedule"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    for task in ("reports.recover", "site_exports.recover"):
        assert schedule[task].minute == set(range(60)), task
    assert jobs.SILENT_FOR + MINUTE <= datetime.timedelta(minutes=3)


@pytest.mark.django_db(transaction=True)
def test_a_running_job_beats_from_a_thread_of_its_own(world):
    """The heartbeat writes from its own thread while the work holds the main one."""
    job = running(world, beat_ago=MINUTE * 5)
    first = job.beat_at
    with jobs.heartbeat(job, every=0.05):
        for _ in range(200):
            job.refresh_from_db()
            if job.beat_at > first:
                break
            jobs.threading.Event().wait(0.05)
    assert job.beat_at > first
