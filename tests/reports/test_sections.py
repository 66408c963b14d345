"""The sections the apps add to the reports, generated on the eager path."""

import pytest

from reports import services
from reports.generation import collect
from reports.models import Report
from reports.registry import ReportContext
from tests.reports.factories import ReportFactory
from tests.reports.pdf import assert_pdf_contains, sheets
from tests.reports.progress import TODAY, site_with_progress
from tests.support.factories import (
    ProgressReviewFactory,
    ReviewActionFactory,
    ReviewResponseFactory,
)

pytestmark = pytest.mark.django_db


def generated(report) -> Report:
    assert services.report_generate(report=report, today=TODAY)
    report.refresh_from_db()
    return report


def test_the_site_report_has_every_part_of_the_sites_progress(world):
    progress = site_with_progress(world)
    report = generated(ReportFactory(site=world.site_a, requested_by=world.lead_a))
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(
            pdf.read(),
            "Self-assessment against the key challenges",
            "Changing the nature of day-to-day interactions",
            "up from",
            "Employ twelve peer support workers",
            "Indicator: Peer workers in post",
            "Peer workers in post: run chart",
            "Peer workers in post: XmR chart",
            "PDSA cycles and outcomes",
            "Recruit through the recovery college",
            "Support received",
            "Recovery for boards",
            "Learning-set attendance",
        )
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert tables["Assessment"][0] == ("Challenge", "Title", "Stage", "Previous stage", "Change")
    assert len(tables["Assessment"]) == 11
    assert len(tables["Indicator data"]) == 13
    assert {(row[0], row[2], row[5]) for row in tables["Cycles"][1:]} == {
        (progress.goal.title, "Recruit through the recovery college", "Adopt"),
        (progress.goal.title, "Peer supervision group", None),
    }
    assert ("Site visit", 1, 0.2) in tables["Support by kind"]
    assert tables["Learning sets"][1][3:] == (2, 1, 1)


def test_a_site_without_any_work_yet_still_gets_its_report(world):
    report = generated(ReportFactory(site=world.site_b, requested_by=world.lead_b))
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(
            pdf.read(),
            "has not assessed itself",
            "not agreed its priorities",
            "No PDSA cycles yet",
            "No support package agreed yet",
        )


def test_the_site_report_sections_read_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    site_with_progress(world)
    ctx = ReportContext(report=ReportFactory(site=world.site_a), today=TODAY, site=world.site_a)
    # 32: the progress-review section reads its reviews, their actions and responses (3)
    with django_assert_max_num_queries(32) as few:
        collect(ctx)
    for _ in range(4):
        site_with_progress_more(world)
    with django_assert_max_num_queries(len(few.captured_queries)):
        collect(ctx)


def site_with_progress_more(world):
    from tests.pdsa.factories import CycleFactory, DataPointFactory, GoalFactory, IndicatorFactory

    goal = GoalFactory(priority=world.site_a.priorities.get())
    indicator = IndicatorFactory(goal=goal)
    DataPointFactory(indicator=indicator)
    CycleFactory(goal=goal)
    review = ProgressReviewFactory(site=world.site_a)
    ReviewActionFactory(review=review)
    ReviewResponseFactory(review=review)
