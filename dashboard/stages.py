"""Stages across the programme over time: the quarters and the stages' labels (the counts are
one query, ``selectors.stages_by_quarter``). Pure logic, no Django."""

import datetime

QUARTERS = 8  # two years: a learning set's lifetime


def quarter_ends(until: datetime.date, n: int = QUARTERS) -> list[datetime.date]:
    """The last days of the ``n`` calendar quarters up to the one holding ``until``."""
    year, quarter = until.year, (until.month - 1) // 3
    ends = []
    for _ in range(n):
        next_start = (
            datetime.date(year + 1, 1, 1)
            if quarter == 3
            else datetime.date(year, 3 * quarter + 4, 1)
        )
        ends.append(next_start - datetime.timedelta(days=1))
        year, quarter = (year - 1, 3) if quarter == 0 else (year, quarter - 1)
    return ends[::-1]


def quarter_label(end: datetime.date) -> str:
    return f"Q{(end.month - 1) // 3 + 1} {end.year}"


def stage_label(rank: int, name: str) -> str:
    """The stage with its number ("0 Not started", "1 Engagement"): the number is what the
    heatmap's cells and the charts' bars show."""
    return name if name.startswith(str(rank)) else f"{rank} {name}"


def stage_words(rank: int, name: str) -> str:
    """The stage's words without its number ("Engagement"), for beside a numbered swatch."""
    return name.removeprefix(str(rank)).strip() or name
