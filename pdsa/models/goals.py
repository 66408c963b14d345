"""Priorities (the challenges a site chose to work on), their goals and the goals' progress
score over time."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from .. import rules as pdsa_rules


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


RULE = 2


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
    # The score's rule it was computed under: 1 before issue 22 (a phase's mean alone could
    # give 4.0), 2 the rule read from before and after the change. Kept, and marked on the page.
    rule = models.PositiveSmallIntegerField(default=RULE)

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
        from ..progress import SCALE

        return SCALE[float(self.score)]
