"""A small chart per dashboard headline, drawn from the rows of the table it sits on, so the
picture and the "show the data" table can never disagree (and cost no query of their own)."""

from collections.abc import Callable

from .chart_svg import TEXT, WHITE, Bar, Series, bar_chart, stacked_bars
from .tables import Table

# The heatmap's palette (static/scss: .heat-0 ... .heat-3): pale to dark blue, with a text
# colour of at least 4.5:1 on each.
STAGE_FILLS = [("#e8edee", TEXT), ("#c3dcf2", TEXT), ("#5b9bd5", "#000000"), ("#003087", WHITE)]
REVIEW_FILLS = {
    "On track": ("#007f3b", WHITE),
    "Some concerns": ("#ffeb3b", TEXT),
    "Off track": ("#d5281b", WHITE),
    "No review yet": ("#e8edee", TEXT),
}


def stage_series(names: list[str]) -> list[Series]:
    return [
        Series(name, *STAGE_FILLS[min(i, len(STAGE_FILLS) - 1)]) for i, name in enumerate(names)
    ]


def _bars(table: Table, *, skip_last: int = 1, column: int = 1) -> list[Bar]:
    rows = table.rows[: len(table.rows) - skip_last] if skip_last else table.rows
    return [Bar(str(row[0].text), float(row[column].text or 0)) for row in rows]


def stages_chart(table: Table) -> str:
    return stacked_bars(
        title=table.title,
        rows=[(str(row[0].text), [cell.text for cell in row[2:]]) for row in table.rows],
        series=stage_series(table.headers[2:]),
        empty="none assessed yet",
    )


def status_chart(table: Table) -> str:
    statuses = table.headers[1:-1]
    return stacked_bars(
        title=table.title,
        rows=[(str(row[0].text), [cell.text for cell in row[1:-1]]) for row in table.rows],
        series=[Series(name, *REVIEW_FILLS.get(name, ("#768692", WHITE))) for name in statuses],
        empty="no sites",
    )


def goals_chart(table: Table) -> str:
    return bar_chart(title=table.title, bars=_bars(table))


def cycles_chart(table: Table) -> str:
    """The stages only: the overdue and total rows are not a stage."""
    return bar_chart(title=table.title, bars=_bars(table, skip_last=2))


def completed_chart(table: Table) -> str:
    return bar_chart(title=table.title, bars=_bars(table))


def support_chart(table: Table) -> str:
    days = [Bar(str(row[0].text), float(row[2].text or 0)) for row in table.rows[:-1]]
    return bar_chart(title=f"{table.title}: days", bars=days)


def attendance_chart(table: Table) -> str:
    """Registered, attended and of whom service users or carers, with their share."""
    figures = {str(row[0].text): row[1].text for row in table.rows}
    share = figures.get("Share of service users and carers", "")
    bars = [
        Bar("Delegates registered", figures.get("Delegates registered", 0)),
        Bar("Delegates who attended", figures.get("Delegates who attended", 0)),
        Bar("Service users or carers", figures.get("Of whom service users or carers", 0)),
    ]
    return bar_chart(
        title=table.title, bars=bars, note=f"Share of service users and carers: {share}."
    )


CHARTS: dict[str, Callable[[Table], str]] = {
    "stages": stages_chart,
    "status": status_chart,
    "goals": goals_chart,
    "cycles": cycles_chart,
    "completed": completed_chart,
    "support": support_chart,
    "attendance": attendance_chart,
}


def draw(tables: dict[str, Table]) -> dict[str, Table]:
    """Give each table that has a picture its chart."""
    for key, table in tables.items():
        if key in CHARTS:
            table.chart = CHARTS[key](table)
    return tables
