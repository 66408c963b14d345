"""Learning sets: groups of 6-8 sites meeting at six one-day workshops over two years; the
topic library and the venues the workshops use."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from rules.contrib.models import RulesModel

from accounts.rules import is_programme_staff
from sites.models import Site

from .. import rules as ls_rules

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
