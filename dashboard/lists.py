"""The lists behind the dashboard's figures: one generic list per kind of row, narrowed by the
same filters plus the figure's own parameters (status, stage, kind...), paginated on the page
and whole in the CSV export. Unknown parameter values narrow to nothing rather than fail."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from imroc.dates import short_date
from learning_sets.models import Delegate
from pdsa.models import Cycle, Goal, cycles_at_stage, cycles_with_current_stage_due
from support.models import ProgrammeOutcome, ProgressReview, SupportLogEntry
from support.selectors import NO_REVIEW, review_overdue, with_review_status

from . import selectors
from .forms import Filters
from .tables import STAGE_LABELS, Cell

Row = Callable[[object], Cell]


@dataclass(frozen=True)
class Figure:
    title: str
    rows: Callable[[Filters, dict, datetime.date], QuerySet]
    columns: list[tuple[str, Row]]

    def table(self, objects) -> list[list[Cell]]:
        return [[column(obj) for _, column in self.columns] for obj in objects]

    def labelled(self, objects) -> list[list[tuple[str, Cell]]]:
        """Rows as (column header, cell) pairs: on a phone each cell says its header."""
        return [[(header, column(obj)) for header, column in self.columns] for obj in objects]

    @property
    def headers(self) -> list[str]:
        return [header for header, _ in self.columns]


def _site_cell(site) -> Cell:
    return Cell(site.name, site.get_absolute_url())


def _choice(value: str, choices) -> str | None:
    """``value`` if it is one of ``choices``, else None (narrow to nothing)."""
    return value if value in dict(choices) else None


REVIEW_LABELS = {**dict(ProgressReview.Status.choices), NO_REVIEW: "No review yet"}


def _sites(filters, params, today):
    chosen = with_review_status(selectors.sites(filters)).order_by("name")
    if params.get("overdue"):
        chosen = chosen.filter(review_overdue(today))
    if status := params.get("status"):
        chosen = chosen.filter(review_status=_choice(status, REVIEW_LABELS.items()))
    return chosen


def _review_cell(site) -> Cell:
    label = REVIEW_LABELS[site.review_status]
    if site.review_pk is None:
        return Cell(label)
    return Cell(
        f"{label} ({short_date(site.review_date)})",
        reverse("support:review-detail", args=[site.review_pk]),
    )


def _goals(filters, params, today):
    chosen = (
        selectors.goals_of(filters)
        .select_related("priority__site", "priority__challenge")
        .order_by("priority__site__name", "target_date", "pk")
    )
    if status := params.get("status"):
        chosen = chosen.filter(status=_choice(status, Goal.Status.choices))
    return chosen


def _cycles(filters, params, today):
    chosen = (
        selectors.cycles_of(filters)
        .select_related("goal__priority__site")
        .order_by("goal__priority__site__name", "goal__title", "number")
    )
    if stage := params.get("stage"):
        chosen = chosen.filter(cycles_at_stage(stage)) if stage in STAGE_LABELS else chosen.none()
    if params.get("overdue"):
        chosen = chosen.filter(cycles_with_current_stage_due(lt=today))
    if params.get("completed"):
        chosen = chosen.filter(selectors.completed_in_period(filters))
    if outcome := params.get("outcome"):
        chosen = chosen.filter(outcome=_choice(outcome, Cycle.Outcome.choices))
    return chosen


def _cycle_state(cycle) -> str:
    stage = cycle.current_stage
    if stage == "complete":
        return f"Complete: {cycle.get_outcome_display().lower()} on {short_date(cycle.act_done)}"
    due = getattr(cycle, f"{stage}_due")
    return f"{STAGE_LABELS[stage]}{f', due {short_date(due)}' if due else ''}"


def _support(filters, params, today):
    chosen = selectors.support_entries(filters).select_related("site", "given_by")
    if kind := params.get("kind"):
        chosen = chosen.filter(kind=_choice(kind, SupportLogEntry.Kind.choices))
    return chosen.order_by("-date", "-pk")


def _delegates(filters, params, today):
    chosen = selectors.delegates(filters).select_related("site", "workshop__learning_set")
    if params.get("attended"):
        chosen = chosen.filter(attended=True)
    if params.get("registered"):
        chosen = chosen.filter(status=Delegate.Status.REGISTERED)
    if params.get("lived"):
        chosen = chosen.filter(selectors.LIVED_EXPERIENCE)
    return chosen.order_by("workshop__date", "site__name", "full_name")


def _outcomes(filters, params, today):
    chosen = selectors.latest_outcomes(filters).select_related("site").order_by("site__name")
    if risk := params.get("risk"):
        chosen = chosen.filter(
            risk_policy_review=_choice(risk, ProgrammeOutcome.RiskReview.choices)
        )
    return chosen


def _training(filters, params, today):
    return selectors.training(filters).select_related("site").order_by("-date", "-pk")


FIGURES: dict[str, Figure] = {
    "sites": Figure(
        "Sites",
        _sites,
        [
            ("Site", _site_cell),
            ("Category", lambda s: Cell(s.get_category_display())),
            ("Latest review", _review_cell),
            ("Next review due", lambda s: Cell(s.next_review_due or "")),
        ],
    ),
    "goals": Figure(
        "Goals",
        _goals,
        [
            ("Goal", lambda g: Cell(g.title, g.get_absolute_url())),
            ("Site", lambda g: _site_cell(g.priority.site)),
            ("Challenge", lambda g: Cell(g.priority.challenge.number)),
            ("Difficulty", lambda g: Cell(g.get_difficulty_display())),
            ("Status", lambda g: Cell(g.get_status_display())),
            ("Target date", lambda g: Cell(g.target_date)),
        ],
    ),
    "cycles": Figure(
        "Cycles",
        _cycles,
        [
            ("Cycle", lambda c: Cell(f"{c.goal.title}: cycle {c.number}", c.get_absolute_url())),
            ("Site", lambda c: _site_cell(c.goal.priority.site)),
            ("Stage now", lambda c: Cell(_cycle_state(c))),
        ],
    ),
    "support": Figure(
        "Support given",
        _support,
        [
            ("Date", lambda e: Cell(e.date)),
            ("Site", lambda e: _site_cell(e.site)),
            ("Kind", lambda e: Cell(e.get_kind_display())),
            ("Given by", lambda e: Cell(e.giver)),
            ("Hours", lambda e: Cell(e.hours)),
            ("Topic", lambda e: Cell(e.topic)),
        ],
    ),
    "delegates": Figure(
        "Learning-set delegates",
        _delegates,
        [
            (
                "Workshop",
                lambda d: Cell(
                    f"{d.workshop.learning_set.name}, {short_date(d.workshop.date)}",
                    d.workshop.get_absolute_url(),
                ),
            ),
            ("Site", lambda d: _site_cell(d.site)),
            ("Delegate", lambda d: Cell(d.full_name)),
            ("Perspective", lambda d: Cell(d.get_perspective_display())),
            ("Status", lambda d: Cell(d.get_status_display())),
            ("Attended", lambda d: Cell("Yes" if d.attended else "No")),
        ],
    ),
    "outcomes": Figure(
        "Latest programme outcomes",
        _outcomes,
        [
            ("Site", lambda o: Cell(o.site.name, reverse("support:outcomes", args=[o.site.slug]))),
            ("As at", lambda o: Cell(o.recorded_on)),
            ("Risk policy review", lambda o: Cell(o.get_risk_policy_review_display())),
            ("Personal budgets", lambda o: Cell(o.personal_budgets)),
            ("IPS employment service", lambda o: Cell(o.get_ips_service_display())),
        ],
    ),
    "training": Figure(
        "Co-produced training",
        _training,
        [
            ("Date", lambda t: Cell(t.date)),
            ("Site", lambda t: _site_cell(t.site)),
            ("Course", lambda t: Cell(t.course_title)),
            ("Audience", lambda t: Cell(t.get_audience_display())),
            ("Staff", lambda t: Cell(t.staff_attending)),
            ("Service users", lambda t: Cell(t.service_users_attending)),
        ],
    ),
}
