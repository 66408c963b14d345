"""The dashboard's reads. Every figure is one aggregate query over the filtered sites (passed
down as a subquery, never as a list of ids), so the page costs the same for 30 sites or 500."""

import datetime

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from challenges.models import Rating
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


def assessed_stages(filters: Filters) -> list[tuple[int, int, datetime.date, int, str, int]]:
    """Every assessment of the filtered sites up to the period's end, on whichever framework
    version (the versions share the scale's ranks, so a 2009 assessment followed by a 2012
    one is still the site's history), as (site, assessment, date, stage rank, stage name,
    ratings at that stage): one grouped query (the stage names ride along)."""
    return list(
        Rating.objects.filter(
            assessment__site__in=sites(filters),
            assessment__assessed_on__lte=filters.until,
        )
        .values_list("assessment__site_id", "assessment_id", "assessment__assessed_on")
        .annotate(rank=F("stage__rank"), stage=F("stage__name"), n=Count("pk"))
        .values_list(
            "assessment__site_id", "assessment_id", "assessment__assessed_on", "rank", "stage", "n"
        )
        .order_by()
    )


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
