"""PDSA (plan, do, study, act) cycles, who took part in them, and comments on the work."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from sites.models import CoProduction, Perspective

from .. import rules as pdsa_rules
from .goals import Goal
from .indicators import Indicator


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
