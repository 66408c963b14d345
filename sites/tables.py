"""Programme-wide tables that stay one page long however many sites join: rows of sites (or of
rows that each belong to a site, such as recovery colleges) filtered by the site's category,
region and a name (django-filter), sorted by a whitelisted column (``?sort=name``,
``?sort=-name``; the header says which with ``aria-sort``), 25 a page, and the whole filtered
list as CSV. The colleges, co-production and peer-support overviews share it.

A page builds its rows as one annotated queryset (counts and latest values as subqueries), so
a page of the table costs two queries (the count and the page) whatever the programme's size,
and the CSV reads the same queryset in chunks."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

import django_filters
from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import BaseExpression
from django.http import QueryDict

from .models import Site

PAGE_SIZE = 25


@dataclass(frozen=True)
class Column:
    """A heading. ``sort`` names the column in the URL (empty: not sortable); ``by`` is what
    it sorts on: a field or annotation of the rows (default: ``sort``), or a function giving
    an expression that is computed only when the column is chosen."""

    label: str
    sort: str = ""
    by: str | Callable[[], BaseExpression] = ""


@dataclass(frozen=True)
class Header:
    label: str
    href: str = ""  # sorts by the column (the other way round when it is the sorted one)
    aria_sort: str = ""  # "ascending" or "descending" on the sorted column only


@cache
def row_filter(site: str, search: tuple[str, ...], label: str) -> type[django_filters.FilterSet]:
    """A FilterSet for rows whose site is reached through ``site`` ("" for sites themselves),
    searching the text fields ``search`` for the words typed."""
    prefix = f"{site}__" if site else ""

    def by_name(queryset, name, value):
        found = Q()
        for field in search:
            found |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(found)

    class RowFilter(django_filters.FilterSet):
        q = django_filters.CharFilter(method=by_name, label=label)
        category = django_filters.ChoiceFilter(
            field_name=f"{prefix}category", choices=Site.Category.choices, empty_label="Any"
        )
        region = django_filters.ChoiceFilter(
            field_name=f"{prefix}region", choices=Site.Region.choices, empty_label="Any"
        )

    return RowFilter


class SiteTable:
    """One page of ``rows`` as the request's parameters filter and sort them.

    ``default`` is the sort when none (or one not offered) is asked for; ``tie`` orders rows
    that sort alike, so pages never overlap. ``filterset`` replaces the site's category,
    region and name filter for rows of one site (e.g. a site's indicators)."""

    def __init__(
        self,
        params: QueryDict,
        rows: QuerySet,
        *,
        columns: list[Column],
        default: str,
        site: str = "",
        search: tuple[str, ...] = ("name",),
        search_label: str = "Site name contains",
        tie: tuple[str, ...] = ("name",),
        page_size: int = PAGE_SIZE,
        filterset: type[django_filters.FilterSet] | None = None,
    ):
        self.params = params
        self.columns = columns
        filterset = filterset or row_filter(site, search, search_label)
        self.filter = filterset(params, queryset=rows)
        self.tie = tie
        self.page_size = page_size
        self._sortable = {column.sort: column for column in columns if column.sort}
        wanted = params.get("sort", "")
        if wanted.removeprefix("-") not in self._sortable:
            wanted = default
        self.sort = wanted.removeprefix("-")
        self.descending = wanted.startswith("-")

    @cached_property
    def rows(self) -> QuerySet:
        """Every filtered row in the chosen order: the page's source and the CSV's."""
        column = self._sortable[self.sort]
        by = column.by or column.sort
        rows = self.filter.qs
        if callable(by):
            rows, by = rows.annotate(sort_value=by()), "sort_value"
        key = F(by).desc(nulls_last=True) if self.descending else F(by).asc(nulls_last=True)
        return rows.order_by(key, *self.tie, "pk")

    @cached_property
    def page(self) -> Page:
        return Paginator(self.rows, self.page_size).get_page(self.params.get("page"))

    def _query(self, **changes) -> str:
        query = self.params.copy()
        query.pop("page", None)
        for key, value in changes.items():
            query[key] = value
        return query.urlencode()

    @property
    def query(self) -> str:
        """The parameters without the page, for the pagination's links and the CSV's."""
        return self._query()

    @property
    def headers(self) -> list[Header]:
        headers = []
        for column in self.columns:
            if not column.sort:
                headers.append(Header(column.label))
                continue
            chosen = column.sort == self.sort
            again = f"-{column.sort}" if chosen and not self.descending else column.sort
            state = ("descending" if self.descending else "ascending") if chosen else ""
            headers.append(Header(column.label, f"?{self._query(sort=again)}", state))
        return headers

    @property
    def sort_param(self) -> str:
        """The sort in use, which the filter form sends on with its own fields."""
        return f"-{self.sort}" if self.descending else self.sort
