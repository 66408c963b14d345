"""Reports generated in the background: what was asked, by whom, and the files."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from rules.contrib.models import RulesModel

from imroc.dates import short_date

from . import rules as report_rules

KEEP_FOR = timedelta(days=settings.IMROC_REPORT_KEEP_DAYS)
# A report's task is stopped after TIME_LIMIT (Celery's time limits); one still "running"
# later than that lost its worker, and the recovery sweep starts it again, up to
# MOST_ATTEMPTS tries, then marks it failed with a button to try again.
TIME_LIMIT = timedelta(minutes=10)
MOST_ATTEMPTS = 2


class Report(RulesModel):
    """One request for a report. The files live in the default storage (MEDIA_ROOT now,
    S3 later), so any worker can write them and any web process can serve them."""

    class Kind(models.TextChoices):
        SITE_PROGRESS = "site_progress", "Site progress report"
        LEARNING_SET = "learning_set", "Learning-set report"
        PROGRAMME = "programme", "Programme report"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    site = models.ForeignKey(
        "sites.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    learning_set = models.ForeignKey(
        "learning_sets.LearningSet",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        help_text="Empty for the reports made on schedule.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)  # claimed by a worker
    beat_at = models.DateTimeField(null=True, blank=True)  # its worker's last heartbeat
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    spreadsheet = models.FileField(upload_to="reports/%Y/%m/", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="site_progress") | models.Q(site__isnull=False),
                name="site_progress_report_has_site",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_start__lte=models.F("period_end")),
                name="report_period_in_order",
            ),
            models.UniqueConstraint(
                fields=["kind", "period_start", "period_end"],
                condition=models.Q(requested_by__isnull=True),
                name="one_scheduled_report_per_period",
            ),
        ]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]
        rules_permissions = {"view": report_rules.can_view_report}

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:report-detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        label = self.get_kind_display()
        if self.site_id:
            label = f"{label}: {self.site.name}"
        if self.learning_set_id:
            label = f"{label}: {self.learning_set.name}"
        if self.period_start and self.period_end:
            label = f"{label}, {short_date(self.period_start)} to {short_date(self.period_end)}"
        return label

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())
