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
    assert (
        "Service users or carers attending</dt>"
        '<dd class="nhsuk-summary-list__value">2 (67% of attendees)'
    ) in page
    assert 'No-shows</dt><dd class="nhsuk-summary-list__value">1</dd>' in page
    assert "Mean overall rating <strong>4.5 out of 5</strong>" in page
    assert "Lesson rated 5" in page


def test_set_summary_csv_has_a_row_a_workshop_and_a_total(client, world):
    workshop = past_workshop_with_evaluations(world)
    client.force_login(world.organiser)
    response = client.get(f"/learning-sets/{workshop.learning_set_id}/summary.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
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
    mean_overall = rows[0].index("mean overall rating")
    assert rows[-1][0] == "All workshops" and rows[-1][mean_overall] == "4.5"


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
    assert (
        'Places taken by this site </span>2</td><td class="nhsuk-table__cell" role="cell">'
        '<span class="nhsuk-table__heading" aria-hidden="true">Attended </span>2</td>'
    ) in page


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


def test_take_back_answers_are_grouped_with_identical_ones_counted():
    from learning_sets.summary import group_answers

    answers = [
        "Peer workers in every team.",
        "peer workers in every team",
        "  Peer workers   in every team ",
        "Co-produce our training",
        "",
        "Co-produce our training!",
    ]
    assert group_answers(answers) == [
        ("Peer workers in every team.", 3),
        ("Co-produce our training", 2),
    ]


def test_the_set_report_groups_answers_and_shows_the_mix_by_site(client, world):
    members = [world.site_a, *sites(2)]
    workshop = workshop_for(members, date=datetime.date(2011, 10, 31))
    for n, site in enumerate(members * 2):
        delegate = register(workshop, site, perspective="carer" if n % 2 else "service_user")
        services.attendance_mark(delegate=delegate, attended=True)
        services.evaluation_submit(
            delegate=delegate,
            overall_rating=5,
            usefulness=4,
            take_back="Recovery college" if n < 4 else "Peer support workers",
        )
    client.force_login(world.consultant)
    page = client.get(f"/learning-sets/{workshop.learning_set.pk}/report/").content.decode()
    take_back = page[page.index('id="take-back"') :]
    assert take_back.index("Recovery college") < take_back.index("Peer support workers")
    assert "4 people" in take_back and "2 people" in take_back
    site_mix = page[
        page.index('id="site-mix"') : page.index("</table>", page.index('id="site-mix"'))
    ]
    assert world.site_a.name in site_mix and site_mix.count(">2</td>") == 3
    assert "Overall ratings given: 0 gave 1" in page  # the chart's text alternative
    assert "6 gave 5" in page


def test_the_summary_csv_opens_in_excel_with_a_column_per_perspective_and_site(client, world):
    workshop = workshop_for([world.site_a], date=datetime.date(2011, 10, 31))
    delegate = register(workshop, world.site_a, perspective="carer", full_name="Zoë")
    services.attendance_mark(delegate=delegate, attended=True)
    client.force_login(world.consultant)
    response = client.get(f"/learning-sets/{workshop.learning_set.pk}/summary.csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    header = rows[0]
    carers = header.index("attended: Carer")
    site = header.index(f"attended from {world.site_a.name}")
    assert rows[1][carers] == "1" and rows[1][site] == "1"


def test_the_learning_sets_page_gives_the_programmes_headline_figure(client, world):
    held = workshop_for([world.site_a], date=datetime.date(2011, 10, 31))
    future = workshop_for([world.site_a], date=datetime.date(2031, 10, 31))
    for perspective in ["service_user", "carer", "nhs_professional"]:
        services.attendance_mark(
            delegate=register(held, world.site_a, perspective=perspective), attended=True
        )
    register(held, world.site_a)  # registered, did not come
    register(future, world.site_a, perspective="carer")
    client.force_login(world.lead_a)
    page = client.get("/learning-sets/").content.decode()
    assert "1 workshop held, 3 attendees, 2 of them service users or carers" in page
