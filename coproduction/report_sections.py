"""The site progress report's chart of its project group over time: the co-production
index's first gathering, drawn with the run charts the goals' indicators use."""

from datetime import date, timedelta

from pdsa.chart_svg import render_run_chart_svg
from pdsa.charts import run_chart
from reports.registry import Section, Table, section


@section("site_progress", order=25)
def the_project_group_over_time(ctx):
    """Head count month by month over the last two years, drawn as a run chart (the same
    charts the goals' indicators use)."""
    joined = [m.joined_on for m in ctx.site.project_group.all()]
    months = _month_ends(
        max(ctx.site.date_joined, ctx.today.replace(year=ctx.today.year - 2)), ctx.today
    )
    if len(months) < 2:
        return None
    counts = [sum(d is None or d <= end for d in joined) for end in months]
    labels = [f"{end:%b %Y}" for end in months]
    svg = render_run_chart_svg(
        run_chart(counts), labels=labels, title="Project group members", unit="people"
    )
    rows = [[label, count] for label, count in zip(labels, counts, strict=True)]
    return Section(
        title="Project group over time",
        template="coproduction/report/_group_chart.html",
        context={"svg": svg},
        tables=[Table("Group over time", ["Month", "Members"], rows)],
    )


def _month_ends(start, end) -> list:
    """The last day of each month from ``start``'s month to the month before ``end``'s."""
    ends, year, month = [], start.year, start.month
    while (year, month) < (end.year, end.month):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        ends.append(date(year, month, 1) - timedelta(days=1))
    return ends
