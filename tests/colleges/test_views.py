import datetime

import pytest

from colleges import fidelity
from colleges.chart_svg import fidelity_chart
from colleges.models import Course, FidelityCheck, RecoveryCollege, Term
from tests.colleges import factories
from tests.colleges.factories import check_post
from tests.colleges.test_overview import OVERVIEW_QUERIES
from tests.sites.budgets import SITE_PAGE_QUERIES
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_a_lead_adds_a_college_and_an_open_one_needs_its_opening_date(client, world):
    client.force_login(world.lead_a)
    url = "/colleges/sites/alpha/new/"
    refused = client.post(url, {"name": "Alpha Recovery College", "status": "open"})
    assert "Enter the date the college opened" in refused.content.decode()
    response = client.post(
        url, {"name": "Alpha Recovery College", "status": "open", "opened_on": "2011-09-01"}
    )
    college = RecoveryCollege.objects.get()
    assert response.url == f"/colleges/{college.pk}/"
    again = client.post(url, {"name": "alpha recovery college", "status": "planned"})
    assert "already has a college of that name" in again.content.decode()


def test_a_check_scores_the_seven_components_and_shows_the_change(client, world):
    college = factories.college(world.site_a)
    factories.check(college, scores=(1, 1, 0, 1, 1, 0, 1))  # 5
    client.force_login(world.lead_a)
    form = client.get(f"/colleges/{college.pk}/checks/new/").content.decode()
    assert "start from the previous check" in form
    assert "At the check of 10 January 2012: 0: not present." in form
    assert "At the check of 10 January 2012: partly." in form
    response = client.post(f"/colleges/{college.pk}/checks/new/", check_post(score=2))
    assert response.status_code == 302
    latest = FidelityCheck.objects.latest("checked_on")
    assert latest.score == 14 and latest.components.count() == 12
    assert latest.features.filter(status="present").count() == 8
    page = client.get(f"/colleges/{college.pk}/").content.decode()
    assert "14 of 14</strong> at the check of 1 June 2012 (up 9)" in page
    assert 'role="img"' in page and "Jan 2012: 5 of 14; Jun 2012: 14 of 14." in page
    assert "Show the data" in page


def test_a_check_dated_in_the_future_or_twice_on_a_day_or_unscored_is_refused(client, world):
    college = factories.college(world.site_a)
    factories.check(college)
    client.force_login(world.lead_a)
    url = f"/colleges/{college.pk}/checks/new/"
    future = client.post(url, check_post(checked_on="2099-01-01")).content.decode()
    assert "cannot be in the future" in future
    twice = client.post(url, check_post(checked_on="2012-01-10")).content.decode()
    assert "already a check on this date" in twice
    bad = client.post(url, check_post(score=3, **{"score_learning": "9"})).content.decode()
    assert "Select a valid choice" in bad or "from the list" in bad
    long = client.post(url, check_post(describe_location="x" * 3000)).content.decode()
    assert "Location must be 2000 characters or fewer" in long
    assert FidelityCheck.objects.count() == 1


def test_changing_a_check_rewrites_its_ratings_and_score(client, world):
    college = factories.college(world.site_a)
    check = factories.check(college)
    client.force_login(world.member_a)
    url = f"/colleges/{college.pk}/checks/{check.pk}/edit/"
    assert "Remove this check" in client.get(url).content.decode()
    client.post(url, check_post(checked_on="2012-01-10", score=0))
    check.refresh_from_db()
    assert check.score == 0 and check.components.count() == 12


@pytest.mark.parametrize(
    "data, message",
    [
        ({"students": 10, "students_using_services": 11}, "cannot be more than the students"),
        ({"students": 10**9, "students_using_services": 1}, "100000 or less"),
        ({"students": -1, "students_using_services": 0}, "0 or more"),
        ({"students": "many", "students_using_services": 0}, "must be a whole number"),
    ],
)
def test_a_term_that_does_not_add_up_is_refused(client, world, data, message):
    college = factories.college(world.site_a)
    client.force_login(world.lead_a)
    response = client.post(
        f"/colleges/{college.pk}/terms/new/",
        {"name": "Autumn 2012", "starts_on": "2012-09-10", **data},
    )
    assert message in response.content.decode()
    assert not Term.objects.exists()


def test_terms_and_courses_show_students_and_the_share_who_use_services(client, world):
    college = factories.college(world.site_a)
    client.force_login(world.lead_a)
    client.post(
        f"/colleges/{college.pk}/terms/new/",
        {
            "name": "Autumn 2012",
            "starts_on": "2012-09-10",
            "students": 80,
            "students_using_services": 60,
        },
    )
    term = Term.objects.get()
    url = f"/colleges/{college.pk}/terms/{term.pk}/courses/new/"
    client.post(
        url, {"title": "Building a life beyond illness", "sessions": 6, "co_produced": "on"}
    )
    assert "100 or less" in client.post(url, {"title": "X", "sessions": 500}).content.decode()
    assert Course.objects.count() == 1
    page = client.get(f"/colleges/{college.pk}/").content.decode()
    assert "80 students enrolled, 60 of them (75%) use services" in page
    assert "1 course, 1 co-produced." in page
    client.force_login(world.consultant)
    overview = client.get("/colleges/").content.decode()
    assert "1 open, 0 planned" in overview and "80, 75% of them use services" in overview


def test_a_consultant_reads_but_cannot_record_and_an_outsider_sees_nothing(client, world):
    college = factories.college(world.site_a)
    client.force_login(world.consultant)
    page = client.get(f"/colleges/{college.pk}/").content.decode()
    assert "Record a fidelity check" not in page
    assert client.post(f"/colleges/{college.pk}/checks/new/", check_post()).status_code == 403
    client.force_login(world.lead_b)
    assert client.get(f"/colleges/{college.pk}/").status_code == 404
    assert client.get("/colleges/").status_code == 403
    assert not FidelityCheck.objects.exists()


@pytest.mark.parametrize("planned", [1, 20])
def test_the_site_page_lists_the_colleges_with_their_latest_score(
    client, world, django_assert_max_num_queries, planned
):
    college = factories.college(world.site_a)
    factories.check(college, scores=(2, 2, 2, 1, 1, 1, 1))
    for n in range(planned):
        factories.college(world.site_a, name=f"Hub {n}", status="planned", opened_on=None)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        page = client.get("/sites/alpha/").content.decode()
    assert "fidelity 10 of 14 at the check of 10 January 2012" in page
    assert 'Hub 0</a>: <strong class="nhsuk-tag nhsuk-tag--grey">Planned' in page


@pytest.mark.parametrize("n", [2, 30])
def test_the_overview_and_college_pages_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n
):
    college = factories.college(world.site_a)
    for i in range(n):
        site = SiteFactory()
        other = factories.college(site, name=f"College {i}")
        factories.check(other)
        factories.check(college, checked_on=datetime.date(2010, 1, 1) + datetime.timedelta(days=i))
        term = factories.term(college, starts_on=datetime.date(2010, 1, 1) + datetime.timedelta(i))
        factories.term(other)
        Course.objects.create(term=term, title="WRAP", sessions=2)
    client.force_login(world.consultant)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        assert client.get("/colleges/").status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(f"/colleges/{college.pk}/").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get("/colleges/sites/alpha/").status_code == 200
    check = college.fidelity_checks.last()
    with django_assert_max_num_queries(8):
        assert client.get(f"/colleges/{college.pk}/checks/{check.pk}/").status_code == 200


def test_the_score_is_the_seven_components_added_up_and_the_chart_says_each_point():
    assert fidelity.MOST == 14 and len(fidelity.COMPONENTS) == 12 and len(fidelity.SCORED) == 7
    assert fidelity.total({c.key: 2 for c in fidelity.COMPONENTS}) == 14
    assert fidelity.change(9, None) is None and fidelity.change(9, 12) == -3
    svg = fidelity_chart(title="Fidelity", points=[("Jan 2012", 5), ("Jul 2012", 9)])
    assert svg.startswith("<svg") and "Jan 2012: 5 of 14; Jul 2012: 9 of 14." in svg
    assert "<script" not in svg and "style=" not in svg


def test_the_demo_has_three_open_four_planned_and_a_two_year_self_check(world):
    from colleges import demo

    for site_name, *_ in demo.COLLEGES:
        SiteFactory(name=site_name)
    today = datetime.date(2026, 12, 1)
    demo.load(today=today)
    demo.load(today=today)  # safe to run again
    assert RecoveryCollege.objects.filter(status="open").count() == 3
    assert RecoveryCollege.objects.filter(status="planned").count() == 4
    scores = list(FidelityCheck.objects.order_by("checked_on").values_list("score", "checked_on"))
    assert len(scores) >= 4 and scores == sorted(scores)
    assert (scores[-1][1] - scores[0][1]).days >= 700
    assert Course.objects.filter(co_produced=True).exists()


def test_the_site_progress_report_has_the_colleges_fidelity_and_terms(world):
    from reports import services as reports
    from tests.reports.factories import ReportFactory
    from tests.reports.pdf import assert_pdf_contains, sheets

    college = factories.college(world.site_a)
    factories.check(college, scores=(1, 1, 0, 1, 1, 0, 1))
    factories.check(college, checked_on=datetime.date(2012, 7, 2), scores=(2,) * 7)
    factories.term(college)
    report = ReportFactory(site=world.site_a, requested_by=world.lead_a)
    assert reports.report_generate(report=report, today=datetime.date(2012, 8, 1))
    report.refresh_from_db()
    with report.pdf.open("rb") as pdf:
        assert_pdf_contains(pdf.read(), "Recovery colleges", "14 of 14", "75% of them use services")
    with report.spreadsheet.open("rb") as xlsx:
        tables = sheets(xlsx.read())
    assert [row[2:] for row in tables["Fidelity checks"][1:]] == [(5, None), (14, 9)]
    assert tables["College terms"][1][3:5] == (40, 30)


def test_the_programme_report_lists_every_college_in_one_query(world, django_assert_num_queries):
    from colleges.report_sections import programme_colleges

    for n in range(5):
        college = factories.college(SiteFactory(), name=f"College {n}")
        factories.check(college)
        factories.term(college)
    with django_assert_num_queries(1):
        section = programme_colleges(None)
    assert section.context["totals"].open == 5
    assert section.tables[0].rows[0][3:] == [7, None, 40, 75]


@pytest.mark.parametrize(
    "who, overview, record_a",
    [
        ("lead_a", False, True),
        ("member_a", False, True),
        ("lead_b", False, False),
        ("consultant", True, False),
        ("organiser", True, False),
        ("admin", True, True),
    ],
)
def test_who_sees_the_overview_and_records_site_as_colleges(world, who, overview, record_a):
    user = world.users[who]
    assert user.has_perm("colleges.view_overview") is overview
    assert user.has_perm("colleges.record_college", world.site_a) is record_a
