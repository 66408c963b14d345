"""The programme report: the dashboard's figures for a period, across all sites, in SQL."""

import datetime

import pytest

from challenges.models import Assessment, Framework, Rating
from pdsa.models import Cycle, Goal, Priority, ProgressSnapshot
from reports import services
from reports.generation import collect
from reports.models import Report
from reports.registry import ReportContext
from sites.models import Site
from support.models import SupportLogEntry
from tests.pdsa.factories import challenge
from tests.reports.factories import ReportFactory
from tests.reports.pdf import assert_pdf_contains, page_count, sheets
from tests.reports.progress import TODAY, site_with_progress

pytestmark = pytest.mark.django_db
PERIOD = {"period_start": datetime.date(2012, 1, 1), "period_end": datetime.date(2012, 6, 30)}


def programme_report(**kwargs) -> Report:
    report = ReportFactory(kind=Report.Kind.PROGRAMME, site=None, **PERIOD, **kwargs)
    assert services.report_generate(report=report, today=TODAY)
    report.refresh_from_db()
    return report


def many_sites(n: int, by, first: int = 0) -> None:
    """``n`` sites, each assessed with a goal, a finished cycle and a visit, in bulk."""
    framework = Framework.objects.current()
    stages = list(framework.stages.order_by("rank"))
    challenges = list(framework.challenges.all())
    sites = Site.objects.bulk_create(
        Site(
            name=f"Bulk site {i}",
            slug=f"bulk-{i}",
            category=["demonstration", "pilot", "network"][i % 3],
            organisation_type="nhs_trust",
            region="london",
            date_joined=datetime.date(2011, 4, 1),
        )
        for i in range(first, first + n)
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(site=s, framework=framework, assessed_on=datetime.date(2012, 2, 1))
        for s in sites
    )
    Rating.objects.bulk_create(
        Rating(assessment=a, challenge=c, stage=stages[(i + c.number) % len(stages)])
        for i, a in enumerate(assessments)
        for c in challenges
    )
    priorities = Priority.objects.bulk_create(
        Priority(site=s, challenge=challenge(1), agreed_on=datetime.date(2011, 6, 1)) for s in sites
    )
    goals = Goal.objects.bulk_create(
        Goal(
            priority=p,
            title=f"Goal {i}",
            difficulty="hard" if i % 2 else "easy",
            start_date=datetime.date(2011, 6, 1),
            target_date=datetime.date(2012, 12, 31),
            status="in_progress",
        )
        for i, p in enumerate(priorities)
    )
    Cycle.objects.bulk_create(
        Cycle(
            goal=g,
            number=1,
            objective="o",
            change_idea="c",
            prediction="p",
            starts_on=datetime.date(2012, 1, 1),
            ends_on=datetime.date(2012, 2, 1),
            plan_done=datetime.date(2012, 1, 1),
            do_done=datetime.date(2012, 2, 1),
            study_done=datetime.date(2012, 2, 8),
            act_done=datetime.date(2012, 2, 15),
            outcome="abandon" if i % 4 == 0 else "adopt",
        )
        for i, g in enumerate(goals)
    )
    SupportLogEntry.objects.bulk_create(
        SupportLogEntry(
            site=s,
            kind="site_visit",
            date=datetime.date(2012, 3, 1),
            given_by=by,
            hours=7.5,
            recorded_by=by,
        )
        for s in sites
    )


def test_the_programme_report_counts_every_part_for_the_period(world):
    site_with_progress(world)
    report = programme_report(requested_by=world.admin)
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(
            pdf.read(),
            "Programme report",
            "The programme in figures",
            "Peer support workers (head count) 9",
            "Sites",
            "Progress scores",
            "Stages of the key challenges",
            "Goals and PDSA cycles",
            "Support and training",
            "Learning sets",
        )
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert ("Adopt", 1, 1) in tables["Cycle outcomes"]
    assert ("In progress", 1) in tables["Goals by status"]
    assert ("Site visit", 1, 0.2, 1) in tables["Support given"]
    assert ("Peer support workers (head count)", 9) in tables["Headline figures"]
    assert ("Workshops held", 1) in tables["Learning-set attendance"]
    assert ("Share with lived experience (%)", 100) in tables["Learning-set attendance"]
    stages = tables["Stages by challenge"]
    assert stages[0][:3] == ("Challenge", "Title", stages[0][2])
    assert sum(stages[1][2:]) == 1  # one site assessed


def test_the_programme_sections_read_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    ctx = ReportContext(
        report=ReportFactory(kind=Report.Kind.PROGRAMME, site=None), today=TODAY, **PERIOD
    )
    many_sites(2, world.consultant)
    with django_assert_max_num_queries(25) as few:
        collect(ctx)
    many_sites(30, world.consultant, first=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        collect(ctx)


def test_the_programme_report_counts_every_site_of_a_large_programme(world):
    """Its time at 500 and 2,000 sites is measured by ``manage.py benchmark``, not here."""
    many_sites(80, world.consultant)
    report = programme_report(requested_by=world.admin)
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert ("Abandon", 20, 20) in tables["Cycle outcomes"]
    assert len(tables["Sites"]) == 83  # header, the world's two sites, 80 more
    assert len(tables["Progress by site"]) == 83


def test_the_programme_report_summarises_in_pages_that_do_not_grow_with_the_sites(world):
    """2,000 sites once made 196 pages: the PDF gives counts and the sites that moved most,
    the spreadsheet every site's row."""
    many_sites(5, world.consultant)
    with programme_report(requested_by=world.admin).pdf.open("rb") as pdf:
        few = page_count(pdf.read())
    many_sites(40, world.consultant, first=5)
    report = programme_report(requested_by=world.admin)
    with report.pdf.open("rb") as pdf:
        assert page_count(pdf.read()) == few
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    names = [row[0] for row in tables["Sites"][1:]]
    assert len(names) == len(set(names)) == Site.objects.count() == 47


def test_the_programme_report_names_the_sites_whose_score_moved_most(world):
    sites = Site.objects.order_by("pk")[:2]
    for site, (before, after) in zip(sites, [(1.0, 3.0), (2.5, 2.0)], strict=True):
        ProgressSnapshot.objects.create(
            site=site, recorded_on=datetime.date(2011, 12, 1), score=before
        )
        ProgressSnapshot.objects.create(
            site=site, recorded_on=datetime.date(2012, 5, 1), score=after
        )
    ProgressSnapshot.objects.create(site=sites[0], recorded_on=datetime.date(2012, 8, 1), score=5)
    report = programme_report(requested_by=world.admin)
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert tables["Progress rose most"][1:] == [(sites[0].name, 1, 3, 2)]
    assert tables["Progress fell most"][1:] == [(sites[1].name, 2.5, 2, -0.5)]
    assert (3, "Modest improvement", 1) in tables["Sites by progress score"]
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(pdf.read(), "Rose most in the period", "+2.0", "-0.5")
