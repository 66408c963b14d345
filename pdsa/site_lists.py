"""A site's long lists a page at a time: its indicators (the busiest site has ~800, each with
chart results) and its timeline (thousands of events). A page reads only its own rows, so
neither grows with the site's work: the indicators through the programme's shared table
(``sites.tables.SiteTable``), the timeline as one SQL union of every kind of event, counted
and sliced in PostgreSQL, then the page's objects fetched by kind."""

import datetime
import functools
import hashlib
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import QueryDict

from challenges.models import Assessment, Challenge
from design.forms import NhsFormMixin
from imroc.dates import long_date
from sites.models import Site
from sites.tables import Column, SiteTable

from . import chart_cache
from .models import Cycle, DataPoint, Goal, Indicator, Priority


def _latest_date():
    return Subquery(
        DataPoint.objects.filter(indicator=OuterRef("pk"))
        .values("indicator")
        .annotate(latest=Max("date"))
        .values("latest")[:1]
    )


def signalled(site: Site) -> frozenset[int]:
    """The site's indicators with a signal at the latest point (an XmR or run-chart rule):
    one query of their data versions and one cache entry kept under them (a new value,
    phase or cycle gives a new key); on a miss, the stored chart summaries of every one."""
    versions = list(
        Indicator.objects.filter(goal__priority__site=site)
        .order_by("pk")
        .values_list("pk", "data_version")
    )
    digest = hashlib.sha256(repr(versions).encode()).hexdigest()
    key = f"pdsa:signalled:{chart_cache.VERSION}:{site.pk}:{digest}"
    found = cache.get(key)
    if found is None:
        indicators = list(Indicator.objects.filter(pk__in=[pk for pk, _ in versions]))
        found = frozenset(
            pk
            for pk, summary in chart_cache.summaries(indicators).items()
            if summary.xmr_cause or summary.run_signals
        )
        cache.set(key, found, chart_cache.TIMEOUT)
    return found


def _indicator_filter(site: Site, signals) -> type[django_filters.FilterSet]:
    """The site's challenges to choose from (a handful), words of an indicator's or its
    goal's name, and only those with a signal at the latest point."""

    def words(queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(goal__title__icontains=word))
        return queryset

    def with_signal(queryset, name, value):
        return queryset.filter(pk__in=signals()) if value == "yes" else queryset

    class IndicatorFilter(django_filters.FilterSet):
        q = django_filters.CharFilter(method=words, label="Indicator or goal contains")
        challenge = django_filters.ModelChoiceFilter(
            field_name="goal__priority__challenge",
            label="Challenge",
            queryset=Challenge.objects.filter(priorities__site=site)
            .distinct()
            .order_by("number", "pk"),
            empty_label="Any",
        )
        signal = django_filters.ChoiceFilter(
            method=with_signal,
            label="Signal at the latest point",
            choices=[("yes", "Only those with a signal")],
            empty_label="With or without",
        )

    return IndicatorFilter


def indicator_table(site: Site, params: QueryDict) -> SiteTable:
    """The site's indicators 25 a page, by challenge, goal and name unless sorted otherwise
    (signals first by the variation column)."""
    signals = functools.cache(lambda: signalled(site))

    def signal_first():
        return Case(When(pk__in=signals(), then=0), default=1, output_field=IntegerField())

    rows = Indicator.objects.filter(goal__priority__site=site).select_related(
        "goal__priority__challenge"
    )
    columns = [
        Column("Indicator", "indicator", by="name"),
        Column("Goal", "goal", by="goal__title"),
        Column("Challenge", "challenge", by="goal__priority__challenge__number"),
        Column("Latest value", "latest", by=_latest_date),
        Column("Target"),
        Column("Variation and assurance", "signal", by=signal_first),
    ]
    return SiteTable(
        params,
        rows,
        columns=columns,
        default="challenge",
        tie=("goal__priority__challenge__number", "goal__title", "name"),
        filterset=_indicator_filter(site, signals),
    )


def indicators_csv(rows: QuerySet[Indicator]):
    """The header, then a row an indicator with what its charts say of its latest point,
    read from the stored summaries 500 at a time."""
    yield [
        "Challenge",
        "Goal",
        "Indicator",
        "Unit",
        "Better",
        "Target",
        "Latest date",
        "Latest value",
        "Values",
        "Variation",
        "Assurance",
    ]
    chunk: list[Indicator] = []
    for indicator in rows.iterator(chunk_size=500):
        chunk.append(indicator)
        if len(chunk) == 500:
            yield from _csv_rows(chunk)
            chunk = []
    yield from _csv_rows(chunk)


def _csv_rows(indicators: list[Indicator]):
    summaries = chart_cache.summaries(indicators) if indicators else {}
    for indicator in indicators:
        summary = summaries[indicator.pk]
        latest = summary.latest
        yield [
            indicator.goal.priority.challenge.number,
            indicator.goal.title,
            indicator.name,
            indicator.unit,
            indicator.get_better_display(),
            indicator.target,
            latest.date if latest else None,
            latest.value if latest else None,
            summary.points,
            summary.variation_words,
            summary.assurance_words,
        ]


EVENTS_PER_PAGE = 50


@dataclass(frozen=True)
class Event:
    """One line of the timeline."""

    date: datetime.date
    kind: str
    title: str
    detail: str
    url: str | None = None


# The kinds of event in their order among events of the same day (a cycle's outcome after its
# start, a goal's closing after both, the site leaving last).
KINDS = {
    "assessment": "Assessment",
    "goal": "Goal",
    "cycle": "Cycle started",
    "outcome": "Cycle outcome",
    "closed": "Goal closed",
    "dropped": "Priority dropped",
    "left": "Left the programme",
}


def _dated(site: Site) -> dict[str, QuerySet]:
    """Each kind's rows of the site with the date that places them (``when``)."""
    return {
        "assessment": Assessment.objects.filter(site=site).values(when=F("assessed_on")),
        "goal": Goal.objects.filter(priority__site=site).values(when=F("start_date")),
        "cycle": Cycle.objects.filter(goal__priority__site=site).values(when=F("starts_on")),
        "outcome": Cycle.objects.filter(goal__priority__site=site, act_done__isnull=False).values(
            when=F("act_done")
        ),
        "closed": Goal.objects.filter(priority__site=site, closed_on__isnull=False).values(
            when=F("closed_on")
        ),
        "dropped": Priority.objects.filter(site=site, dropped_on__isnull=False).values(
            when=F("dropped_on")
        ),
        "left": Site.objects.filter(pk=site.pk, archived_on__isnull=False).values(
            when=F("archived_on")
        ),
    }


class TimelineFilter(NhsFormMixin, forms.Form):
    """Which kind of event to show (GET): every kind when none is chosen."""

    kind = forms.ChoiceField(
        label="Kind of event", choices=[("", "Any"), *KINDS.items()], required=False
    )


def _union(site: Site, kinds: list[str]) -> QuerySet:
    dated = _dated(site)
    parts = [
        dated[kind]
        .order_by()
        .annotate(rank=Value(rank, IntegerField()))
        .values("when", "rank", "pk")
        for rank, kind in enumerate(KINDS)
        if kind in kinds
    ]
    first, *rest = parts
    rows = first.union(*rest, all=True) if rest else first
    return rows.order_by("-when", "-rank", "-pk")


@dataclass
class Timeline:
    filter: TimelineFilter
    page: Page
    events: list[Event]

    @property
    def query(self) -> str:
        kind = self.filter.cleaned_data.get("kind") if self.filter.is_valid() else ""
        return f"kind={kind}" if kind else ""


def timeline(site: Site, params: QueryDict) -> Timeline:
    """The site's events newest first, 50 a page, of one kind or all: the count, the page's
    dates and pks, and a query for each kind of object on the page (at most 7 in all)."""
    chosen = TimelineFilter(params)
    kind = chosen.cleaned_data["kind"] if chosen.is_valid() else ""
    rows = _union(site, [kind] if kind else list(KINDS))
    page = Paginator(rows, EVENTS_PER_PAGE).get_page(params.get("page"))
    return Timeline(chosen, page, _events(site, list(page.object_list)))


def _events(site: Site, rows: list[dict]) -> list[Event]:
    """Each row (when, rank, pk) told as an event, in the rows' order."""
    kinds = list(KINDS)
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(kinds[row["rank"]], set()).add(row["pk"])
    goal_pks = wanted.get("goal", set()) | wanted.get("closed", set())
    cycle_pks = wanted.get("cycle", set()) | wanted.get("outcome", set())
    found = {
        "assessment": Assessment.objects.select_related("framework").in_bulk(
            wanted.get("assessment", ())
        )
        if "assessment" in wanted
        else {},
        "goal": Goal.objects.select_related("priority__challenge").in_bulk(goal_pks)
        if goal_pks
        else {},
        "cycle": Cycle.objects.select_related("goal").in_bulk(cycle_pks) if cycle_pks else {},
        "dropped": Priority.objects.select_related("challenge").in_bulk(wanted["dropped"])
        if "dropped" in wanted
        else {},
    }
    return [_event(site, kinds[row["rank"]], row["pk"], found) for row in rows]


def _event(site: Site, kind: str, pk: int, found: dict) -> Event:
    label = KINDS[kind]
    if kind == "assessment":
        assessment = found["assessment"][pk]
        framework = assessment.framework
        return Event(
            assessment.assessed_on,
            label,
            "Self-assessment",
            f"Against the {framework.name} ({framework.version})",
            assessment.get_absolute_url(),
        )
    if kind == "goal":
        goal = found["goal"][pk]
        return Event(
            goal.start_date,
            label,
            goal.title,
            f"{goal.get_difficulty_display()} goal under challenge "
            f"{goal.priority.challenge.number}; target {long_date(goal.target_date)}; "
            f"{goal.get_status_display().lower()}",
            goal.get_absolute_url(),
        )
    if kind == "closed":
        goal = found["goal"][pk]
        return Event(
            goal.closed_on,
            label,
            goal.title,
            f"{goal.get_status_display()}. {goal.closing_note}".strip(),
            goal.get_absolute_url(),
        )
    if kind == "dropped":
        priority = found["dropped"][pk]
        challenge = priority.challenge
        return Event(
            priority.dropped_on,
            label,
            f"Challenge {challenge.number}: {challenge.title}",
            "Its goals were all closed.",
        )
    if kind == "left":
        return Event(site.archived_on, label, site.name, site.archive_reason)
    cycle = found["cycle"][pk]
    title = f"{cycle.goal.title}: cycle {cycle.number}"
    if kind == "cycle":
        return Event(cycle.starts_on, label, title, cycle.change_idea, cycle.get_absolute_url())
    detail = f"{cycle.get_outcome_display()}. {cycle.learning}".strip()
    return Event(cycle.act_done, label, title, detail, cycle.get_absolute_url())
