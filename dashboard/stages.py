"""Stages across the programme over time: at the end of each quarter, how many challenge
ratings of the sites' latest assessments stood at each stage. Pure logic, no Django."""

import datetime
from collections import defaultdict
from collections.abc import Iterable

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


def stage_names(rows: Iterable[tuple]) -> dict[int, str]:
    """The stages met in ``rows`` (from selectors.assessed_stages), by rank, labelled."""
    names = {rank: name for *_, rank, name, _ in rows}  # one pass: no sort of every rating
    return {rank: stage_label(rank, names[rank]) for rank in sorted(names)}


def stages_by_quarter(
    rows: Iterable[tuple[int, int, datetime.date, int, str, int]],
    ends: list[datetime.date],
    ranks: list[int],
) -> list[tuple[int, list[int]]]:
    """Per quarter end: (sites assessed, ratings per rank in ``ranks`` order), each site
    counted by its latest assessment on or before that day (the later id wins a tie)."""
    by_site: dict[int, dict[tuple[datetime.date, int], dict[int, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for site, assessment, day, rank, _, n in rows:
        by_site[site][(day, assessment)][rank] = n
    history = {site: sorted(found.items()) for site, found in by_site.items()}
    result = []
    for end in ends:
        counts = dict.fromkeys(ranks, 0)
        sites = 0
        for assessments in history.values():
            latest = None
            for (day, _), ratings in assessments:
                if day > end:
                    break
                latest = ratings
            if latest is None:
                continue
            sites += 1
            for rank, n in latest.items():
                if rank in counts:
                    counts[rank] += n
        result.append((sites, [counts[rank] for rank in ranks]))
    return result
