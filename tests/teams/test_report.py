import datetime

import pytest
from django.urls import reverse

from reports.models import Report
from tests.reports.pdf import assert_pdf_contains, sheets
from tests.teams import helpers

pytestmark = pytest.mark.django_db


def test_the_site_report_says_which_teams_moved_and_lists_their_plans(
    client, world, django_capture_on_commit_callbacks
):
    team = helpers.team(world.site_a)
    helpers.assess(team, rating=1)
    helpers.assess(team, on=datetime.date(2012, 9, 1), rating=2)
    helpers.action(team, what="Peer worker joins the team meeting")
    client.force_login(world.lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reports:report-request"), {"kind": "site_progress", "site-site": "alpha"}
        )
    report = Report.objects.get()

    def download(fmt):
        response = client.get(reverse("reports:report-download", args=[report.pk, fmt]))
        return b"".join(response.streaming_content)

    assert_pdf_contains(
        download("pdf"), "Team recovery plans (TRIP)", "1 of 1 team moved up", "up 8"
    )
    tables = sheets(download("xlsx"))
    assert tables["Teams"][1][:5] == (
        "Exeter community team", "Community", datetime.datetime(2012, 9, 1), 16, 8
    )  # fmt: skip
    assert tables["Team plan actions"][1][:3] == (
        "Exeter community team", "Peer worker joins the team meeting", "Dan Ellery"
    )  # fmt: skip
