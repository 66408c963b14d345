"""A site's improvement work: priority challenges, goals, indicators with their data, and the
PDSA (plan, do, study, act) cycles that test changes against those goals."""

import datetime
import math
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from sites.models import CoProduction, Perspective

from . import rules as pdsa_rules


class Priority(RulesModel):
    """A challenge the site agreed to work on first (the method asks for 2-3)."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="priorities")
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.PROTECT, related_name="priorities"
    )
    agreed_on = models.DateField()
    # Dropped once all its goals are closed: off the site's active priorities, kept in history.
    dropped_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["challenge__number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["site", "challenge"], name="one_priority_per_challenge")
        ]
        rules_permissions = {
            "view": pdsa_rules.can_view_work,
            "change": pdsa_rules.can_edit_work,
            "add": pdsa_rules.can_edit_work,
            "delete": pdsa_rules.can_edit_work,
            "drop": pdsa_rules.can_drop_priority,
        }
        permissions = [("drop_priority", "Can drop a priority whose goals are all closed")]

    def __str__(self) -> str:
        return f"{self.challenge} ({self.site})"

    @property
    def is_dropped(self) -> bool:
        return self.dropped_on is not None


class Goal(RulesModel):
    """A specific target under a priority; the method asks for at least one easy and one hard
    goal, so early wins keep the group going while the hard change takes shape."""

    class Difficulty(models.TextChoices):
        EASY = "easy", "Easy"
        HARD = "hard", "Hard"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        ACHIEVED = "achieved", "Achieved"
        STALLED = "stalled", "Stalled"
        ABANDONED = "abandoned", "Abandoned"

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="goals")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices)
    owner = models.ForeignKey(
        "sites.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="goals"
    )
    start_date = models.DateField()
    target_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    # Set by closing the goal (services.goal_close): achieved or abandoned, when and why.
    closed_on = models.DateField(null=True, blank=True, editable=False)
    closing_note = models.TextField(blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority__challenge__number", "start_date", "pk"]
        indexes = [models.Index(fields=["status"])]  # the dashboard counts goals by status
        constraints = [
            models.CheckConstraint(
                condition=Q(target_date__gte=models.F("start_date")),
                name="goal_target_after_start",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(status__in=["achieved", "abandoned"]),
                name="goal_closed_on_only_when_closed",
            ),
        ]
        rules_permissions = {
            "view": pdsa_rules.can_view_work,
            "change": pdsa_rules.can_edit_work,
            "add": pdsa_rules.can_edit_work,
            "delete": pdsa_rules.can_edit_work,
            "comment": pdsa_rules.can_comment,
            "close": pdsa_rules.can_edit_work,
            "reopen": pdsa_rules.can_reopen_goal,
        }
        permissions = [
            ("comment_goal", "Can comment on a goal"),
            ("close_goal", "Can close a goal as achieved or abandoned"),
            ("reopen_goal", "Can reopen a closed goal"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pdsa:goal-detail", kwargs={"pk": self.pk})

    @property
    def site_id(self) -> int:
        """The site the goal belongs to, for the site predicates (select_related priority)."""
        return self.priority.site_id

    @property
    def is_hard(self) -> bool:
        return self.difficulty == self.Difficulty.HARD

    def is_overdue(self, today: datetime.date) -> bool:
        """Past its target date and neither achieved nor abandoned."""
        return self.target_date < today and not self.is_closed

    @property
    def is_closed(self) -> bool:
        """Achieved or abandoned: the goal, its indicators and cycles are read-only."""
        return self.status in self.CLOSED

    CLOSED = (Status.ACHIEVED, Status.ABANDONED)
    OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.STALLED)


# No measure of the programme (people, days, %, pounds) comes near a billion; a bigger value
# is a typing or export mistake, and 1e308 would break every chart and sum drawn from it.
VALUE_LIMIT = 1_000_000_000
WITHIN_LIMIT = [MinValueValidator(-VALUE_LIMIT), MaxValueValidator(VALUE_LIMIT)]


def new_data_version() -> int:
    """A fresh random version: never equal to an earlier one, even across databases sharing
    one cache (a wiped and regenerated programme, test runs)."""
    return secrets.randbits(62)


class Indicator(RulesModel):
    """A measure of a goal. "Always try to measure what you do." """

    class Better(models.TextChoices):
        UP = "up", "Higher is better"
        DOWN = "down", "Lower is better"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=50, blank=True, help_text="For example: %, people, days.")
    better = models.CharField("which direction is better", max_length=4, choices=Better.choices)
    baseline = models.FloatField(
        null=True, blank=True, validators=WITHIN_LIMIT, help_text="The value before any change."
    )
    target = models.FloatField(null=True, blank=True, validators=WITHIN_LIMIT)
    lowest = models.FloatField(
        "lowest possible value",
        null=True,
        blank=True,
        validators=WITHIN_LIMIT,
        help_text="Values below it are refused: 0 for a count or a percentage.",
    )
    highest = models.FloatField(
        "highest possible value",
        null=True,
        blank=True,
        validators=WITHIN_LIMIT,
        help_text="Values above it are refused: 100 for a percentage.",
    )
    data_interval_days = models.PositiveSmallIntegerField(
        "expected data interval (days)",
        default=30,
        help_text="How often a new value is expected; reminders use it.",
    )
    expects_forecasts = models.BooleanField(
        "values for future dates expected",
        default=False,
        help_text="Tick for forecasts or plans; otherwise a date after today is refused.",
    )
    xmr_baseline = models.PositiveSmallIntegerField(
        "XmR baseline (points)",
        null=True,
        blank=True,
        help_text="Fix the XmR mean and limits on the first n points (12-20 is usual). "
        "Leave empty to use every point.",
    )
    # Changed by every write that alters what the charts show: the key of the cached results.
    data_version = models.BigIntegerField(default=new_data_version, editable=False)
    history = HistoricalRecords(excluded_fields=["data_version"])

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(data_interval_days__gte=1), name="indicator_interval_positive"
            ),
            models.CheckConstraint(
                condition=Q(xmr_baseline__isnull=True) | Q(xmr_baseline__gte=2),
                name="indicator_xmr_baseline_two_points",
            ),
            models.CheckConstraint(
                condition=Q(lowest__isnull=True)
                | Q(highest__isnull=True)
                | Q(lowest__lt=models.F("highest")),
                name="indicator_lowest_below_highest",
            ),
        ]
        rules_permissions = {
            "view": pdsa_rules.can_view_work,
            "change": pdsa_rules.can_edit_work,
            "add": pdsa_rules.can_edit_work,
            "delete": pdsa_rules.can_edit_work,
        }

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pdsa:indicator-detail", kwargs={"pk": self.pk})

    @property
    def site_id(self) -> int:
        return self.goal.site_id

    @property
    def is_percentage(self) -> bool:
        """A percentage may keep the numerator and denominator it came from."""
        return self.unit.strip() == "%"

    def value_problem(self, value: float) -> str | None:
        """Why ``value`` cannot be recorded for this indicator, in the user's words; None
        when it can: a finite number within the indicator's lowest and highest possible
        values, and never beyond a billion either way."""
        if not math.isfinite(value):
            return "Enter a number."
        low = -VALUE_LIMIT if self.lowest is None else self.lowest
        high = VALUE_LIMIT if self.highest is None else self.highest
        if not low <= value <= high:
            return f"Enter a value from {_plain(low)} to {_plain(high)}."
        return None


def _plain(number: float) -> str:
    """1000000000.0 as "1,000,000,000", 0.5 as "0.5"."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


class DataPoint(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="data_points")
    date = models.DateField()
    value = models.FloatField(validators=WITHIN_LIMIT)
    note = models.CharField(max_length=300, blank=True)
    # For a percentage: what it was computed from (both or neither).
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_value_per_date"),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True, denominator__isnull=True)
                | Q(numerator__gte=0, denominator__gt=0),
                name="datapoint_counts_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} on {self.date}"


class Phase(models.Model):
    """Where a new phase of an indicator's chart begins: a change was made and understood
    (usually a cycle adopted), so the charts draw new centre lines and limits from here on."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="phases")
    starts_on = models.DateField("new phase starts on")
    reason = models.CharField(max_length=300)
    cycle = models.ForeignKey(
        "Cycle", null=True, blank=True, on_delete=models.SET_NULL, related_name="phases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "starts_on"], name="one_phase_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: new phase from {self.starts_on} ({self.reason})"


class Stage(models.TextChoices):
    PLAN = "plan", "Plan"
    DO = "do", "Do"
    STUDY = "study", "Study"
    ACT = "act", "Act"
    COMPLETE = "complete", "Complete"


@dataclass(frozen=True)
class StageState:
    stage: str
    label: str
    due: datetime.date | None
    done: datetime.date | None
    status: str  # "done", "overdue", "current" or "to do"


class Cycle(RulesModel):
    """One PDSA cycle on a goal. Abandoning a change is a normal, counted outcome: "you must
    fail to succeed", so its learning is recorded like any other."""

    class Outcome(models.TextChoices):
        ADOPT = "adopt", "Adopt"
        ADAPT = "adapt", "Adapt"
        ABANDON = "abandon", "Abandon"

    STAGES = (Stage.PLAN, Stage.DO, Stage.STUDY, Stage.ACT)

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="cycles")
    number = models.PositiveSmallIntegerField()
    adapted_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="adaptations"
    )
    # Plan
    objective = models.TextField()
    change_idea = models.TextField("change idea")
    prediction = models.TextField(help_text="What do you expect to happen, and by how much?")
    who = models.CharField(max_length=300, blank=True)
    where = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField("test starts on")
    ends_on = models.DateField("test ends on")
    watched_indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="cycles", verbose_name="indicators to watch"
    )
    # Do
    what_happened = models.TextField("what happened", blank=True)
    problems = models.TextField(blank=True)
    observations = models.TextField(blank=True)
    # Study
    results = models.TextField("results against the prediction", blank=True)
    # Act
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    learning = models.TextField("what we learned", blank=True)
    next_steps = models.TextField("what next", blank=True)
    # Each stage: when it is due and when it was completed.
    plan_due = models.DateField(null=True, blank=True)
    plan_done = models.DateField(null=True, blank=True)
    do_due = models.DateField(null=True, blank=True)
    do_done = models.DateField(null=True, blank=True)
    study_due = models.DateField(null=True, blank=True)
    study_done = models.DateField(null=True, blank=True)
    act_due = models.DateField(null=True, blank=True)
    act_done = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    # The library's full-text search over the plan, results and learning: kept by a database
    # trigger on PostgreSQL (migration 0007), searched through a GIN index; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["created", "search_vector"])

    class Meta:
        ordering = ["goal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "number"], name="one_cycle_number_per_goal"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cycle_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(act_done__isnull=True) | ~Q(outcome=""),
                name="cycle_completed_with_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["outcome"]),
            # The dashboard counts cycles completed in its period.
            models.Index(fields=["act_done"]),
            # The library lists completed cycles newest first: a partial index on them only.
            models.Index(
                fields=["-act_done", "-id"],
                condition=Q(act_done__isnull=False),
                name="cycle_library_order",
            ),
        ]
        rules_permissions = {
            "view": pdsa_rules.can_view_work,
            "change": pdsa_rules.can_edit_work,
            "add": pdsa_rules.can_edit_work,
            "delete": pdsa_rules.can_edit_work,
            "comment": pdsa_rules.can_comment,
        }
        permissions = [("comment_cycle", "Can comment on a cycle")]

    def __str__(self) -> str:
        return f"Cycle {self.number}: {self.objective[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("pdsa:cycle-detail", kwargs={"pk": self.pk})

    @property
    def site_id(self) -> int:
        return self.goal.site_id

    @property
    def current_stage(self) -> str:
        """The first stage not yet completed; stages are done in order."""
        for stage in self.STAGES:
            if getattr(self, f"{stage}_done") is None:
                return stage
        return Stage.COMPLETE

    @property
    def is_complete(self) -> bool:
        return self.act_done is not None

    @property
    def co_production(self) -> CoProduction:
        """Who took part in the cycle's team (reads prefetched ``team``)."""
        return CoProduction.of_perspectives(member.perspective for member in self.team.all())

    def is_overdue(self, today: datetime.date) -> bool:
        """The current stage's due date has passed: what reminders are about."""
        stage = self.current_stage
        if stage == Stage.COMPLETE:
            return False
        due = getattr(self, f"{stage}_due")
        return due is not None and due < today

    def stages(self, today: datetime.date) -> list[StageState]:
        current = self.current_stage
        states = []
        for stage in self.STAGES:
            due, done = getattr(self, f"{stage}_due"), getattr(self, f"{stage}_done")
            if done is not None:
                status = "done"
            elif stage == current:
                status = "overdue" if self.is_overdue(today) else "current"
            else:
                status = "to do"
            states.append(StageState(stage, Stage(stage).label, due, done, status))
        return states


class CycleTeamMember(models.Model):
    """Someone in the cycle's team, with the perspective they brought: a cycle is "jointly
    owned by all stakeholders", so its team counts towards the co-production index."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey("sites.Person", on_delete=models.PROTECT, related_name="cycle_teams")
    perspective = models.CharField(max_length=20, choices=Perspective.choices)

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "person"], name="one_place_in_a_cycle_team")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_perspective_display()})"


class Comment(models.Model):
    """A consultant's or team member's remark on a goal or a cycle."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pdsa_comments"
    )
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    cycle = models.ForeignKey(
        Cycle, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(goal__isnull=False) & Q(cycle__isnull=True))
                | (Q(goal__isnull=True) & Q(cycle__isnull=False)),
                name="comment_on_goal_or_cycle",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


def cycles_at_stage(stage: str) -> Q:
    """The SQL twin of ``Cycle.current_stage``: cycles whose first stage not yet done is
    ``stage`` ("complete" when all are done), for counting in the database."""
    if stage == Stage.COMPLETE:
        return Q(**{f"{s}_done__isnull": False for s in Cycle.STAGES})
    earlier = Cycle.STAGES[: Cycle.STAGES.index(stage)]
    return Q(**{f"{s}_done__isnull": False for s in earlier}, **{f"{stage}_done__isnull": True})


def cycles_with_current_stage_due(**lookups) -> Q:
    """The SQL twin of the current stage's due date: ``lt=today`` selects the cycles for which
    ``Cycle.is_overdue(today)`` is true."""
    condition = Q(pk__in=[])
    for stage in Cycle.STAGES:
        due = {f"{stage}_due__{key}": value for key, value in lookups.items()}
        condition |= cycles_at_stage(stage) & Q(**due)
    return condition


class ProgressSnapshot(models.Model):
    """A goal's (or, with no goal, the site's) progress score on the IHI 0.5-5 scale as
    computed on a day, with the reason for each step: the score's history over time."""

    site = models.ForeignKey(
        "sites.Site", on_delete=models.CASCADE, related_name="progress_snapshots"
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="progress_snapshots"
    )
    recorded_on = models.DateField()
    score = models.DecimalField(max_digits=2, decimal_places=1)
    steps = models.JSONField(default=list)

    class Meta:
        ordering = ["recorded_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "recorded_on"],
                condition=Q(goal__isnull=True),
                name="one_site_progress_a_day",
            ),
            models.UniqueConstraint(
                fields=["goal", "recorded_on"],
                condition=Q(goal__isnull=False),
                name="one_goal_progress_a_day",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0.5, score__lte=5), name="progress_on_the_ihi_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal or self.site}: {self.score} on {self.recorded_on}"

    @property
    def label(self) -> str:
        from .progress import SCALE

        return SCALE[float(self.score)]
