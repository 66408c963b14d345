"""Reminders about a site's improvement work (registered with ``notifications.registry``):
PDSA stages coming due and overdue, indicators waiting for data, goals near their target.

Each kind reads its candidates in one query and the sites' leads in one more, whatever the
number of sites. Keys carry the due date, so moving a date makes the reminder new again."""

import datetime

from django.db.models import Max, Q

from imroc.dates import day_month, long_date
from notifications.registry import Due, each_once, register
from sites.selectors import leads_by_site

from .models import Cycle, Goal, Indicator, Stage, cycles_with_current_stage_due

STAGE_DUE_WITHIN = datetime.timedelta(days=7)
TARGET_WITHIN = datetime.timedelta(days=14)
OPEN_GOAL = Q(status__in=[Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS, Goal.Status.STALLED])


def _recipients(leads: list, owner) -> list:
    """The site's leads and the goal's owner if they have an account, each once."""
    return each_once(leads, [owner.user if owner else None])


def _open_cycles(condition: Q) -> list[Cycle]:
    return list(
        Cycle.objects.filter(condition, goal__priority__site__is_active=True)
        .filter(goal__in=Goal.objects.filter(OPEN_GOAL))
        .select_related("goal__priority__site", "goal__owner__user")
    )


def _stage_reminders(kind: str, cycles: list[Cycle], subject, message):
    leads = leads_by_site({c.goal.priority.site_id for c in cycles})
    for cycle in cycles:
        stage = cycle.current_stage
        due = getattr(cycle, f"{stage}_due")
        site, goal = cycle.goal.priority.site, cycle.goal
        context = {
            "message": message(cycle, Stage(stage).label, due),
            "site_name": site.name,
            "goal_title": goal.title,
            "cycle_title": str(cycle),
            "stage": Stage(stage).label,
            "due": f"{long_date(due)}",
        }
        for person in _recipients(leads.get(site.pk, []), goal.owner):
            yield Due(
                kind=kind,
                recipient=person,
                key=f"cycle:{cycle.pk}:{stage}:{due:%Y-%m-%d}",
                subject=subject(cycle, Stage(stage).label, due),
                url=cycle.get_absolute_url(),
                context=context,
            )


@register("cycle_stage_due", label="A PDSA stage is due within 7 days")
def cycle_stage_due(today):
    cycles = _open_cycles(cycles_with_current_stage_due(gte=today, lte=today + STAGE_DUE_WITHIN))
    yield from _stage_reminders(
        "cycle_stage_due",
        cycles,
        lambda c, stage, due: (
            f"{c.goal.title}: the {stage} stage of cycle {c.number} is due on {day_month(due)}"
        ),
        lambda c, stage, due: (
            f"The {stage} stage of cycle {c.number} ({c.objective[:80]}) on "
            f"the goal “{c.goal.title}” is due on {long_date(due)}."
        ),
    )


@register("cycle_stage_overdue", label="A PDSA stage is overdue")
def cycle_stage_overdue(today):
    cycles = _open_cycles(cycles_with_current_stage_due(lt=today))
    yield from _stage_reminders(
        "cycle_stage_overdue",
        cycles,
        lambda c, stage, due: f"{c.goal.title}: the {stage} stage of cycle {c.number} is overdue",
        lambda c, stage, due: (
            f"The {stage} stage of cycle {c.number} ({c.objective[:80]}) on "
            f"the goal “{c.goal.title}” was due on {long_date(due)}. Record what happened, or "
            "agree a new date with the group."
        ),
    )


@register("indicator_data_due", label="An indicator is waiting for its next data point")
def indicator_data_due(today):
    """No value for longer than the indicator's expected interval (counted from the goal's
    start while it has none): "always try to measure what you do"."""
    indicators = (
        Indicator.objects.filter(goal__in=Goal.objects.filter(OPEN_GOAL))
        .filter(goal__priority__site__is_active=True, goal__start_date__lt=today)
        .with_next_value_due()
        .filter(next_value_due__lt=today)
        .annotate(last_value_on=Max("data_points__date"))
        .select_related("goal__priority__site")
    )
    waiting = [(i, i.last_value_on or i.goal.start_date) for i in indicators]
    leads = leads_by_site({i.goal.priority.site_id for i, _ in waiting})
    for indicator, since in waiting:
        site = indicator.goal.priority.site
        last = indicator.last_value_on
        context = {
            "message": (
                f"The indicator “{indicator.name}” of the goal “{indicator.goal.title}” expects "
                f"a value every {indicator.data_interval_days} days; "
                + (f"the last one is from {long_date(last)}." if last else "it has no values yet.")
            ),
            "site_name": site.name,
            "indicator_name": indicator.name,
            "goal_title": indicator.goal.title,
        }
        for person in leads.get(site.pk, []):
            yield Due(
                kind="indicator_data_due",
                recipient=person,
                key=f"indicator:{indicator.pk}:after:{since:%Y-%m-%d}",
                subject=f"{indicator.name}: a new data point is due",
                url=indicator.get_absolute_url(),
                context=context,
            )


@register("goal_target_soon", label="A goal's target date is within 14 days")
def goal_target_soon(today):
    goals = list(
        Goal.objects.filter(OPEN_GOAL)
        .filter(
            priority__site__is_active=True,
            target_date__gte=today,
            target_date__lte=today + TARGET_WITHIN,
        )
        .select_related("priority__site", "owner__user")
    )
    leads = leads_by_site({g.priority.site_id for g in goals})
    for goal in goals:
        site = goal.priority.site
        for person in _recipients(leads.get(site.pk, []), goal.owner):
            yield Due(
                kind="goal_target_soon",
                recipient=person,
                key=f"goal:{goal.pk}:target:{goal.target_date:%Y-%m-%d}",
                subject=f"{goal.title}: the target date is {day_month(goal.target_date)}",
                url=goal.get_absolute_url(),
                context={
                    "message": (
                        f"The goal “{goal.title}” of {site.name} ({goal.get_status_display()}) "
                        f"has its target date on {long_date(goal.target_date)}. Look at the "
                        "indicators with the group: achieved, or a new cycle?"
                    ),
                    "site_name": site.name,
                    "goal_title": goal.title,
                },
            )
