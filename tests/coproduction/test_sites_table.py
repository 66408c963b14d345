"""The co-production page's sites at programme scale: a page of 25 sites with each kind of
gathering counted in the query that fetches them, sorted and filtered, and every filtered
site as CSV, at a number of queries that does not grow with the programme."""

import pytest

from sites.models import ProjectGroupMember
from tests.colleges.test_overview import csv_rows
from tests.coproduction.test_programme import PROGRAMME_PAGE_QUERIES, gathered
from tests.sites.factories import PersonFactory, SiteFactory

pytestmark = pytest.mark.django_db

CSV_QUERIES = 4  # user, the rows, the download's audit record


def with_group(site, perspectives):
    for perspective in perspectives:
        ProjectGroupMember.objects.create(
            site=site, person=PersonFactory(), perspective=perspective
        )
    return site


@pytest.mark.parametrize("n", [3, 60])
def test_a_page_shows_at_most_25_sites_at_constant_queries_and_the_csv_has_them_all(
    client, world, django_assert_max_num_queries, n
):
    for _ in range(n):
        with_group(SiteFactory(), ["carer", "clinician"])
    client.force_login(world.consultant)
    client.get("/co-production/")  # SQLite asks once a connection whether it has JSON
    with django_assert_max_num_queries(PROGRAMME_PAGE_QUERIES):
        response = client.get("/co-production/")
    assert len(response.context["rows"]) == min(n + 2, 25)
    assert response.content.decode().count("1 of 2 (50%)") == min(n, 23)  # after Alpha, Beta
    with django_assert_max_num_queries(CSV_QUERIES):
        rows = csv_rows(client.get("/co-production/sites.csv"))
    assert rows[0][:4] == ["Site", "Category", "Region", "Project group: how many"]
    assert len(rows) == n + 3


def test_sorting_by_a_kind_and_filtering_change_the_rows(client, world):
    gathered(world)  # site A: the workshop's 1 service user; site B: its carer and more
    with_group(SiteFactory(name="Wales Trust", region="wales"), ["carer", "carer", "staff"])
    client.force_login(world.consultant)

    def names(**params):
        response = client.get("/co-production/", params)
        return [site.name for site, _ in response.context["rows"]]

    assert names() == sorted(names())
    assert names(sort="-group")[0] == "Wales Trust"  # 2 carers in its project group
    assert names(sort="-training")[0] == world.site_a.name  # the only course
    assert names(region="wales") == ["Wales Trust"]
    assert names(q="alpha") == [world.site_a.name]
    page = client.get("/co-production/", {"sort": "-training"}).content.decode()
    assert 'aria-sort="descending"' in page and page.count("aria-sort=") == 1


def test_the_csv_counts_each_kind_and_writes_a_formula_as_text(client, world):
    gathered(world)
    world.site_b.name = "@SUM(A1)"
    world.site_b.save()
    client.force_login(world.consultant)
    rows = {row[0]: row for row in csv_rows(client.get("/co-production/sites.csv"))[1:]}
    training = rows[world.site_a.name][-4:]
    assert training == ["1", "16", "4", ""]  # a course with head counts: no staff figure
    assert "'@SUM(A1)" in rows


def test_a_lead_downloads_only_their_own_sites(client, world):
    client.force_login(world.lead_b)
    rows = csv_rows(client.get("/co-production/sites.csv"))
    assert [row[0] for row in rows[1:]] == [world.site_b.name]
