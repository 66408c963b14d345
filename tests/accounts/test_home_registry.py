"""The home page is assembled from what each app registers in its ``home.py``: every part
reads within its own query budget for every role, and a new app's items and sections appear
without any change to ``accounts``."""

import dataclasses
import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import registry
from accounts.backends import AccountBackend
from accounts.home import home_page
from tests.accounts.test_home import actions_for_every_site, home
from tests.dashboard.test_queries import programme_of
from tests.templates import add_template

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2012, 6, 4)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2012, 6, 4, 9, 0), tick=False):
        yield


@pytest.fixture
def measured(monkeypatch):
    """Each part's own queries (a list's section without the items its parts give)."""
    spent, stack = {}, []

    def wrap(part):
        def build(page):
            stack.append(0)
            with CaptureQueriesContext(connection) as queries:
                result = part.build(page)
            nested = stack.pop()
            spent[part.title] = max(spent.get(part.title, 0), len(queries) - nested)
            if stack:
                stack[-1] += len(queries)
            return result

        return dataclasses.replace(part, build=build)

    monkeypatch.setattr(registry, "_SECTIONS", [wrap(p) for p in registry._SECTIONS])
    monkeypatch.setattr(registry, "_ITEMS", [wrap(p) for p in registry._ITEMS])
    return spent


@pytest.mark.parametrize("role", ["lead_a", "member_a", "consultant", "organiser", "admin"])
def test_every_part_of_every_role_s_home_reads_within_its_budget(world, measured, role):
    workshop = programme_of(30, world)
    workshop.learning_set.organisers.add(world.organiser)
    workshop.learning_set.sites.add(world.site_a)
    actions_for_every_site(world)
    user = AccountBackend().get_user(getattr(world, role).pk)
    registry.render_sections(home_page(user, TODAY))
    budgets = {p.title: p.queries for p in registry._SECTIONS + registry._ITEMS}
    assert measured, "no part ran"
    assert {t: n for t, n in measured.items() if n > budgets[t]} == {}


@pytest.fixture
def new_apps_parts(settings, tmp_path, monkeypatch):
    """What a new app adds from its own home.py: an item due and a section of its own."""
    add_template(
        settings,
        tmp_path,
        "newapp/_home.html",
        '<section aria-labelledby="unread"><h2 id="unread">Unread notifications</h2>'
        "<p>{{ unread }} unread</p></section>",
    )
    monkeypatch.setattr(registry, "_SECTIONS", list(registry._SECTIONS))
    monkeypatch.setattr(registry, "_ITEMS", list(registry._ITEMS))

    @registry.work_items("due", order=40, queries=0)
    def indicators_waiting(page):
        return [
            registry.Item(
                "Indicator: Falls on the ward", "/pdsa/indicators/1/", "next value", TODAY
            )
        ]

    @registry.home_section(
        title="Unread notifications", order=5, template="newapp/_home.html", queries=0
    )
    def unread(page):
        return {"unread": 3}


def test_a_new_apps_items_join_the_due_list_and_its_section_shows(client, world, new_apps_parts):
    page = home(client, world.lead_a)
    due = page.split('id="due-heading"')[1].split("</section>")[0]
    assert "Indicator: Falls on the ward" in due and "/pdsa/indicators/1/" in due
    assert "3 unread" in page
    assert page.index("Unread notifications") < page.index("Overdue and due soon")


def test_a_list_the_home_page_does_not_have_is_refused():
    with pytest.raises(ValueError, match="not one of the home page's lists"):
        registry.work_items("someday", order=1, queries=0)
