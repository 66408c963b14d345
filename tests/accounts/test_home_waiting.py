"""The home page also lists the indicators waiting for their next value (linked to where the
value is entered) and the person's unread notifications, within the page's query budget."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Notification
from tests.accounts.test_home import HOME_QUERIES, actions_for_every_site, home
from tests.dashboard.test_queries import programme_of
from tests.notifications.factories import NotificationFactory
from tests.pdsa.factories import DataPointFactory, GoalFactory, IndicatorFactory, PriorityFactory

D = datetime.date
READ_AT = datetime.datetime(2012, 6, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2012, 6, 4, 9, 0), tick=False):
        yield


def indicators_of_site_a(world):
    goal = GoalFactory(priority=PriorityFactory(site=world.site_a), start_date=D(2012, 1, 2))
    late = IndicatorFactory(goal=goal, name="Care plans co-written", data_interval_days=30)
    DataPointFactory(indicator=late, date=D(2012, 4, 2))  # next was due 2 May
    fresh = IndicatorFactory(goal=goal, name="Peer workers in post", data_interval_days=30)
    DataPointFactory(indicator=fresh, date=D(2012, 6, 1))  # next due 1 July
    empty = IndicatorFactory(goal=goal, name="Recovery college places", data_interval_days=30)
    return late, fresh, empty


@pytest.mark.parametrize("role", ["lead_a", "member_a"])
def test_a_site_team_sees_indicators_waiting_for_their_next_value_linked_to_data_entry(
    client, world, role
):
    late, fresh, empty = indicators_of_site_a(world)
    page = home(client, getattr(world, role))
    assert "Indicator: Care plans co-written" in page
    assert f'href="/pdsa/indicators/{late.pk}/data/add/"' in page
    assert "a value every 30 days; due 2 May 2012" in page
    assert "Indicator: Recovery college places" in page  # none since the goal's start
    assert "Peer workers in post" not in page
    assert client.get(f"/pdsa/indicators/{late.pk}/data/add/").status_code == 200


def test_another_sites_lead_does_not_see_them(client, world):
    indicators_of_site_a(world)
    assert "Care plans co-written" not in home(client, world.lead_b)


def test_a_person_sees_their_unread_notifications_linked_to_the_notifications_page(client, world):
    for n in range(5):
        NotificationFactory(user=world.lead_a, subject=f"Stage due {n}")
    NotificationFactory(user=world.lead_a, subject="Already read", read_at=READ_AT)
    NotificationFactory(user=world.lead_b, subject="Someone else's")
    page = home(client, world.lead_a)
    assert "Unread notifications" in page and "You have 5 unread notifications" in page
    assert "Stage due 4" in page and "Stage due 2" in page and "Stage due 1" not in page
    assert "Already read" not in page and "Someone else" not in page
    assert 'href="/notifications/"' in page


def test_nothing_unread_shows_no_notifications_section(client, world):
    NotificationFactory(user=world.lead_a, read_at=READ_AT)
    assert "Unread notifications" not in home(client, world.lead_a)


@pytest.mark.parametrize("role", ["lead_a", "member_a"])
def test_the_home_page_keeps_its_budget_with_waiting_indicators_and_notifications(
    client, world, django_assert_max_num_queries, role
):
    workshop = programme_of(30, world)
    workshop.learning_set.sites.add(world.site_a)
    actions_for_every_site(world)
    indicators_of_site_a(world)
    user = getattr(world, role)
    Notification.objects.bulk_create(
        Notification(user=user, kind="indicator_data_due", subject=f"Due {n}", url="/")
        for n in range(20)
    )
    client.force_login(user)
    with django_assert_max_num_queries(HOME_QUERIES):
        page = client.get("/").content.decode()
    assert "Care plans co-written" in page and "You have 20 unread notifications" in page


LEAD_HOME_QUERIES = 12  # issue 27's budget for a page


def test_a_leads_home_page_reads_as_many_queries_for_3_or_300_waiting_indicators(client, world):
    counts, shown = [], []
    for sets in (1, 99):
        for _ in range(sets):
            indicators_of_site_a(world)
        client.force_login(world.lead_a)
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/").content.decode()
        counts.append(len(queries))
        shown.append((page.count("Recovery college places"), page.count("Care plans co-written")))
    assert counts[0] == counts[1] <= LEAD_HOME_QUERIES
    # the ten most pressing: those waiting since February before those late since May
    assert shown == [(1, 1), (10, 0)]
    # and how many more wait, so nobody takes the ten for all: 100 sets of two waiting
    assert "190 more indicators waiting for a value beyond the 10 most pressing listed." in page


def test_no_more_line_when_every_waiting_indicator_is_listed(client, world):
    indicators_of_site_a(world)
    assert "more indicators waiting" not in home(client, world.lead_a)
