"""A real Celery worker on Redis builds a site's archive (needs PostgreSQL and Redis)."""

import io
import zipfile

import pytest

from notifications.models import Notification
from site_exports.models import SiteExport
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
