"""A goal's indicators, their dated values and the phases that split their charts."""

import datetime
import math
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from .. import rules as pdsa_rules
from .goals import Goal

VALUE_LIMIT = 1_000_000_000
BASELINE_LEAST = 12  # NHSRplotthedots refuses a fixed baseline under 12 points
BASELINE_MESSAGE = (
    "Fix the baseline on at least 12 points: limits from fewer cannot yet tell. "
    "Leave it empty to use every point (trial limits are labelled)."
)
RUN_CHOICES = [(7, "7 points (NHS default)"), (6, "6 points")]
WITHIN_LIMIT = [MinValueValidator(-VALUE_LIMIT), MaxValueValidator(VALUE_LIMIT)]


def new_data_version() -> int:
    """A fresh random version: never equal to an earlier one, even across databases sharing
    one cache (a wiped and regenerated programme, test runs)."""
    return secrets.randbits(62)


class IndicatorQuerySet(models.QuerySet):
    def with_next_value_due(self):
        """Annotate ``next_value_due``: a value is expected every ``data_interval_days``
        after the latest (after the goal's start while there is none). In SQL, so a page
        can filter and order by it and read only the few it shows."""
        latest = Subquery(
            DataPoint.objects.filter(indicator=OuterRef("pk")).order_by("-date").values("date")[:1]
        )
        since = Coalesce(latest, F("goal__start_date"), output_field=models.DateField())
        # Typed for SQLite, which adds dates and durations in a function Django picks by type.
        days = ExpressionWrapper(F("data_interval_days"), models.IntegerField())
        every = ExpressionWrapper(days * datetime.timedelta(days=1), models.DurationField())
        return self.annotate(next_value_due=Cast(since + every, models.DateField()))


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
        validators=[MinValueValidator(BASELINE_LEAST, BASELINE_MESSAGE)],
        help_text="Fix the XmR mean and limits on the first n points (12 to 20). "
        "Leave empty to use every point.",
    )
    xmr_run = models.PositiveSmallIntegerField(
        "shift and trend length (points)",
        choices=RUN_CHOICES,
        default=7,
        help_text="How many points in a row make a shift or a trend on the XmR chart. "
        "7 is the NHS default; the Making Data Count tool also offers 6.",
    )
    # Changed by every write that alters what the charts show: the key of the cached results.
    data_version = models.BigIntegerField(default=new_data_version, editable=False)
    history = HistoricalRecords(excluded_fields=["data_version"])

    objects = IndicatorQuerySet.as_manager()

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
    # A value left out of the calculations (kept on the chart, hollow) and why.
    left_out_because = models.CharField(
        "left out of the calculations because", max_length=300, blank=True
    )
    # For a percentage: what it was computed from (both or neither).
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    # Corrections and values left out are in the indicator page's history (imports are not:
    # bulk_create writes no history, and the value's own row says when it came).
    history = HistoricalRecords()

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

    def value_count(self) -> int:
        """Values in this phase: from its start to the next phase's."""
        values = self.indicator.data_points.filter(date__gte=self.starts_on)
        following = self.indicator.phases.filter(starts_on__gt=self.starts_on).first()
        if following is not None:
            values = values.filter(date__lt=following.starts_on)
        return values.count()
