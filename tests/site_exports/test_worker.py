"""A real Celery worker on Redis builds a site's archive (needs PostgreSQL and Redis)."""

import io
import zipfile

import pytest

from notifications.models import Notification
from site_exports import services
from site_exports.models import SiteExport
from tests.celery_worker import kill_mid_job, sweep_in_process
from tests.reports.progress import site_with_progress
from tests.site_exports.factories import SiteExportFactory

pytestmark = pytest.mark.worker


def test_a_real_worker_builds_the_archive_and_tells_the_lead(real_worker, world):
    export = SiteExportFactory(site=world.site_a, requested_by=world.lead_a)
    assert real_worker.send("site_exports.build", export_id=export.pk) is True
    export.refresh_from_db()
    assert export.status == SiteExport.Status.READY, export.error
    with export.archive.open("rb") as stored:
        names = zipfile.ZipFile(io.BytesIO(stored.read())).namelist()
    assert "site.json" in names and "alpha-progress-report.pdf" in names
    assert export.counts["sites.projectgroupmember"] == 2
    told = Notification.objects.get(user=world.lead_a)
    assert told.subject == "Ready: All the data of Alpha Partnership NHS Trust"
    assert real_worker.send("site_exports.build", export_id=export.pk) is False  # built once


def test_an_archive_whose_worker_is_killed_mid_build_is_recovered_by_the_sweep(real_worker, world):
    """SIGKILL, as when a machine dies: the archive would stay "being prepared" for ever;
    the sweep, once it has not beaten for
    two minutes (long before the time limit), starts it again and it finishes."""
    site_with_progress(world)  # a fuller report: the build takes long enough to be killed
    export = SiteExportFactory(site=world.site_a, requested_by=world.lead_a)
    kill_mid_job(real_worker, "site_exports.build", export, export_id=export.pk)
    counts = sweep_in_process(services.exports_recover)
    export.refresh_from_db()
    assert counts == {"restarted": 1, "failed": 0}
    assert export.status == SiteExport.Status.READY and export.attempts == 2
