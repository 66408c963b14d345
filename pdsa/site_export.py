"""A site's improvement work, with every value and note, and the history of its goals,
indicators and cycles."""

from django.db.models import Q

from site_exports.registry import site_rows

from .models import (
    Comment,
    Cycle,
    CycleTeamMember,
    DataPoint,
    Goal,
    Indicator,
    Phase,
    Priority,
    ProgressSnapshot,
)


@site_rows("pdsa.Priority", order=40)
def priorities(site):
    return Priority.objects.filter(site=site)


@site_rows("pdsa.Goal", order=41)
def goals(site):
    return Goal.objects.filter(priority__site=site)


@site_rows("pdsa.Indicator", order=42)
def indicators(site):
    return Indicator.objects.filter(goal__priority__site=site)


@site_rows("pdsa.DataPoint", order=43)
def values(site):
    return DataPoint.objects.filter(indicator__goal__priority__site=site)


# The library's search vector is kept by a database trigger.
@site_rows("pdsa.Cycle", order=44, skip=("search_vector",))
def cycles(site):
    return Cycle.objects.filter(goal__priority__site=site)


@site_rows("pdsa.CycleTeamMember", order=45)
def cycle_teams(site):
    """Who was in each cycle's team, with their perspective (the co-production index)."""
    return CycleTeamMember.objects.filter(cycle__goal__priority__site=site)


@site_rows("pdsa.Phase", order=45)
def phases(site):
    return Phase.objects.filter(indicator__goal__priority__site=site)


@site_rows("pdsa.Comment", order=46)
def comments(site):
    return Comment.objects.filter(
        Q(goal__priority__site=site) | Q(cycle__goal__priority__site=site)
    )


@site_rows("pdsa.ProgressSnapshot", order=47)
def progress(site):
    return ProgressSnapshot.objects.filter(site=site)


@site_rows("pdsa.HistoricalGoal", order=48, pointers={"id": "pdsa.Goal"}, csv=False)
def goal_history(site):
    return Goal.history.filter(id__in=goals(site).values("pk"))


@site_rows("pdsa.HistoricalIndicator", order=48, pointers={"id": "pdsa.Indicator"}, csv=False)
def indicator_history(site):
    return Indicator.history.filter(id__in=indicators(site).values("pk"))


@site_rows("pdsa.HistoricalCycle", order=48, pointers={"id": "pdsa.Cycle"}, csv=False)
def cycle_history(site):
    return Cycle.history.filter(id__in=cycles(site).values("pk"))
