"""The framework of key organisational challenges, versioned.

The 2009 list has been renumbered and reworded since (2010 paper, 2016 review), so every
assessment and goal points at the framework version it used.
"""

from django.db import models
from django.urls import reverse


class FrameworkQuerySet(models.QuerySet):
    def current(self) -> "Framework":
        return self.get(is_current=True)


class Framework(models.Model):
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
    description = models.TextField()

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="one_challenge_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


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
