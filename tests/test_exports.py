"""Every CSV and XLSX the app writes goes through one helper (``imroc.exports``), so typed-in
text that starts like a formula is written as text, never run by the spreadsheet opening it."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from imroc.exports import neutralise
from learning_sets.models import Topic
from pdsa.models import Goal
from reports import services as report_services
from tests.dashboard.programme import PERIOD, build
from tests.learning_sets.factories import register, workshop_for
from tests.pdsa.factories import GoalFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("text", FORMULAS)
def test_the_helper_writes_formula_like_text_as_text(text):
    assert neutralise(text) == "'" + text
    assert neutralise("Peer workers") == "Peer workers"
    assert neutralise(-2) == -2 and neutralise(None) is None


def test_the_dashboards_list_csv_neutralises_a_goal_title(client, world):
    build(world)
    Goal.objects.filter(status="stalled").update(title='=HYPERLINK("http://x","y")')
    client.force_login(world.consultant)
    rows = read_csv(client.get("/dashboard/list/goals/csv/", {**PERIOD, "status": "stalled"}))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'


def test_the_site_reports_spreadsheet_neutralises_a_goal_title(world):
    GoalFactory(priority__site=world.site_a, title="@SUM(1+1)*cmd|' /C calc'!A0")
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert report_services.report_generate(report=report) is True
    report.refresh_from_db()
    with report.spreadsheet.open("rb") as data:
        workbook = load_workbook(io.BytesIO(data.read()))
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value]
    titles = [c for c in cells if "SUM(1+1)" in str(c.value)]
    alone = [c for c in titles if c.value.lstrip("'").startswith("@SUM")]
    assert alone and all(c.value.startswith("'@") and c.data_type == "s" for c in alone)
    # Where a sentence quotes the title (the progress score's reasons), it starts with words.
    assert all(c.data_type == "s" and c.value[0] not in "=+-@\t\r" for c in titles)


def test_the_learning_set_summary_and_delegate_csvs_neutralise_typed_text(client, world):
    workshop = workshop_for([world.site_a])
    workshop.topic = Topic.objects.create(name="-1+1", key_questions="Why?")
    workshop.save()
    register(workshop, world.site_a, full_name="+44 7700 900000", access_needs="\t=1")
    client.force_login(world.organiser)
    summary = read_csv(client.get(f"/learning-sets/{workshop.learning_set_id}/summary.csv"))
    assert summary[1][2] == "'-1+1"
    delegates = read_csv(client.get(f"/learning-sets/workshops/{workshop.pk}/delegates.csv"))
    assert delegates[1][1] == "'+44 7700 900000" and delegates[1][7] == "'\t=1"


def test_no_module_writes_csv_or_xlsx_but_through_the_helper():
    """A new export that calls csv.writer or an XLSX library itself fails here."""
    allowed = {Path("imroc/exports.py"), Path("imroc/xlsx.py"), Path("reports/generation.py")}
    found = []
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        relative = path.relative_to(settings.BASE_DIR)
        if relative.parts[0] in {".venv", "tests", "node_modules"} or relative in allowed:
            continue
        if re.search(
            r"csv\.(writer|DictWriter)\(|(from|import) (openpyxl|xlsxwriter)", path.read_text()
        ):
            found.append(str(relative))
    assert not found, f"exports bypassing imroc.exports: {found}"
    assert "neutralise" in (Path(settings.BASE_DIR) / "reports/generation.py").read_text()
