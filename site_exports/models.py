"""A site's data asked for as one archive, prepared in the background."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from rules.contrib.models import RulesModel

from . import rules as export_rules

KEEP_FOR = timedelta(days=settings.IMROC_ARCHIVE_KEEP_DAYS)  # everything the site holds
# As for reports: a build still "running" past TIME_LIMIT lost its worker; the sweep starts
# it again, up to MOST_ATTEMPTS tries, then marks it failed with a button to try again.
TIME_LIMIT = timedelta(minutes=10)
MOST_ATTEMPTS = 2


class SiteExport(RulesModel):
    """One request for a site's archive: the ZIP lives in the default storage, so any worker
    can write it and any web process serve it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
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
    archive = models.FileField(upload_to="site-exports/%Y/%m/", blank=True)
    counts = models.JSONField(default=dict, blank=True)  # rows of each kind in the archive

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "site", "-created_at"])]
        rules_permissions = {"view": export_rules.can_view_export}

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site_exports:export-detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        return f"All the data of {self.site.name}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    @property
    def contents(self) -> list[tuple[str, int]]:
        """Records of each kind in the archive, as people name them (history rows and kinds
        no longer in the app left out)."""
        kinds = []
        for label, count in self.counts.items():
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            if not model._meta.model_name.startswith("historical"):
                kinds.append((model._meta.verbose_name_plural.capitalize(), count))
        return kinds

    @property
    def filename(self) -> str:
        return f"{self.site.slug}-{self.created_at:%Y-%m-%d}.zip"
