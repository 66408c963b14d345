import datetime

import pytest
from django.urls import reverse

from learning_sets import services
from learning_sets.models import Delegate
from reports.models import Report
from tests.reports.pdf import assert_pdf_contains, sheets
from tests.reports.progress import site_with_progress

pytestmark = pytest.mark.django_db


def test_an_organiser_asks_for_the_learning_set_report_and_gets_its_figures(
    client, world, django_capture_on_commit_callbacks
):
    progress = site_with_progress(world)
    carer = Delegate.objects.get(full_name="Carol Carer")
    services.evaluation_submit(
        delegate=carer, overall_rating=5, usefulness=4, take_back="Peer trainers in every course"
    )
    learning_set = progress.workshop.learning_set
    client.force_login(world.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:learning-set-report-request", args=[learning_set.pk])
        )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert (report.kind, report.learning_set_id, report.status) == (
        "learning_set",
        learning_set.pk,
        "ready",
    )
    assert report.title == f"Learning-set report: {learning_set.name}"
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(
            pdf.read(),
            learning_set.name,
            "Attendance by perspective",
            "Peer trainers in every course",
        )
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert ("Carer", 1, 1) in tables["Attendance by perspective"]
    assert (5, 1) in tables["Evaluation ratings"]
    assert tables["Workshops"][1][:2] == (1, datetime.datetime(2012, 3, 1))


def test_a_lead_cannot_ask_for_a_learning_set_report(client, world):
    progress = site_with_progress(world)
    client.force_login(world.lead_a)
    url = reverse("reports:learning-set-report-request", args=[progress.workshop.learning_set.pk])
    assert client.post(url).status_code == 403
    assert not Report.objects.exists()
