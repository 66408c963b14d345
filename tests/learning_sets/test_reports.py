"""Reports, CSV exports, the site page's section, and the pinned query counts."""

import csv
import datetime
import io

import pytest

from learning_sets import services
from learning_sets.models import Workshop
from tests.sites.budgets import SITE_PAGE_QUERIES

from .factories import WorkshopFactory, register, sites, workshop_for

pytestmark = pytest.mark.django_db


def past_workshop_with_evaluations(world):
    workshop = workshop_for([world.site_a, world.site_b], date=datetime.date(2011, 10, 31))
    people = [
        (world.site_a, "service_user", True, 5),
        (world.site_a, "carer", True, 4),
        (world.site_b, "nhs_professional", True, None),
        (world.site_b, "nhs_professional", False, None),
    ]
    for site, perspective, attended, rating in people:
        delegate = register(workshop, site, perspective=perspective)
        services.attendance_mark(delegate=delegate, attended=attended)
        if rating:
            services.evaluation_submit(
                delegate=delegate,
                overall_rating=rating,
                usefulness=3,
                take_back=f"Lesson rated {rating}",
            )
    return workshop


def test_workshop_report_counts_attendance_mix_and_evaluations(client, world):
    workshop = past_workshop_with_evaluations(world)
    client.force_login(world.consultant)
    page = client.get(f"/learning-sets/workshops/{workshop.pk}/report/").content.decode()
    assert 'Service users or carers attending</dt><dd class="col-sm-7">2 (67% of attendees)' in page
    assert 'No-shows</dt><dd class="col-sm-7">1</dd>' in page
    assert "Mean overall rating <strong>4.5 out of 5</strong>" in page
    assert "Lesson rated 5" in page


def test_set_summary_csv_has_a_row_a_workshop_and_a_total(client, world):
    workshop = past_workshop_with_evaluations(world)
    client.force_login(world.organiser)
    response = client.get(f"/learning-sets/{workshop.learning_set_id}/summary.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:7] == [
        "workshop",
        "date",
        "topic",
        "registered",
        "waiting",
        "attended",
        "no-shows",
    ]
    assert rows[1][3:7] == ["4", "0", "3", "1"]
    assert rows[-1][0] == "All workshops" and rows[-1][-2] == "4.5"


def test_delegates_csv_carries_personal_details_for_organisers(client, world):
    workshop = workshop_for([world.site_a])
    register(workshop, world.site_a, full_name="=HYPERLINK(1)", dietary_needs="Halal")
    client.force_login(world.organiser)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/learning-sets/workshops/{workshop.pk}/delegates.csv").content.decode()
            )
        )
    )
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][6] == "Halal"


def test_site_page_lists_its_learning_sets_with_attendance(client, world):
    past_workshop_with_evaluations(world)
    client.force_login(world.lead_a)
    page = client.get(f"/sites/{world.site_a.slug}/").content.decode()
    assert "Learning sets" in page
    assert "<td>2</td><td>2</td>" in page


# Query counts -------------------------------------------------------------------------------


def filled_workshop(n_sites, per_site):
    members = sites(n_sites)
    workshop = workshop_for(members, capacity=100)
    services.agenda_standard_add(workshop=workshop)
    for site in members:
        for _ in range(per_site):
            register(workshop, site, dietary_needs="None")
    return workshop


@pytest.mark.parametrize("n_sites, per_site", [(1, 1), (8, 8)])
@pytest.mark.parametrize("role", ["organiser", "consultant", "lead_a"])
def test_workshop_page_queries_do_not_grow_with_delegates(
    client, world, django_assert_max_num_queries, n_sites, per_site, role
):
    workshop = filled_workshop(n_sites, per_site)
    workshop.learning_set.sites.add(world.site_a)
    for _ in range(per_site):
        register(workshop, world.site_a)
    client.force_login(world.users[role])
    with django_assert_max_num_queries(10):
        response = client.get(f"/learning-sets/workshops/{workshop.pk}/")
    visible = per_site if role == "lead_a" else (n_sites + 1) * per_site
    assert response.content.decode().count("data-delegate-row") == visible


@pytest.mark.parametrize("n_sites, per_site", [(1, 1), (8, 8)])
def test_set_page_and_reports_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n_sites, per_site
):
    workshop = filled_workshop(n_sites, per_site)
    for number in range(2, 7):
        WorkshopFactory(learning_set=workshop.learning_set, number=number)
    client.force_login(world.organiser)
    s = workshop.learning_set_id
    for url in [
        f"/learning-sets/{s}/",
        f"/learning-sets/{s}/report/",
        f"/learning-sets/workshops/{workshop.pk}/report/",
        f"/learning-sets/{s}/summary.csv",
        f"/learning-sets/workshops/{workshop.pk}/attendance/",
        f"/learning-sets/workshops/{workshop.pk}/sign-in-sheet/",
        f"/learning-sets/workshops/{workshop.pk}/evaluation-links/",
    ]:
        with django_assert_max_num_queries(11):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("n_sets", [1, 6])
def test_set_list_and_site_page_queries_do_not_grow(
    client, world, django_assert_max_num_queries, n_sets
):
    for _ in range(n_sets):
        workshop = workshop_for([world.site_a])
        register(workshop, world.site_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(8):
        assert client.get("/learning-sets/").content.decode().count("Learning set ") >= n_sets
    with django_assert_max_num_queries(SITE_PAGE_QUERIES):
        client.get(f"/sites/{world.site_a.slug}/")
    assert Workshop.objects.count() == n_sets
