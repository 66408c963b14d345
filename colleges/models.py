"""A site's recovery colleges, their fidelity self-checks over time and their terms of courses."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from imroc.dates import long_date
from sites.models import Site

from . import fidelity


class RecoveryCollege(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        OPEN = "open", "Open"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="recovery_colleges")
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    opened_on = models.DateField("Opened on", null=True, blank=True)
    physical_base = models.CharField(
        "Physical base",
        max_length=300,
        blank=True,
        help_text="Where its classrooms and library are, e.g. 'Second floor, Springfield "
        "Hospital'. Leave blank if it has no building yet.",
    )

    class Meta:
        ordering = ["site__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="one_college_name_per_site"),
            models.CheckConstraint(
                condition=Q(status="planned") | Q(opened_on__isnull=False),
                name="open_college_has_opening_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("colleges:college-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class FidelityCheck(models.Model):
    """A dated self-check against the eight defining features and RECOLLECT's 12 components.
    The score (0 to 14) is kept with the check so lists and the chart read it in one query;
    only ``services.fidelity_check_record`` writes it, from the component rows it writes."""

    college = models.ForeignKey(
        RecoveryCollege, on_delete=models.CASCADE, related_name="fidelity_checks"
    )
    checked_on = models.DateField("Date of the check")
    score = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True, max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["college", "checked_on"]
        constraints = [
            models.UniqueConstraint(fields=["college", "checked_on"], name="one_check_a_day"),
            models.CheckConstraint(
                condition=Q(score__lte=fidelity.MOST), name="score_out_of_fourteen"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.college}: check of {long_date(self.checked_on)}"

    def get_absolute_url(self) -> str:
        return reverse("colleges:check-detail", args=[self.college_id, self.pk])


class FeatureRating(models.Model):
    fidelity_check = models.ForeignKey(
        FidelityCheck, on_delete=models.CASCADE, related_name="features"
    )
    feature = models.CharField(max_length=30, choices=fidelity.FEATURE_CHOICES)
    status = models.CharField(max_length=10, choices=fidelity.FEATURE_STATUSES)
    evidence = models.TextField(blank=True, max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fidelity_check", "feature"], name="one_rating_per_feature"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_feature_display()}: {self.get_status_display()}"


class ComponentRating(models.Model):
    """One RECOLLECT component: a score for the 7 that must be present, a description for
    the 5 that vary between colleges."""

    fidelity_check = models.ForeignKey(
        FidelityCheck, on_delete=models.CASCADE, related_name="components"
    )
    component = models.CharField(max_length=30, choices=fidelity.COMPONENT_CHOICES)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True, max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fidelity_check", "component"], name="one_rating_per_component"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=2), name="component_score_0_to_2"
            ),
        ]

    def __str__(self) -> str:
        return self.get_component_display()


class Term(models.Model):
    """A term of courses with its students: how many enrolled and how many of them use
    mental-health services (the rest are family, friends, carers and staff)."""

    college = models.ForeignKey(RecoveryCollege, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=100, help_text="For example 'Autumn 2012'.")
    starts_on = models.DateField("Term starts on")
    students = models.PositiveIntegerField("Students enrolled")
    students_using_services = models.PositiveIntegerField("Students who use services")

    class Meta:
        ordering = ["college", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["college", "starts_on"], name="one_term_a_start"),
            models.CheckConstraint(
                condition=Q(students_using_services__lte=F("students")),
                name="service_users_of_students",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.college}: {self.name}"

    @property
    def share_using_services(self) -> int | None:
        """Per cent of the term's students who use services, rounded; None with no students."""
        if not self.students:
            return None
        return round(100 * self.students_using_services / self.students)


class Course(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(max_length=200)
    co_produced = models.BooleanField(
        "Co-produced and co-delivered by a peer trainer and a professional", default=False
    )
    sessions = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["term", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(sessions__gte=1), name="course_has_a_session"),
        ]

    def __str__(self) -> str:
        return self.title
