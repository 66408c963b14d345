"""The framework of key organisational challenges, versioned.

The 2009 list has been renumbered and reworded since (2010 paper, 2016 review), so every
assessment and goal points at the framework version it used.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from rules.contrib.models import RulesModel

from accounts.rules import is_administrator
from imroc.dates import long_date
from sites.models import CoProduction, Perspective
from sites.rules import can_edit_site_work, can_view_site, is_archived, is_site_lead


class FrameworkQuerySet(models.QuerySet):
    def current(self) -> "Framework":
        return self.get(is_current=True)


class Framework(RulesModel):
    version = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    published = models.PositiveSmallIntegerField(help_text="Year the framework was published.")
    source = models.CharField(max_length=300, blank=True)
    is_current = models.BooleanField(
        default=False, help_text="New assessments and goals use the current framework."
    )

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["-published"]
        rules_permissions = {"change": is_administrator}
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_framework",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    def get_absolute_url(self) -> str:
        return reverse("challenges:framework-detail", kwargs={"version": self.version})


class Challenge(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="challenges")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    short_name = models.CharField(
        max_length=30, blank=True, help_text="A few words for column headers and charts."
    )
    description = models.TextField()
    key = models.SlugField(
        max_length=30,
        blank=True,
        db_index=False,  # the (framework, key) constraint serves the lookups
        help_text="The same challenge in every framework version shares a key (e.g. "
        "'workforce' is 6 in 2009 and 8 in 2012), so movement is shown by challenge.",
    )

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="one_challenge_per_number"
            ),
            models.UniqueConstraint(
                fields=["framework", "key"],
                condition=~models.Q(key=""),
                name="one_challenge_per_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def descriptors_on(self, stages) -> list[tuple["Stage", str]]:
        """(stage, what it means for this challenge) along the scale (reads prefetched
        descriptors)."""
        texts = {d.stage_id: d.text for d in self.descriptors.all()}
        return [(stage, texts.get(stage.pk, "")) for stage in stages]

    @property
    def identity(self) -> str:
        """What stays the same across versions: the key, else this version's number."""
        return identity_of(self.key, self.framework_id, self.number)

    @property
    def label(self) -> str:
        """The short name, or one derived from the title when none was given."""
        return self.short_name or short_name_of(self.title)


def identity_of(key: str, framework_id: int, number: int) -> str:
    """A challenge's identity from plain values (for reads that fetch no instances)."""
    return key or f"{framework_id}:{number}"


SHORT_NAME_LENGTH = 30


def short_name_of(title: str) -> str:
    """The title's first clause, cut at a word boundary: "Increasing 'personalisation' and
    choice" stays whole, a long title keeps its first words and an ellipsis."""
    clause = re.split(r" \(|;|,| to | - ", title, maxsplit=1)[0].strip()
    if len(clause) <= SHORT_NAME_LENGTH:
        return clause
    words, kept = clause.split(), ""
    for word in words:
        if len(kept) + len(word) + 1 > SHORT_NAME_LENGTH - 1:
            break
        kept = f"{kept} {word}".strip()
    return f"{kept or clause[: SHORT_NAME_LENGTH - 1]}…"


class Stage(models.Model):
    """A step on a framework version's developmental scale (the scale belongs to the version)."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="stages")
    rank = models.PositiveSmallIntegerField(help_text="0 for the lowest stage.")
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "rank"], name="one_stage_per_rank")
        ]

    def __str__(self) -> str:
        return self.name


DESCRIPTOR_LENGTH = 600


class StageDescriptor(RulesModel):
    """What a stage of the scale means for one challenge ("Development" of the recovery
    college is not "Development" of risk): the programme writes its own."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="descriptors")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="descriptors")
    text = models.TextField(max_length=DESCRIPTOR_LENGTH, blank=True)

    class Meta:
        ordering = ["challenge", "stage__rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "stage"], name="one_descriptor_per_challenge_stage"
            )
        ]
        rules_permissions = {"change": is_administrator}

    def __str__(self) -> str:
        return f"{self.challenge}: {self.stage}"

    def clean(self) -> None:
        if self.challenge_id and self.stage_id:
            if self.challenge.framework_id != self.stage.framework_id:
                raise ValidationError({"stage": "Choose a stage of the challenge's framework."})


class Assessment(RulesModel):
    """A site's dated self-assessment against every challenge of one framework version.

    Every assessment is kept: together they are the site's history, so none is overwritten
    by a later one."""

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="assessments")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    assessed_on = models.DateField("date of the assessment")
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-assessed_on", "-created_at", "-id"]
        indexes = [models.Index(fields=["site", "-assessed_on"], name="assessment_site_date")]
        rules_permissions = {
            "view": can_view_site,
            "add": can_edit_site_work,
            "change": can_edit_site_work,
            "delete": (is_administrator | is_site_lead) & ~is_archived,
        }

    def __str__(self) -> str:
        return f"{self.site} assessment of {long_date(self.assessed_on)}"

    def get_absolute_url(self) -> str:
        return reverse(
            "challenges:assessment-detail", kwargs={"slug": self.site.slug, "pk": self.pk}
        )

    @property
    def recorded_by(self) -> str:
        """Who recorded it; imported and demo assessments may have no author."""
        if self.created_by is None:
            return "Unknown"
        return self.created_by.get_full_name() or self.created_by.username

    @property
    def co_production(self) -> CoProduction:
        """Co-produced when service users or carers took part (reads prefetched participants)."""
        return CoProduction.of_perspectives(p.perspective for p in self.participants.all())


class Rating(models.Model):
    """Where the site placed itself on one challenge, on the framework version's own scale."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="ratings")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="ratings")
    evidence = models.TextField("evidence", blank=True)
    strengths = models.TextField(blank=True)
    areas_to_improve = models.TextField("areas to improve", blank=True)

    class Meta:
        ordering = ["assessment", "challenge__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "challenge"], name="one_rating_per_challenge"
            )
        ]

    def __str__(self) -> str:
        return f"{self.challenge}: {self.stage}"

    @property
    def descriptor(self) -> str:
        """What the chosen stage means for this challenge (reads prefetched descriptors)."""
        texts = (d.text for d in self.challenge.descriptors.all() if d.stage_id == self.stage_id)
        return next(texts, "")

    def clean(self) -> None:
        """The stage and the challenge must come from the assessment's framework version:
        a 2009 stage means nothing on a later version's scale."""
        try:
            framework_id = self.assessment.framework_id
        except Assessment.DoesNotExist:
            framework_id = None
        errors = {}
        if self.stage_id and framework_id and self.stage.framework_id != framework_id:
            errors["stage"] = "Choose a stage from the assessment's framework scale."
        if self.challenge_id and framework_id and self.challenge.framework_id != framework_id:
            errors["challenge"] = "Choose a challenge from the assessment's framework."
        if errors:
            raise ValidationError(errors)


class Participant(models.Model):
    """Someone who took part in an assessment, with the perspective they brought then (it
    may differ from their project-group perspective today, or they may not be in the group)."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "sites.Person", on_delete=models.PROTECT, related_name="assessment_participations"
    )
    perspective = models.CharField(max_length=20, choices=Perspective.choices)

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "person"], name="one_participation_per_assessment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_perspective_display()})"
