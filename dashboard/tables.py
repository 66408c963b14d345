"""The dashboard's tables, each built from one or two aggregate reads. The page and the CSV
export render the same Table, so what a user downloads is what they saw."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from challenges.models import Challenge
from challenges.selectors import latest_stage_ranks
from coproduction.selectors import Gathering
from imroc.dates import short_date
from imroc.links import link_maker
from pdsa.models import Cycle, Goal, Stage, cycles_with_current_stage_due
from sites import figures
from sites.models import Site
from support.models import ProgressReview
from support.selectors import NO_REVIEW, support_by_kind, with_review_status

from . import selectors
from .forms import Filters
from .stages import quarter_ends, quarter_label, stage_label

LIST_LIMIT = 10


@dataclass
class Reads:
    """One request's filters and the aggregates more than one table uses, read once."""

    filters: Filters
    today: datetime.date

    @cached_property
    def challenges(self) -> list[Challenge]:
        return list(Challenge.objects.filter(framework__is_current=True).order_by("number"))

    @cached_property
    def cycle_counts(self) -> dict[str, int]:
        return selectors.cycle_counts(self.filters, self.today)

    @cached_property
    def co_production(self) -> dict[str, Gathering]:
        return {gathering.kind: gathering for gathering in selectors.co_production(self.filters)}


@dataclass(frozen=True)
class Cell:
    text: object
    url: str | None = None
    css: str = ""

    @property
    def link(self) -> str | None:
        """Where the figure leads; a zero leads nowhere (an empty list is not worth a click)."""
        zero = isinstance(self.text, int | float | Decimal) and not isinstance(self.text, bool)
        return None if zero and self.text == 0 else self.url


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    more: Cell | None = None  # the full list behind a shortened table
    csv_url: str = ""  # that full list as CSV
    chart: str = ""  # an SVG picture of the rows (dashboard.pictures)

    def labelled(self) -> list[list[tuple[str, Cell]]]:
        """Each row as (column header, cell) pairs: on a phone each cell says its header."""
        return [list(zip(self.headers, row, strict=True)) for row in self.rows]

    def csv_rows(self):
        yield self.headers
        for row in self.rows:
            yield [cell.text for cell in row]


def drill(figure: str, filters: Filters, *, csv: bool = False, **params) -> str:
    """The list behind a figure (or its CSV export), with the same filters."""
    query = urlencode(
        {**filters.query(), **{k: v for k, v in params.items() if v != ""}}, doseq=True
    )
    return f"{reverse('dashboard:list-csv' if csv else 'dashboard:list', args=[figure])}?{query}"


REVIEW_COLUMNS = [*ProgressReview.Status.choices, (NO_REVIEW, "No review yet")]
REVIEW_STATUS_LABELS = dict(REVIEW_COLUMNS)


def status_table(reads: "Reads") -> Table:
    filters = reads.filters
    counts = selectors.status_by_category(filters)
    table = Table(
        "status",
        "Sites by category and latest review status",
        ["Category", *(label for _, label in REVIEW_COLUMNS), "All"],
    )
    categories = [(c, label) for c, label in Site.Category.choices if not filters.category]
    categories = categories or [(filters.category, Site.Category(filters.category).label)]
    for category, label in categories:
        row = [Cell(label, drill("sites", filters, category=category))]
        for status, _ in REVIEW_COLUMNS:
            n = counts.get((category, status), 0)
            row.append(Cell(n, drill("sites", filters, category=category, status=status)))
        total = sum(n for (c, _), n in counts.items() if c == category)
        row.append(Cell(total, drill("sites", filters, category=category)))
        table.rows.append(row)
    return table


def goals_table(reads: "Reads") -> Table:
    filters = reads.filters
    counts = selectors.goal_counts(filters)
    table = Table("goals", "Goals by status", ["Status", "Goals"])
    for status, label in Goal.Status.choices:
        table.rows.append(
            [Cell(label), Cell(counts[status], drill("goals", filters, status=status))]
        )
    table.rows.append([Cell("All goals"), Cell(counts["total"], drill("goals", filters))])
    return table


def stalled_table(reads: "Reads") -> Table:
    filters = reads.filters
    stalled = (
        selectors.goals_of(filters)
        .filter(status=Goal.Status.STALLED)
        .select_related("priority__site", "priority__challenge")
        .order_by("target_date", "pk")
    )
    table = Table("stalled", "Stalled goals", ["Goal", "Site", "Challenge", "Target date"])
    for goal in stalled[:LIST_LIMIT]:
        site = goal.priority.site
        table.rows.append(
            [
                Cell(goal.title, goal.get_absolute_url()),
                Cell(site.name, site.get_absolute_url()),
                Cell(goal.priority.challenge.number),
                Cell(goal.target_date),
            ]
        )
    table.more = Cell("All stalled goals", drill("goals", filters, status=Goal.Status.STALLED))
    table.csv_url = drill("goals", filters, csv=True, status=Goal.Status.STALLED)
    return table


STAGE_LABELS = dict(Stage.choices)


def cycles_table(reads: "Reads") -> Table:
    filters = reads.filters
    counts = reads.cycle_counts
    table = Table(
        "cycles",
        "Cycles by stage now",
        ["Stage", "Cycles"],
        note=f"{counts['overdue']} with an overdue stage.",
    )
    for stage, label in STAGE_LABELS.items():
        table.rows.append([Cell(label), Cell(counts[stage], drill("cycles", filters, stage=stage))])
    table.rows.append(
        [Cell("Overdue stage"), Cell(counts["overdue"], drill("cycles", filters, overdue=1))]
    )
    table.rows.append([Cell("All cycles"), Cell(counts["total"], drill("cycles", filters))])
    return table


def completed_table(reads: "Reads") -> Table:
    filters = reads.filters
    counts = reads.cycle_counts
    table = Table("completed", f"Cycles completed, {filters.period}", ["Outcome", "Cycles"])
    for outcome, label in Cycle.Outcome.choices:
        table.rows.append(
            [
                Cell(label),
                Cell(
                    counts[f"completed_{outcome}"],
                    drill("cycles", filters, completed=1, outcome=outcome),
                ),
            ]
        )
    table.rows.append(
        [Cell("All completed"), Cell(counts["completed"], drill("cycles", filters, completed=1))]
    )
    return table


def overdue_table(reads: "Reads") -> Table:
    filters, today = reads.filters, reads.today
    late = (
        selectors.cycles_of(filters)
        .filter(cycles_with_current_stage_due(lt=today))
        .select_related("goal__priority__site")
        .order_by("goal__priority__site__name", "pk")
    )
    table = Table("overdue", "Overdue cycle stages", ["Cycle", "Site", "Stage", "Was due"])
    for cycle in late[:LIST_LIMIT]:
        stage = cycle.current_stage
        site = cycle.goal.priority.site
        table.rows.append(
            [
                Cell(f"{cycle.goal.title}: cycle {cycle.number}", cycle.get_absolute_url()),
                Cell(site.name, site.get_absolute_url()),
                Cell(STAGE_LABELS[stage]),
                Cell(getattr(cycle, f"{stage}_due")),
            ]
        )
    table.more = Cell("All cycles with an overdue stage", drill("cycles", filters, overdue=1))
    table.csv_url = drill("cycles", filters, csv=True, overdue=1)
    return table


def support_table(reads: "Reads") -> Table:
    filters = reads.filters
    rows = support_by_kind(selectors.support_entries(filters))
    table = Table("support", f"Support given, {filters.period}", ["Kind", "Entries", "Days"])
    for row in rows:
        url = drill("support", filters, kind=row["kind"])
        table.rows.append([Cell(row["label"]), Cell(row["count"], url), Cell(row["days"], url)])
    table.rows.append(
        [
            Cell("All support"),
            Cell(sum(r["count"] for r in rows), drill("support", filters)),
            Cell(sum(r["days"] for r in rows), drill("support", filters)),
        ]
    )
    return table


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "none attended"


def attendance_table(reads: "Reads") -> Table:
    filters = reads.filters
    figures = selectors.attendance(filters)
    table = Table("attendance", f"Learning-set attendance, {filters.period}", ["Figure", "Value"])
    table.rows = [
        [
            Cell("Workshops attended"),
            Cell(figures["workshops"], drill("delegates", filters, attended=1)),
        ],
        [
            Cell("Delegates registered"),
            Cell(figures["registered"], drill("delegates", filters, registered=1)),
        ],
        [
            Cell("Delegates who attended"),
            Cell(figures["attendees"], drill("delegates", filters, attended=1)),
        ],
        [
            Cell("Of whom service users or carers"),
            Cell(figures["lived_experience"], drill("delegates", filters, attended=1, lived=1)),
        ],
        [
            Cell("Share of service users and carers"),
            Cell(
                _share(figures["lived_experience"], figures["attendees"]),
                drill("delegates", filters, attended=1, lived=1)
                if figures["lived_experience"]
                else None,
            ),
        ],
    ]
    return table


# Headline figures of the outcomes table (``sites.figures``), each linked to its source.
OUTCOME_FIGURES = {
    "peer_workers": ("peer_support:overview", {}),
    "peer_workers_wte": ("peer_support:overview", {}),
    "colleges_open": ("colleges:overview", {}),
    "colleges_planned": ("colleges:overview", {}),
    "college_courses": ("colleges:overview", {}),
    "college_students": ("colleges:overview", {}),
    "risk_done": ("outcomes", {"risk": "done"}),
    "risk_under_way": ("outcomes", {"risk": "under_way"}),
}


def _figure_cell(key: str, value, filters: Filters) -> Cell:
    target, params = OUTCOME_FIGURES[key]
    url = reverse(target) if ":" in target else drill(target, filters, **params)
    return Cell(value, url)


def outcomes_table(reads: "Reads") -> Table:
    filters = reads.filters
    chosen = selectors.sites(filters)
    training = reads.co_production["training"]
    trained = drill("training", filters)
    table = Table(
        "outcomes",
        "Headline outcomes",
        ["Figure", "Value"],
        note=f"As at {short_date(filters.until)}: peer support workers from the sites' posts, "
        "recovery colleges from the colleges and their latest terms, risk reviews from each "
        "site's latest outcome figures; training in the period.",
    )
    rows = {
        key: [Cell(figures.get(key).label), _figure_cell(key, value, filters)]
        for key, value in figures.values(OUTCOME_FIGURES, chosen, filters.until).items()
    }
    table.rows = [
        *(rows[key] for key in list(OUTCOME_FIGURES)[:6]),
        [Cell("Co-produced training courses"), Cell(training.count, trained)],
        [
            Cell("Staff attending training"),
            Cell(training.index.people - training.index.lived_experience, trained),
        ],
        [Cell("Service users attending training"), Cell(training.index.lived_experience, trained)],
        rows["risk_done"],
        rows["risk_under_way"],
    ]
    return table


def heatmap_sites(reads: "Reads"):
    return with_review_status(selectors.sites(reads.filters)).order_by("category", "name")


def heatmap_table(reads: "Reads", rows=None) -> Table:
    """Sites x challenges: the latest stage number in each cell, so it reads without colour.
    ``rows``: the sites of one page (the page shows 100; the CSV has them all)."""
    rows = list(heatmap_sites(reads) if rows is None else rows)
    latest = latest_stage_ranks([site.pk for site in rows])
    columns = [challenge.identity for challenge in reads.challenges]
    table = Table(
        "heatmap",
        "Latest self-assessment stage per challenge",
        ["Site", "Category", "Latest review", *(f"{c.number} {c.label}" for c in reads.challenges)],
        note="Each cell gives the stage number of the site's latest self-assessment, by "
        "challenge whichever framework version it used; a dash means not assessed.",
    )
    site_url = link_maker("sites:site-detail", slug=True)
    assessment_url = link_maker("challenges:assessment-detail", slug=True, pk=True)
    for site in rows:
        found = latest.get(site.pk)
        url = assessment_url.format(slug=site.slug, pk=found.assessment_id) if found else None
        row = [
            Cell(site.name, site_url.format(slug=site.slug)),
            Cell(site.get_category_display()),
            Cell(REVIEW_STATUS_LABELS[site.review_status]),
        ]
        for identity in columns:
            rank = found.ranks.get(identity) if found else None
            row.append(
                Cell(rank, url, f"heat heat-{rank}")
                if rank is not None
                else Cell("–", css="heat heat-none")
            )
        table.rows.append(row)
    return table


def stages_table(reads: "Reads") -> Table:
    """Stages across the programme over time: at each quarter's end, the sites' latest
    assessments' ratings at each stage (the stages no such rating is at are left out)."""
    ends = quarter_ends(reads.filters.until)
    assessed, stages = selectors.stages_by_quarter(reads.filters, ends)
    labels = [stage_label(rank, name) for rank, (name, _) in stages.items()]
    table = Table(
        "stages",
        "Self-assessed stages over time",
        ["Quarter", "Sites assessed", *labels],
        note="At the end of each quarter: how many challenges the sites' latest "
        "self-assessments put at each stage.",
    )
    for i, end in enumerate(ends):
        counts = [Cell(quarters[i]) for _, quarters in stages.values()]
        table.rows.append([Cell(quarter_label(end)), Cell(assessed[i]), *counts])
    return table


TABLES: dict[str, Callable[[Reads], Table]] = {
    "stages": stages_table,
    "status": status_table,
    "goals": goals_table,
    "stalled": stalled_table,
    "cycles": cycles_table,
    "completed": completed_table,
    "overdue": overdue_table,
    "support": support_table,
    "attendance": attendance_table,
    "outcomes": outcomes_table,
}
