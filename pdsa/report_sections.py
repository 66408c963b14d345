"""Sections of reports about improvement work (registered with ``reports.registry``): a
site's priorities, goals and their indicators' charts, its PDSA cycles; and the programme's
goals and cycles counted in SQL (no per-site queries, no per-site charts)."""

from collections import Counter

from django.db.models import Count, Prefetch, Q

from reports.registry import Section, Table, section

from .chart_svg import render_run_chart_svg, render_xmr_chart_svg
from .charts import run_chart, xmr_chart
from .models import Cycle, DataPoint, Goal, Indicator, Priority, Stage

XMR_FROM_POINTS = 5  # fewer points give limits too wide to read


def _indicator_charts(indicator) -> dict:
    points = list(indicator.data_points.all())
    values = [p.value for p in points]
    labels = [f"{p.date:%-d %b %Y}" for p in points]
    charts = {"indicator": indicator, "points": len(points), "run": "", "xmr": ""}
    if points:
        charts["run"] = render_run_chart_svg(
            run_chart(values),
            labels=labels,
            title=f"{indicator.name}: run chart",
            unit=indicator.unit,
            better=indicator.better,
        )
    if len(points) >= XMR_FROM_POINTS:
        charts["xmr"] = render_xmr_chart_svg(
            xmr_chart(values, indicator.xmr_baseline),
            labels=labels,
            title=f"{indicator.name}: XmR chart",
            unit=indicator.unit,
            better=indicator.better,
        )
    return charts


@section("site_progress", order=40)
def priorities_and_goals(ctx):
    """Four queries: priorities, goals, indicators, data points."""
    indicators = Indicator.objects.order_by("name", "pk").prefetch_related(
        Prefetch("data_points", queryset=DataPoint.objects.order_by("date"))
    )
    priorities = list(
        Priority.objects.filter(site=ctx.site)
        .select_related("challenge")
        .prefetch_related(
            Prefetch(
                "goals",
                queryset=Goal.objects.select_related("owner").prefetch_related(
                    Prefetch("indicators", queryset=indicators)
                ),
            )
        )
    )
    goal_rows, data_rows, blocks = [], [], []
    for priority in priorities:
        goals = []
        for goal in priority.goals.all():
            charts = [_indicator_charts(i) for i in goal.indicators.all()]
            goals.append({"goal": goal, "charts": charts})
            goal_rows.append(
                [
                    priority.challenge.number,
                    goal.title,
                    goal.get_difficulty_display(),
                    goal.get_status_display(),
                    goal.owner.full_name if goal.owner else "",
                    goal.start_date,
                    goal.target_date,
                ]
            )
            for chart in charts:
                for point in chart["indicator"].data_points.all():
                    data_rows.append([goal.title, chart["indicator"].name, point.date, point.value])
        blocks.append({"priority": priority, "goals": goals})
    return Section(
        title="Priorities, goals and indicators",
        template="pdsa/report/_goals.html",
        context={"blocks": blocks},
        tables=[
            Table(
                "Goals",
                ["Challenge", "Goal", "Difficulty", "Status", "Owner", "Start", "Target"],
                goal_rows,
            ),
            Table("Indicator data", ["Goal", "Indicator", "Date", "Value"], data_rows),
        ],
    )


@section("site_progress", order=50)
def cycles_and_outcomes(ctx):
    cycles = list(
        Cycle.objects.filter(goal__priority__site=ctx.site)
        .select_related("goal")
        .order_by("goal__title", "number")
    )
    rows = [
        [
            c.goal.title,
            c.number,
            c.change_idea,
            Stage(c.current_stage).label,
            "Yes" if c.is_overdue(ctx.today) else "No",
            c.get_outcome_display() or "",
            c.starts_on,
            c.ends_on,
            c.learning,
        ]
        for c in cycles
    ]
    outcomes = Counter(c.get_outcome_display() for c in cycles if c.outcome)
    return Section(
        title="PDSA cycles and outcomes",
        template="pdsa/report/_cycles.html",
        context={"rows": rows, "outcomes": sorted(outcomes.items()), "total": len(cycles)},
        tables=[
            Table(
                "Cycles",
                [
                    "Goal",
                    "Cycle",
                    "Change idea",
                    "Stage",
                    "Overdue",
                    "Outcome",
                    "Starts",
                    "Ends",
                    "Learning",
                ],
                rows,
            )
        ],
    )


@section("programme", order=40)
def goals_and_cycles(ctx):
    """Goals by status and difficulty, cycles by stage and outcome, and the cycles finished
    in the period: grouped counts, four queries whatever the number of sites."""
    goals = Goal.objects.filter(priority__site__is_active=True)
    by_status = dict(
        goals.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    hard = goals.filter(difficulty=Goal.Difficulty.HARD).count()
    cycles = Cycle.objects.filter(goal__priority__site__is_active=True)
    open_or_done = cycles.aggregate(
        total=Count("pk"),
        complete=Count("pk", filter=Q(act_done__isnull=False)),
        adopted=Count("pk", filter=Q(outcome=Cycle.Outcome.ADOPT)),
        adapted=Count("pk", filter=Q(outcome=Cycle.Outcome.ADAPT)),
        abandoned=Count("pk", filter=Q(outcome=Cycle.Outcome.ABANDON)),
    )
    finished = cycles.filter(act_done__isnull=False)
    if ctx.period_start and ctx.period_end:
        finished = finished.filter(act_done__range=(ctx.period_start, ctx.period_end))
    in_period = dict(
        finished.order_by()
        .values_list("outcome")
        .annotate(n=Count("pk"))
        .values_list("outcome", "n")
    )
    status_rows = [[label, by_status.get(value, 0)] for value, label in Goal.Status.choices]
    outcome_rows = [
        [label, open_or_done[key], in_period.get(value, 0)]
        for (value, label), key in zip(
            Cycle.Outcome.choices, ("adopted", "adapted", "abandoned"), strict=True
        )
    ]
    return Section(
        title="Goals and PDSA cycles",
        template="pdsa/report/_programme.html",
        context={
            "status_rows": status_rows,
            "outcome_rows": outcome_rows,
            "goals": sum(by_status.values()),
            "hard": hard,
            "cycles": open_or_done,
            "finished_in_period": sum(in_period.values()),
        },
        tables=[
            Table("Goals by status", ["Status", "Goals"], status_rows),
            Table(
                "Cycle outcomes", ["Outcome", "All cycles", "Completed in the period"], outcome_rows
            ),
        ],
    )
