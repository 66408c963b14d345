"""Sections of reports about improvement work (registered with ``reports.registry``): a
site's priorities, goals and their indicators' charts, its PDSA cycles; and the programme's
goals and cycles counted in SQL (no per-site queries, no per-site charts)."""

from collections import Counter

from django.db.models import Count, Prefetch, Q

from reports.registry import Section, Table, section
from sites.models import Site
from sites.selectors import sites_in_programme_during

from . import chart_cache, chart_words, progress, progress_scores, scores
from .chart_words import rounded
from .models import Cycle, DataPoint, Goal, Indicator, Priority, Stage

# A PDF stays readable and quick to make: charts for the indicators of open goals, most
# recently measured first; each chart is the one on the indicator's page (same phases, same
# limits, the last two years shown); every value is in the spreadsheet.
CHARTED_INDICATORS = 8
LISTED_CYCLES = 60  # in the PDF: open cycles and the latest completed; all in the spreadsheet
OPEN_STATUSES = {Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS, Goal.Status.STALLED}


def _chart(indicator, results, printed) -> dict:
    """An indicator's charts as the PDF draws them and what they say, in the words of its
    page (``chart_words``, from the same stored results)."""
    return {
        "indicator": indicator,
        "results": results,
        "phase_lines": results.phase_summaries(),
        "points": len(results.values),
        "charted": len(results.values) - results.window,
        "run": printed.run_svg,
        "xmr": printed.xmr_svg,
        "run_notes": printed.run_notes,
        "xmr_notes": printed.xmr_notes,
        "words": chart_words.words(results, *chart_cache.signals(results)),
    }


def _limit_rows(goal, indicator, sheet) -> list[list]:
    """One spreadsheet row per phase: its dates, reason, centre lines and limits, rounded as
    the indicator's page and the PDF show them."""
    return [
        [
            goal.title,
            indicator.name,
            number,
            first,
            last,
            reason,
            rounded(median),
            rounded(centre),
            rounded(lower),
            rounded(upper),
            "Yes" if upper is not None and trial else "No",
        ]
        for number, first, last, reason, median, centre, lower, upper, trial in sheet.phases
    ]


def _charted(priorities, sheets) -> set[int]:
    """The indicators whose charts the PDF draws: open goals first, latest data first."""
    candidates = []
    for priority in priorities:
        for goal in priority.goals.all():
            for indicator in goal.indicators.all():
                latest = sheets[indicator.pk].latest
                candidates.append(
                    (goal.status in OPEN_STATUSES, latest is not None, latest, indicator.pk)
                )
    candidates.sort(reverse=True)
    return {pk for *_, pk in candidates[:CHARTED_INDICATORS]}


def _values(site) -> dict[int, list[tuple]]:
    """Every value of the site's indicators as plain rows (date, value, numerator,
    denominator, note), in date order: one query, no model instances for 100,000 values."""
    rows: dict[int, list[tuple]] = {}
    for indicator_id, *row in (
        DataPoint.objects.filter(indicator__goal__priority__site=site)
        .order_by("indicator_id", "date")
        .values_list("indicator_id", "date", "value", "numerator", "denominator", "note")
    ):
        rows.setdefault(indicator_id, []).append(row)
    return rows


@section("site_progress", order=35)
def progress_score(ctx):
    """The site's progress score and each goal's, with the reason of every step: the same
    words as the site's progress page (``scores.site_progress``)."""
    score, goals = scores.site_progress(ctx.site)
    rows = [["Site", score.score, score.label, s.score, "Yes" if s.met else "No", s.reason]
            for s in score.steps]  # fmt: skip
    for goal, found in goals:
        rows += [
            [goal.title, found.score, found.label, s.score, "Yes" if s.met else "No", s.reason]
            for s in found.steps
        ]
    return Section(
        title="Progress score",
        template="pdsa/report/_progress.html",
        context={"progress": score, "goals": goals},
        tables=[Table("Progress score", ["Of", "Score", "Meaning", "Step", "Met", "Why"], rows)],
    )


@section("site_progress", order=40)
def priorities_and_goals(ctx):
    """Four queries (priorities, goals, indicators, values), one cache read for every
    indicator's spreadsheet rows (``chart_cache.sheets_many``: not its whole results), and
    one each for the charted ones' results and printed charts."""
    priorities = list(
        Priority.objects.filter(site=ctx.site)
        .select_related("challenge")
        .prefetch_related(
            Prefetch(
                "goals",
                queryset=Goal.objects.select_related("owner").prefetch_related(
                    Prefetch("indicators", queryset=Indicator.objects.order_by("name", "pk"))
                ),
            )
        )
    )
    every = [i for p in priorities for g in p.goals.all() for i in g.indicators.all()]
    sheets = chart_cache.sheets_many(every)
    charted = _charted(priorities, sheets)
    results = chart_cache.results_many([i for i in every if i.pk in charted])
    printed = chart_cache.printed_many([i for i in every if i.pk in charted], results)
    values = _values(ctx.site)
    goal_rows, data_rows, limit_rows, blocks = [], [], [], []
    for priority in priorities:
        goals = []
        for goal in priority.goals.all():
            indicators = goal.indicators.all()
            charts = [
                _chart(i, results[i.pk], printed[i.pk]) for i in indicators if i.pk in charted
            ]
            goals.append({"goal": goal, "charts": charts, "others": len(indicators) - len(charts)})
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
            for indicator in indicators:
                sheet = sheets[indicator.pk]
                limit_rows += _limit_rows(goal, indicator, sheet)
                rows = values.get(indicator.pk, [])
                readings = sheet.readings
                if readings is None:  # too large to chart: every value listed, none read
                    readings = ["not charted"] * len(rows)
                data_rows += [
                    [goal.title, indicator.name, *row, reading]
                    for row, reading in zip(rows, readings, strict=True)
                ]
        blocks.append({"priority": priority, "goals": goals})
    return Section(
        title="Priorities, goals and indicators",
        template="pdsa/report/_goals.html",
        context={
            "blocks": blocks,
            "uncharted": sum(g["others"] for b in blocks for g in b["goals"]),
        },
        tables=[
            Table(
                "Goals",
                ["Challenge", "Goal", "Difficulty", "Status", "Owner", "Start", "Target"],
                goal_rows,
            ),
            Table(
                "Indicator data",
                [
                    "Goal",
                    "Indicator",
                    "Date",
                    "Value",
                    "Numerator",
                    "Denominator",
                    "Note",
                    "XmR reading",
                ],
                data_rows,
            ),
            Table(
                "Indicator phases and limits",
                [
                    "Goal",
                    "Indicator",
                    "Phase",
                    "From",
                    "To",
                    "Reason",
                    "Median",
                    "Mean",
                    "Lower limit",
                    "Upper limit",
                    "Trial limits",
                ],
                limit_rows,
            ),
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
    listed = sorted(
        zip(cycles, rows, strict=True),
        key=lambda pair: (pair[0].act_done is None, pair[0].act_done or pair[0].starts_on),
        reverse=True,
    )[:LISTED_CYCLES]
    return Section(
        title="PDSA cycles and outcomes",
        template="pdsa/report/_cycles.html",
        context={
            "rows": [row for _, row in listed],
            "outcomes": sorted(outcomes.items()),
            "total": len(cycles),
            "unlisted": len(cycles) - len(listed),
        },
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
    counted = sites_in_programme_during(ctx.period_start)  # archived sites are history too
    goals = Goal.objects.filter(priority__site__in=counted)
    by_status = dict(
        goals.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    hard = goals.filter(difficulty=Goal.Difficulty.HARD).count()
    cycles = Cycle.objects.filter(goal__priority__site__in=counted)
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


@section("programme", order=45)
def programme_progress(ctx):
    """How many active sites stand at each progress score as at the period's end, the ten
    that rose and the ten that fell most in the period, and (in the spreadsheet only) every
    site's score, streamed: four queries whatever the number of sites."""
    end = ctx.period_end or ctx.today
    sites = Site.objects.active()
    counts = progress_scores.distribution(sites, end=end)
    bands = [[score, label, counts.get(score, 0)] for score, label in progress.SCALE.items()]
    scored = progress_scores.with_scores(sites, start=ctx.period_start, end=end)
    rose, fell = progress_scores.movers(scored)
    headers = ["Site", "Score before", "Score at the end", "Change"]
    return Section(
        title="Progress scores",
        template="pdsa/report/_programme_progress.html",
        context={
            "bands": bands,
            "unscored": counts.get(None, 0),
            "rose": rose,
            "fell": fell,
            "end": end,
        },
        tables=[
            Table("Sites by progress score", ["Score", "Meaning", "Sites"], bands),
            Table("Progress rose most", headers, [list(row) for row in rose]),
            Table("Progress fell most", headers, [list(row) for row in fell]),
            Table(
                "Progress by site",
                headers,
                (
                    list(row)
                    for row in scored.order_by("name")
                    .values_list("name", "before", "score", "change")
                    .iterator(chunk_size=500)
                ),
            ),
        ],
    )
