"""The colleges' overview at programme scale: the programme's figures, then one page of the
colleges (sorted, filtered by their site) and the whole filtered list as CSV, each at a
number of queries that does not grow with the programme."""

import csv
import datetime
import io
import re

import pytest

from tests.colleges import factories
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db

OVERVIEW_QUERIES = 6  # user, the figures, checked and using services, the count, the page
CSV_QUERIES = 4  # user, the rows, the download's audit record


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def colleges(n, **site_fields):
    made = []
    for i in range(n):
        college = factories.college(SiteFactory(**site_fields), name=f"College {i:03d}")
        factories.check(college, scores=(i % 3,) * 7)
        factories.term(college, students=10 + i, using=i)
        made.append(college)
    return made


@pytest.mark.parametrize("n", [3, 60])
def test_a_page_shows_at_most_25_colleges_at_constant_queries_and_the_csv_has_them_all(
    client, world, django_assert_max_num_queries, n
):
    colleges(n)
    client.force_login(world.consultant)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = client.get("/colleges/")
    page = response.content.decode()
    assert len(response.context["rows"]) == min(n, 25)
    assert page.count("data-college=") == min(n, 25)
    assert f"{n} open, 0 planned" in page
    assert ("Page 1 of 3" in page) == (n == 60)
    with django_assert_max_num_queries(CSV_QUERIES):
        rows = csv_rows(client.get("/colleges/overview.csv"))
    assert rows[0][:4] == ["Site", "Category", "Region", "College"]
    assert len(rows) == n + 1


def test_sorting_and_filtering_change_the_rows(client, world):
    colleges(3, region="london")
    colleges(2, region="wales", category="pilot")
    client.force_login(world.consultant)

    def names(**params):
        response = client.get("/colleges/", params)
        return [row.college.name for row in response.context["rows"]]

    assert names(sort="college") == sorted(names(sort="college"))
    assert names(sort="-college") == sorted(names(sort="college"), reverse=True)
    assert names(sort="score")[0] in ("College 000", "College 003")  # scored 0 of 14
    assert len(names(region="wales")) == 2 and len(names(category="pilot")) == 2
    assert names(q="college 002") == ["College 002"]
    assert names(q="nowhere") == []
    # An unknown sort or filter value leaves the default order and nothing filtered.
    assert len(names(sort="password", region="atlantis")) == 5
    page = client.get("/colleges/", {"sort": "-students"}).content.decode()
    assert re.search(r'aria-sort="descending"[^>]*><a href="\?sort=students">Students last', page)
    assert page.count("aria-sort=") == 1


def test_the_csv_keeps_the_filter_and_sort_and_neutralises_formulas(client, world):
    colleges(2)
    factories.college(SiteFactory(region="wales"), name="=HYPERLINK(evil)")
    client.force_login(world.consultant)
    rows = csv_rows(client.get("/colleges/overview.csv", {"region": "wales"}))
    assert [row[3] for row in rows[1:]] == ["'=HYPERLINK(evil)"]
    rows = csv_rows(client.get("/colleges/overview.csv", {"sort": "-college"}))
    assert [row[3] for row in rows[1:]] == ["College 001", "College 000", "'=HYPERLINK(evil)"]


def test_an_archived_sites_colleges_are_left_out(client, world):
    (gone,) = colleges(1)
    gone.site.is_active = False
    gone.site.save()
    colleges(1)
    client.force_login(world.admin)
    assert len(client.get("/colleges/").context["rows"]) == 1
    assert len(csv_rows(client.get("/colleges/overview.csv"))) == 2


def test_only_programme_staff_see_the_overview_or_its_csv(client, world):
    factories.college(world.site_a, opened_on=datetime.date(2011, 1, 1))
    for user in (world.lead_a, world.member_a, world.lead_b):
        client.force_login(user)
        assert client.get("/colleges/").status_code == 403
        assert client.get("/colleges/overview.csv").status_code == 403
    client.logout()
    assert client.get("/colleges/overview.csv").status_code == 302
