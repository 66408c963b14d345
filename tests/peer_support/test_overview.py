"""The peer-support overview at programme scale: the figures, then one page of the sites
(sorted, filtered) and every filtered site as CSV, at a number of queries that does not grow
with the programme; each site's stage worked out in SQL as the method orders it."""

import datetime
from decimal import Decimal

import pytest

from peer_support import checklist, selectors, services
from peer_support.models import ChecklistEntry
from sites.models import Site
from tests.colleges.test_overview import csv_rows
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db

OVERVIEW_QUERIES = 6  # user, the count, the page, the figures, rounds, the stages
CSV_QUERIES = 4  # user, the rows, the download's audit record

KEYS = [item.key for item in checklist.ITEMS]


def started(site, done=("terms",), head_count=2, appointed=1):
    ChecklistEntry.objects.bulk_create(
        ChecklistEntry(site=site, item=item, done_on=datetime.date(2012, 1, 1)) for item in done
    )
    if head_count:
        services.post_save(site=site, team="Ward", head_count=head_count, wte=Decimal(head_count))
    if appointed:
        services.round_save(
            site=site,
            opened_on=datetime.date(2012, 1, 1),
            applicants=5,
            interviewed=3,
            appointed=appointed,
        )
    return site


@pytest.mark.parametrize(
    "done",
    [set(), {"terms"}, set(KEYS[:5]), set(KEYS[:5]) | {"wellbeing"}, set(KEYS[:13]), set(KEYS)],
)
def test_the_stage_in_sql_is_the_methods_first_stage_with_something_not_done(done, world):
    site = started(SiteFactory(), done=done, head_count=1, appointed=0)
    row = selectors.SiteStanding(selectors.with_standing(Site.objects.filter(pk=site.pk)).get())
    assert row.started and row.stage == checklist.stage_reached(done)
    assert row.site.done == len(done)


def test_a_site_with_nothing_recorded_has_not_started(world):
    row = selectors.SiteStanding(
        selectors.with_standing(Site.objects.filter(pk=world.site_a.pk)).get()
    )
    assert not row.started
    started(world.site_b, done=(), head_count=0, appointed=0)
    services.round_save(
        site=world.site_b,
        opened_on=datetime.date(2012, 1, 1),
        applicants=4,
        interviewed=0,
        appointed=0,
    )
    row = selectors.SiteStanding(
        selectors.with_standing(Site.objects.filter(pk=world.site_b.pk)).get()
    )
    assert row.started and row.stage == "preparation"


@pytest.mark.parametrize("n", [3, 60])
def test_a_page_shows_at_most_25_sites_at_constant_queries_and_the_csv_has_them_all(
    client, world, django_assert_max_num_queries, n
):
    for _ in range(n):
        started(SiteFactory())
    client.force_login(world.consultant)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = client.get("/peer-support/")
    page = response.content.decode()
    assert page.count("data-site=") == min(n + 2, 25)
    assert f"{2 * n} people ({2 * n} whole-time equivalent)" in page
    assert response.context["stage_counts"][0] == ("Preparation", n)
    with django_assert_max_num_queries(CSV_QUERIES):
        rows = csv_rows(client.get("/peer-support/overview.csv"))
    assert rows[0][:4] == ["Site", "Category", "Region", "Stage"]
    assert len(rows) == n + 3  # the header, world's two sites and the n


def test_sorting_and_filtering_change_the_rows(client, world):
    started(SiteFactory(name="Zeta Trust", region="wales"), done=KEYS[:5], head_count=9)
    started(SiteFactory(name="Eta Trust", region="wales", category="pilot"), head_count=1)
    client.force_login(world.consultant)

    def names(**params):
        return [row.site.name for row in client.get("/peer-support/", params).context["rows"]]

    every = names()
    assert every == sorted(every) and len(every) == 4
    assert names(sort="-site") == every[::-1]
    assert names(sort="-people")[:2] == ["Zeta Trust", "Eta Trust"]
    assert names(sort="-stage")[0] == "Zeta Trust"  # working on recruitment
    assert names(region="wales", category="pilot") == ["Eta Trust"]
    assert names(q="zeta") == ["Zeta Trust"]
    rows = csv_rows(client.get("/peer-support/overview.csv", {"region": "wales", "sort": "-wte"}))
    assert [row[0] for row in rows[1:]] == ["Zeta Trust", "Eta Trust"]
    assert rows[1][3:6] == ["Recruitment", "5", "9"]


def test_a_lead_sees_only_their_own_sites_and_a_formula_is_written_as_text(client, world):
    world.site_b.name = "=cmd|' /C calc'!A0"
    world.site_b.save()
    client.force_login(world.lead_b)
    response = client.get("/peer-support/")
    assert [row.site for row in response.context["rows"]] == [world.site_b]
    rows = csv_rows(client.get("/peer-support/overview.csv"))
    assert [row[0] for row in rows[1:]] == ["'=cmd|' /C calc'!A0"]
    client.logout()
    assert client.get("/peer-support/overview.csv").status_code == 302
