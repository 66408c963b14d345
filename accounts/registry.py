"""The home page's registry: every app adds its part of each person's work from its own
``home.py`` (found by ``AccountsConfig.ready``).

Two kinds of part:

- **Items** of one of the page's lists (``due``: overdue and due soon for a site's team;
  ``new``: new for the people of a site; ``open_actions`` and ``activity``: a consultant's;
  ``checks``: the administrator's counts across the programme). ``accounts`` decides who
  sees which list (the role logic is its own) and merges and sorts what the apps give::

      from accounts.registry import Item, work_items

      @work_items("due", order=10, queries=1)
      def goals_due(page):
          return [Item(f"Goal: {goal.title}", goal.get_absolute_url(), ...) for goal in ...]

- **Sections** of their own shape (the organiser's workshops, the consultant's reviews due)::

      @home_section(title="Missing evaluations", order=80,
                    template="learning_sets/_home_evaluations.html", queries=1)
      def evaluations(page):
          return {"missing_evaluations": ...} if page.is_organiser else None

``page`` is a ``HomePage``: the reader, today, their sites and roles. A function reads in
at most ``queries`` queries (its template included) however large the programme; the tests
hold each part to its budget and every role's page to the page's. Section orders in use: 10
due, 15 unread notifications, 20 new, 30 the site's next workshops, 40 reviews due and quiet
sites, 50 open actions, 60 recent activity, 70 organised workshops, 80 missing evaluations,
90 across the programme, 100 your sites, 110 the programme, 120 your goals, 130 your
workshops and registrations.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from imroc.sections import gather

DUE_SOON = datetime.timedelta(days=14)
NEW_FOR = datetime.timedelta(days=30)
LISTS = ("due", "new", "open_actions", "activity", "checks")


@dataclass(frozen=True)
class Item:
    """One line of work: what, where, by when, and the page where it is done."""

    title: str
    url: str
    detail: str = ""
    due: datetime.date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class More:
    """How many of a part's items the list leaves out (it shows the most pressing few):
    "``count`` more ``text``", shown below the list so nobody takes the list for all."""

    count: int
    text: str


def left_out(found: list, *, noun: tuple[str, str], what: str) -> list[More]:
    """The ``More`` line for the rows a part's limit left out; ``found`` (the rows shown)
    were read with ``total=Window(Count("pk"))``, which counts them all before the limit."""
    left = found[0].total - len(found) if found else 0
    return [More(left, f"{noun[left != 1]} {what}")] if left else []


@dataclass(frozen=True)
class Check:
    """One of the administrator's counts: ``count`` then ``text`` (already singular or
    plural), linked to where it is put right; ``overdue`` tags a count above 0."""

    count: int
    text: str
    url: str
    overdue: bool = False


@dataclass(frozen=True)
class HomePage:
    user: object
    today: datetime.date
    my_sites: list  # the sites whose project group the reader is in
    group_site_ids: list[int]  # the sites where they have a role
    team_site_ids: list[int]  # of those, where they are the lead or a member
    lead_site_ids: list[int]
    is_consultant: bool
    is_organiser: bool
    is_administrator: bool

    @property
    def soon(self) -> datetime.date:
        """Due soon: within the next two weeks."""
        return self.today + DUE_SOON

    @property
    def since(self) -> datetime.date:
        """New: in the last 30 days."""
        return self.today - NEW_FOR


@dataclass(frozen=True)
class Part:
    title: str
    order: int
    queries: int
    build: Callable
    template: str = ""
    list: str = ""  # for items: the list they join


_SECTIONS: list[Part] = []
_ITEMS: list[Part] = []


def home_section(*, title: str, order: int, template: str, queries: int):
    """Register ``context(page) -> dict | None`` as a section of the home page."""

    def decorator(context):
        _SECTIONS.append(Part(title, order, queries, context, template=template))
        return context

    return decorator


def work_items(list_name: str, *, order: int, queries: int):
    """Register ``items(page) -> list[Item | Check | More]`` as part of one of the page's
    lists."""
    if list_name not in LISTS:
        raise ValueError(f"{list_name!r} is not one of the home page's lists {LISTS}")

    def decorator(items):
        _ITEMS.append(Part(items.__name__, order, queries, items, list=list_name))
        return items

    return decorator


def sections() -> list[Part]:
    return sorted(_SECTIONS, key=lambda part: part.order)


def item_parts(list_name: str) -> list[Part]:
    return sorted((p for p in _ITEMS if p.list == list_name), key=lambda part: part.order)


def items(list_name: str, page: HomePage) -> list:
    return [item for part in item_parts(list_name) for item in part.build(page)]


def render_sections(page: HomePage) -> tuple[list[Part], dict]:
    """The sections this reader sees, in order, and the names their templates read."""
    return gather(sections(), page)
