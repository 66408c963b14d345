"""A learning set's workshops: the day, its venue and topic, when unclaimed places open, and
the parts of its agenda."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from rules.contrib.models import RulesModel

from accounts.rules import is_programme_staff
from sites.models import Site

from .. import rules as ls_rules
from .sets import LearningSet, Topic, Venue


class Workshop(RulesModel):
    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="workshops"
    )
    number = models.PositiveSmallIntegerField()
    date = models.DateField()
    start_time = models.TimeField(default=datetime.time(10, 0))
    end_time = models.TimeField(default=datetime.time(16, 0))
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="workshops"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.PROTECT, related_name="workshops"
    )
    places_release_date = models.DateField(
        "Unclaimed places open to all on",
        null=True,
        blank=True,
        help_text=(
            "Until this date each member site keeps its share of the venue's places. "
            "Leave empty to release them the set's number of days before the workshop."
        ),
    )
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised on every change delegates' calendars must take.",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["date", "number"]
        indexes = [models.Index(fields=["date"])]  # the dashboard's period filter
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "number"],
                name="one_workshop_a_number",
                violation_error_message="The set already has a workshop with this number.",
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="workshop_ends_after_start",
                violation_error_message="The workshop must end after it starts.",
            ),
        ]
        rules_permissions = {
            "view": is_programme_staff | ls_rules.is_member_of_set,
            "change": ls_rules.can_manage_learning_sets,
            "add": ls_rules.can_manage_learning_sets,
            "delete": ls_rules.can_manage_learning_sets,
        }

    def __str__(self) -> str:
        return f"Workshop {self.number}: {self.topic or 'topic to be chosen'}"

    def get_absolute_url(self) -> str:
        return reverse("learning_sets:workshop-detail", kwargs={"pk": self.pk})

    @property
    def capacity(self) -> int | None:
        return self.venue.capacity if self.venue_id else None

    def has_happened(self, today: datetime.date) -> bool:
        return self.date <= today

    @property
    def release_date(self) -> datetime.date:
        """Its own release date, else the set's number of days before the day (reads
        ``learning_set``)."""
        if self.places_release_date:
            return self.places_release_date
        return self.date - datetime.timedelta(days=self.learning_set.release_days)

    def places_released(self, today: datetime.date) -> bool:
        """Fair places: each site's share is kept for it until the release date."""
        return today >= self.release_date

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def attendance_open(self, today: datetime.date) -> bool:
        """Attendance is taken on the day, not before."""
        return today >= self.date

    def evaluation_open(self, now: datetime.datetime) -> bool:
        """Delegates evaluate a day they have had: from the workshop's end."""
        ends = datetime.datetime.combine(self.date, self.end_time)
        if timezone.is_aware(now):
            ends = timezone.make_aware(ends, timezone.get_current_timezone())
        return now >= ends


class AgendaItem(models.Model):
    """One part of a workshop's day, from the standard format."""

    class Kind(models.TextChoices):
        EXPERT_PRESENTATION = "expert_presentation", "Expert presentation"
        PRACTICAL_EXAMPLE = "practical_example", "Practical example from a member site"
        SERVICE_USER_COMMENTS = "service_user_comments", "Service users' comments"
        DISCUSSION = "discussion", "Discussion"
        MARKET_STALLS = "market_stalls", "Market stalls"
        BREAK = "break", "Break"
        LUNCH = "lunch", "Lunch"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    start_time = models.TimeField()
    end_time = models.TimeField()
    title = models.CharField(max_length=200, blank=True)
    speaker = models.CharField(max_length=200, blank=True)
    site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member site presenting its practical example.",
    )
    stall_sites = models.ManyToManyField(
        Site, blank=True, related_name="+", help_text="Member sites running a market stall."
    )

    class Meta:
        ordering = ["start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="agenda_item_ends_after_start",
                violation_error_message="An agenda item must end after it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    def overlaps(self, start: datetime.time, end: datetime.time) -> bool:
        return self.start_time < end and start < self.end_time
