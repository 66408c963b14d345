"""The demo shows a ready archive of a site's data."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_leads_archive_of_devon_once(client):
    from site_exports.models import SiteExport

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    export = SiteExport.objects.get()
    assert export.status == SiteExport.Status.READY and export.requested_by.username == "lead"
    client.force_login(export.requested_by)
    page = client.get(export.get_absolute_url()).content.decode()
    assert "Download the archive (ZIP)" in page and "Data points" in page
