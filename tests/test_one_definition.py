"""One definition each of "active site", "network site" (and the other categories) and
"review overdue", so every page, report and export counts the same sites."""

import datetime

import pytest
import time_machine

from reports.models import Report
from reports.registry import ReportContext
from sites import report_sections
from sites.models import Site
from sites.services import site_archive
from tests.reports.factories import ReportFactory
from tests.sites.factories import SiteFactory
from tests.support.factories import ProgressReviewFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2012, 6, 4)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2012, 6, 4, 9, 0), tick=False):
        yield


def reviewed(site, consultant, next_due):
    site.consultants.add(consultant)
    ProgressReviewFactory(
        site=site,
        consultant=consultant,
        review_date=D(2012, 1, 15),
        next_review_due=next_due,
    )


def test_active_sites_leave_out_the_archived_and_network_sites_are_active_network_sites(world):
    gone = SiteFactory(category="network")
    SiteFactory(category="network")
    site_archive(site=gone, archived_on=D(2012, 3, 1), reason="Left")
    assert gone not in Site.objects.active()
    assert list(Site.objects.archived()) == [gone]
    assert Site.objects.active().of_category("network").count() == 1


def test_the_administrator_counts_the_overdue_reviews_the_consultants_mark(client, world):
    """Site A: no review yet. C: its next review date has passed. D: due next month. E:
    overdue but archived. Site B has no review and no consultant."""
    consultant = world.consultant
    late = SiteFactory(name="Gamma", slug="gamma")
    reviewed(late, consultant, D(2012, 5, 1))
    reviewed(SiteFactory(name="Delta", slug="delta"), consultant, D(2012, 7, 1))
    gone = SiteFactory(name="Epsilon", slug="epsilon")
    reviewed(gone, consultant, D(2012, 5, 1))
    site_archive(site=gone, archived_on=D(2012, 5, 2), reason="Left the programme")

    client.force_login(world.admin)
    admin_home = client.get("/").content.decode()
    assert "3 active sites with a review overdue" in admin_home  # A, B and Gamma
    listed = client.get("/dashboard/list/sites/?overdue=1").context["page"].object_list
    assert {site.name for site in listed} == {world.site_a.name, world.site_b.name, "Gamma"}

    client.force_login(consultant)
    consultant_home = client.get("/").content.decode()
    reviews_due = consultant_home.split('id="reviews-due-heading"')[1].split("</section>")[0]
    assert reviews_due.count("nhsuk-tag--red") == 2  # A and Gamma: the consultant's overdue
    assert "Epsilon" not in reviews_due
    me = client.get("/dashboard/me/").content.decode()
    assert me.split('id="quiet-heading"')[0].count("Overdue") == 2


def test_the_programme_report_counts_the_network_sites_the_dashboard_counts(client, world):
    for i in range(3):
        SiteFactory(name=f"Network {i}", slug=f"network-{i}", category="network")
    gone = Site.objects.get(name="Network 0")
    site_archive(site=gone, archived_on=D(2012, 3, 1), reason="Left the programme")
    ctx = ReportContext(
        report=ReportFactory(kind=Report.Kind.PROGRAMME, site=None),
        today=TODAY,
        period_start=D(2012, 1, 1),
        period_end=D(2012, 6, 30),
    )
    section = report_sections.sites_by_category(ctx)
    counts = {label: active for label, active, _ in section.context["by_category"]}
    archived = {label: gone for label, _, gone in section.context["by_category"]}
    assert counts["Network"] == 2  # the archived site is listed, not counted
    assert archived["Network"] == 1
    listed = {row[0]: row[4] for row in section.tables[2].rows}  # the spreadsheet's sites
    assert listed["Network 0"] == D(2012, 3, 1) and listed["Network 1"] is None

    client.force_login(world.consultant)
    response = client.get("/dashboard/", {"date_from": "2012-01-01", "date_to": "2012-06-30"})
    status = {str(row[0].text): row[-1].text for row in response.context["tables"]["status"].rows}
    assert status["Network"] == counts["Network"]
    assert status["Pilot"] == counts["Pilot"] and status["Demonstration"] == counts["Demonstration"]
