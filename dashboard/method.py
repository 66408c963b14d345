"""The method's own headlines on the dashboard: co-production wherever people gather or
decide, and where every site stands with its peer support workers. Each is one aggregate
query (``Reads.co_production``, ``selectors.peer_standing``), so the page stays constant."""

from collections.abc import Callable
from decimal import Decimal

from django.urls import reverse

from imroc.dates import short_date
from peer_support import checklist

from . import selectors
from .chart_svg import Bar, bar_chart
from .tables import TABLES as CORE_TABLES
from .tables import Cell, Reads, Table

NOT_STARTED = "Not started"
ALL_DONE = "All four stages in place"
STAGE_KEYS = [stage for stage, _ in checklist.STAGES]
STAGE_ROWS = [NOT_STARTED, *(label for _, label in checklist.STAGES), ALL_DONE]
SITE_WORDS = {NOT_STARTED: "Sites not started", ALL_DONE: "Sites with all four stages in place"}
ITEMS_IN = {
    stage: sum(item.stage == stage for item in checklist.ITEMS) for stage, _ in checklist.STAGES
}


def _or_not_recorded(value):
    return "not recorded" if value is None else value


def _csv(table: Table, filters) -> str:
    return f"{reverse('dashboard:table-csv', args=[table.key])}?{filters.querystring()}"


def stage_of(done: dict[str, int]) -> str:
    """The stage a site is working on from its items done per stage: the first stage with
    something not done (``peer_support.checklist.stage_reached``, from counts)."""
    for stage, label in checklist.STAGES:
        if done.get(stage, 0) < ITEMS_IN[stage]:
            return label
    return ALL_DONE


def coproduction_table(reads: Reads) -> Table:
    filters = reads.filters
    programme = reverse("coproduction:programme")
    table = Table(
        "coproduction",
        f"Co-production, {filters.period}",
        [
            "Where people gather or decide",
            "How many",
            "People",
            "Service users or carers",
            "Share",
            "Staff with lived experience",
        ],
        note="Project groups as they stand; the rest in the period. Training courses record "
        "head counts only.",
    )
    for gathering in reads.co_production.values():
        index = gathering.index
        table.rows.append(
            [
                Cell(gathering.label, programme),
                Cell(gathering.count),
                Cell(index.people),
                Cell(index.lived_experience),
                Cell(f"{index.share}%" if index.share is not None else "none counted"),
                Cell(
                    "not recorded"
                    if index.staff_lived_experience is None
                    else index.staff_lived_experience
                ),
            ]
        )
    table.more = Cell("Co-production by site across the programme", programme)
    table.csv_url = (
        reverse("dashboard:table-csv", args=["coproduction"]) + f"?{filters.querystring()}"
    )
    workshops = reads.co_production["workshop"].index
    table.chart = bar_chart(
        title=f"{table.title}: share of service users and carers (%)",
        bars=[Bar(g.label, g.index.share or 0) for g in reads.co_production.values()],
        note=f"Workshops: {workshops.lived_experience} of {workshops.people} attendees were "
        "service users or carers.",
    )
    return table


def peer_support_table(reads: Reads) -> Table:
    rows = selectors.peer_standing(reads.filters)
    sites = dict.fromkeys(STAGE_ROWS, 0)
    teams, head_count, wte = 0, 0, Decimal(0)
    for row in rows:
        started = row["started"] or row["head_count"] or any(row[s] for s in STAGE_KEYS)
        sites[stage_of(row) if started else NOT_STARTED] += 1
        teams += row["post_teams"] or 0
        head_count += row["head_count"] or 0
        wte += row["wte"] or 0
    overview = reverse("peer_support:overview")
    table = Table(
        "peer_support",
        "Peer support workers",
        ["Figure", "Value"],
        note="Each site's stage on the four-stage checklist as at "
        f"{short_date(reads.filters.until)}; posts as recorded now.",
    )
    table.rows = [
        [Cell(SITE_WORDS.get(label, f"Sites working on {label.lower()}")), Cell(n, overview)]
        for label, n in sites.items()
    ]
    table.rows += [
        [Cell("Teams with peer support worker posts"), Cell(teams, overview)],
        [Cell("Peer support workers (head count)"), Cell(head_count, overview)],
        [Cell("Peer support workers (WTE)"), Cell(wte, overview)],
    ]
    table.more = Cell("Where every site stands", overview)
    table.csv_url = (
        reverse("dashboard:table-csv", args=["peer_support"]) + f"?{reads.filters.querystring()}"
    )
    table.chart = bar_chart(
        title="Sites by peer-support stage",
        bars=[Bar(str(row[0].text), row[1].text) for row in table.rows[: len(STAGE_ROWS)]],
        note=f"{head_count} peer support workers ({wte} WTE) in {teams} teams.",
    )
    return table


TABLES: dict[str, Callable[[Reads], Table]] = {
    **CORE_TABLES,
    "coproduction": coproduction_table,
    "peer_support": peer_support_table,
}
