"""The dashboard's reads. Every figure is one aggregate query over the filtered sites (passed
down as a subquery, never as a list of ids), so the page costs the same for 30 sites or 500."""

import datetime

from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from challenges.models import Assessment, Rating
from challenges.models import Stage as ChallengeStage
from coproduction import selectors as coproduction
from coproduction.selectors import Gathering
from learning_sets.models import Delegate, DelegatePerspective
from pdsa.models import (
    Cycle,
    Goal,
    Stage,
    cycles_at_stage,
    cycles_with_current_stage_due,
)
from peer_support import checklist
from peer_support.models import ChecklistEntry, PeerPost, RecruitmentRound
from sites.models import Site
from support import figures as support_figures
from support.models import ProgrammeOutcome, SupportLogEntry, TrainingDelivery
from support.selectors import with_review_status

from .forms import Filters


def sites(filters: Filters) -> QuerySet[Site]:
    """Active sites matching the filters, joined by the period's end (as ``sites.figures``
    counts them)."""
    chosen = Site.objects.active()
    if filters.sites:
        chosen = chosen.filter(pk__in=[site.pk for site in filters.sites])
    if filters.until:
        chosen = chosen.filter(date_joined__lte=filters.until)
    if filters.category:
        chosen = chosen.of_category(filters.category)
    if filters.learning_set:
        chosen = chosen.filter(learning_sets=filters.learning_set)
    if filters.consultant:
        chosen = chosen.filter(consultants=filters.consultant)
    return chosen


def status_by_category(filters: Filters) -> dict[tuple[str, str], int]:
    rows = (
        with_review_status(sites(filters))
        .values("category", "review_status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["category"], row["review_status"]): row["n"] for row in rows}


# Each site's assessments up to the period's end with the date of the site's next one (the
# later id wins a tie); each is its site's latest at the quarter ends from ``first_q`` to
# ``last_q`` (none when first_q > last_q). Ratings are counted by that span and stage, so the
# rows back are a few dozen however many ratings there are.
_STAGES_SQL = """
WITH spans AS (
    SELECT a.id, a.assessed_on, LEAD(a.assessed_on) OVER (
        PARTITION BY a.site_id ORDER BY a.assessed_on, a.id
    ) AS next_on
    FROM {assessment} a
    WHERE a.assessed_on <= %s AND a.site_id IN ({sites})
), latest AS (
    SELECT id, CASE {first_q} ELSE {n} END AS first_q,
        CASE WHEN next_on IS NULL THEN {last} {last_q} ELSE -1 END AS last_q
    FROM spans
)
SELECT latest.first_q, latest.last_q, s.{rank}, MAX(s.{name}), COUNT(*)
FROM latest JOIN {rating} r ON r.{assessment_id} = latest.id JOIN {stage} s ON s.id = r.{stage_id}
WHERE latest.first_q <= latest.last_q
GROUP BY latest.first_q, latest.last_q, s.{rank}
UNION ALL
SELECT first_q, last_q, NULL, NULL, COUNT(*) FROM latest WHERE first_q <= last_q
GROUP BY first_q, last_q
"""


def stages_by_quarter(
    filters: Filters, ends: list[datetime.date]
) -> tuple[list[int], dict[int, tuple[str, list[int]]]]:
    """Per quarter end (``ends`` in order), each filtered site counted by its latest
    assessment on or before that day (and the period's end), on whichever framework version
    (the versions share the scale's ranks, so a 2009 assessment followed by a 2012 one is
    still the site's history): the sites assessed, and by stage rank its name and the
    ratings at it. One query."""
    sites_sql, sites_params = sites(filters).order_by().values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    last = len(ends) - 1
    sql = _STAGES_SQL.format(
        assessment=quote(Assessment._meta.db_table),
        rating=quote(Rating._meta.db_table),
        stage=quote(ChallengeStage._meta.db_table),
        assessment_id=quote("assessment_id"),
        stage_id=quote("stage_id"),
        rank=quote("rank"),
        name=quote("name"),
        sites=sites_sql,
        first_q=" ".join(f"WHEN assessed_on <= %s THEN {i}" for i in range(len(ends))),
        n=len(ends),
        last=last,
        last_q=" ".join(f"WHEN next_on > %s THEN {i}" for i in range(last, -1, -1)),
    )
    params = [filters.until, *sites_params, *ends, *reversed(ends)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    assessed = [0] * len(ends)
    stages: dict[int, tuple[str, list[int]]] = {}
    for first_q, last_q, rank, name, n in rows:
        counts = assessed if rank is None else stages.setdefault(rank, (name, [0] * len(ends)))[1]
        for quarter in range(first_q, last_q + 1):
            counts[quarter] += n
    return assessed, {rank: stages[rank] for rank in sorted(stages)}


def goals_of(filters: Filters) -> QuerySet[Goal]:
    return Goal.objects.filter(priority__site__in=sites(filters))


def goal_counts(filters: Filters) -> dict[str, int]:
    counts = {status: Count("pk", filter=Q(status=status)) for status in Goal.Status.values}
    return goals_of(filters).aggregate(**counts, total=Count("pk"))


def cycles_of(filters: Filters) -> QuerySet[Cycle]:
    return Cycle.objects.filter(goal__priority__site__in=sites(filters))


def completed_in_period(filters: Filters) -> Q:
    return Q(act_done__gte=filters.since, act_done__lte=filters.until)


def cycle_counts(filters: Filters, today: datetime.date) -> dict[str, int]:
    """Cycles now at each stage, overdue, and completed in the period by outcome."""
    in_period = completed_in_period(filters)
    figures = {
        stage: Count("pk", filter=cycles_at_stage(stage))
        for stage in (*Cycle.STAGES, Stage.COMPLETE)
    }
    figures |= {
        f"completed_{outcome}": Count("pk", filter=in_period & Q(outcome=outcome))
        for outcome in Cycle.Outcome.values
    }
    return cycles_of(filters).aggregate(
        **figures,
        overdue=Count("pk", filter=cycles_with_current_stage_due(lt=today)),
        completed=Count("pk", filter=in_period),
        total=Count("pk"),
    )


def support_entries(filters: Filters) -> QuerySet[SupportLogEntry]:
    return SupportLogEntry.objects.filter(
        site__in=sites(filters), date__gte=filters.since, date__lte=filters.until
    )


def delegates(filters: Filters) -> QuerySet[Delegate]:
    """Delegates of the filtered sites at workshops held in the period."""
    chosen = Delegate.objects.filter(
        site__in=sites(filters),
        workshop__date__gte=filters.since,
        workshop__date__lte=filters.until,
    )
    if filters.learning_set:
        chosen = chosen.filter(workshop__learning_set=filters.learning_set)
    return chosen


LIVED_EXPERIENCE = Q(perspective__in=DelegatePerspective.lived_experience())


def attendance(filters: Filters) -> dict[str, int]:
    attended = Q(attended=True)
    return delegates(filters).aggregate(
        workshops=Count("workshop", filter=attended, distinct=True),
        registered=Count("pk", filter=Q(status=Delegate.Status.REGISTERED)),
        attendees=Count("pk", filter=attended),
        lived_experience=Count("pk", filter=attended & LIVED_EXPERIENCE),
    )


def latest_outcomes(filters: Filters) -> QuerySet[ProgrammeOutcome]:
    """Each filtered site's latest figures as at the end of the period."""
    return support_figures.latest_outcomes(sites(filters), filters.until)


def training(filters: Filters) -> QuerySet[TrainingDelivery]:
    return TrainingDelivery.objects.filter(
        site__in=sites(filters), date__gte=filters.since, date__lte=filters.until
    )


def co_production(filters: Filters) -> list[Gathering]:
    """The co-production index of each kind of gathering of the filtered sites: one query
    (training courses' totals ride along, for the outcomes table too)."""
    return coproduction.by_kind(
        coproduction.Scope(
            sites=sites(filters),
            since=filters.since,
            until=filters.until,
            learning_set=filters.learning_set,
        )
    )


def _count_of(model, **lookups) -> Coalesce:
    rows = model.objects.filter(site=OuterRef("pk"), **lookups).order_by().values("site")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def _sum_of(model, field: str) -> Subquery:
    rows = model.objects.filter(site=OuterRef("pk")).order_by().values("site")
    return Subquery(rows.annotate(total=Sum(field)).values("total"))


def peer_standing(filters: Filters) -> list[dict]:
    """Each filtered site's peer-support checklist items done by the period's end, by stage,
    whether it has run a recruitment round, and its posts: one query, a row a site."""
    by_stage = {
        stage: _count_of(
            ChecklistEntry,
            done_on__lte=filters.until,
            item__in=[item.key for item in checklist.ITEMS if item.stage == stage],
        )
        for stage, _ in checklist.STAGES
    }
    return list(
        sites(filters)
        .annotate(
            **by_stage,
            started=_count_of(RecruitmentRound),
            post_teams=_count_of(PeerPost),
            head_count=_sum_of(PeerPost, "head_count"),
            wte=_sum_of(PeerPost, "wte"),
        )
        .values(*by_stage, "started", "post_teams", "head_count", "wte")
        .order_by()
    )
