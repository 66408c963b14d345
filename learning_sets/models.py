"""Learning sets: groups of 6-8 sites meeting at six one-day workshops over two years."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from rules.contrib.models import RulesModel

from accounts.rules import is_programme_staff
from sites.models import Site

from . import rules as ls_rules
from .places import MAX_DELEGATES_PER_SITE  # noqa: F401 (the method's limit, used app-wide)

MIN_SITES, MAX_SITES = 6, 8
WORKSHOPS_PER_SET = 6


class Topic(models.Model):
    """A workshop topic from the library; the six standard ones come from a data migration."""

    name = models.CharField(max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    key_questions = models.TextField(help_text="One question a line.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def key_question_list(self) -> list[str]:
        return [line.strip() for line in self.key_questions.splitlines() if line.strip()]


class Venue(models.Model):
    name = models.CharField(max_length=200)
    address = models.TextField()
    capacity = models.PositiveIntegerField(help_text="The most people the room holds.")
    accessibility_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="venue_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (holds {self.capacity})"


class LearningSet(RulesModel):
    class Status(models.TextChoices):
        PLANNING = "planning", "Planning"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"

    name = models.CharField(max_length=200, unique=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_learning_sets",
        limit_choices_to={"groups__name": "organiser"},
    )
    sites = models.ManyToManyField(Site, related_name="learning_sets", verbose_name="member sites")
    start_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNING)
    release_days = models.PositiveSmallIntegerField(
        "Days before a workshop its unclaimed places open to all",
        default=14,
        help_text="Used when a workshop has no release date of its own.",
    )

    class Meta:
        ordering = ["start_date", "name"]
        rules_permissions = {
            "view": is_programme_staff | ls_rules.is_member_of_set,
            "add": ls_rules.can_manage_learning_sets,
            "change": ls_rules.can_manage_learning_sets,
            "delete": ls_rules.can_manage_learning_sets,
            "report": is_programme_staff,
        }
        permissions = [("report_learningset", "Can read a learning set's reports")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("learning_sets:set-detail", kwargs={"pk": self.pk})


def composition_warnings(sites) -> list[str]:
    """The method groups 6-8 sites of mixed categories; outside that an organiser confirms."""
    sites = list(sites)
    warnings = []
    if not MIN_SITES <= len(sites) <= MAX_SITES:
        warnings.append(
            f"The method suggests {MIN_SITES} to {MAX_SITES} member sites; "
            f"this set has {len(sites)}."
        )
    categories = {site.category for site in sites}
    if len(categories) == 1:
        label = Site.Category(categories.pop()).label.lower()
        warnings.append(f"All member sites are {label} sites; the method mixes categories.")
    return warnings


class TopicChoice(models.Model):
    """A member site's ranked choice of topics (1 = first choice)."""

    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="topic_choices"
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="topic_choices")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="choices")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["site__name", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "site", "topic"], name="one_choice_per_topic"
            ),
            models.UniqueConstraint(
                fields=["learning_set", "site", "rank"], name="one_topic_a_rank"
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="topic_rank_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.site}: {self.rank}. {self.topic}"


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


class DelegatePerspective(models.TextChoices):
    NHS_PROFESSIONAL = "nhs_professional", "NHS professional"
    THIRD_SECTOR = "third_sector", "Third sector"
    SERVICE_USER = "service_user", "Service user"
    CARER = "carer", "Carer"
    STAFF_LIVED = "staff_lived", "Staff member with lived experience (e.g. peer worker)"
    OTHER = "other", "Other"

    @classmethod
    def lived_experience(cls) -> tuple[str, ...]:
        return (cls.SERVICE_USER.value, cls.CARER.value)


class Delegate(RulesModel):
    """A person a site registers for a workshop; they usually have no account."""

    class Status(models.TextChoices):
        REGISTERED = "registered", "Registered"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="delegates")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="delegates")
    full_name = models.CharField(max_length=200)
    email = models.EmailField(
        blank=True, help_text="Optional: someone without email is told through their lead."
    )
    perspective = models.CharField(max_length=20, choices=DelegatePerspective.choices)
    dietary_needs = models.TextField(blank=True)
    access_needs = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REGISTERED)
    attended = models.BooleanField(default=False)
    token = models.CharField(max_length=64, unique=True, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration_link = models.ForeignKey(
        "RegistrationLink",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegates",
        help_text="The site's link the delegate registered themselves through.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the delegate gave their place back themselves.",
    )
    cancel_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["site__name", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="registered"),
                name="only_registered_delegates_attend",
            ),
        ]
        rules_permissions = {
            "change": ls_rules.can_register_for_site,
            "view_details": ls_rules.can_manage_learning_sets,
        }
        permissions = [("view_details_delegate", "Can see dietary and access needs")]

    def __str__(self) -> str:
        return self.full_name

    def get_evaluation_url(self) -> str:
        return reverse("learning_sets:evaluate", kwargs={"token": self.token})


class RegistrationLink(models.Model):
    """A site's own link to a workshop: the lead passes it on and their people register
    themselves, without an account, within the site's places. A new link replaces the old."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="registration_links"
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["site__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "site"],
                condition=Q(revoked_at__isnull=True),
                name="one_open_registration_link_per_site",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site} for {self.workshop}"

    def get_absolute_url(self) -> str:
        return reverse("learning_sets:join", kwargs={"token": self.token})


class Evaluation(models.Model):
    """An attendee's feedback on the day; one per delegate, held by the database."""

    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="evaluation")
    overall_rating = models.PositiveSmallIntegerField()
    usefulness = models.PositiveSmallIntegerField()
    take_back = models.TextField("What I will take back to my organisation", blank=True)
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall_rating__gte=1, overall_rating__lte=5),
                name="overall_one_to_five",
            ),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5), name="usefulness_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluation by {self.delegate}"


class WorkshopMessage(models.Model):
    """An organiser's message to a workshop's delegates, kept on the workshop: who wrote
    what to whom, and how many it went to."""

    class Audience(models.TextChoices):
        REGISTERED = "registered", "Everyone with a place"
        WAITING = "waiting", "Everyone on the waiting list"
        SITE = "site", "One site's delegates (with a place or waiting)"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="messages")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField("Message")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.subject

    @property
    def audience_text(self) -> str:
        if self.audience == self.Audience.SITE and self.site_id:
            return f"{self.site}'s delegates"
        return self.get_audience_display()
