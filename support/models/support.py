"""The support agreed with a site, the support given, and the training delivered there."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from rules.contrib.models import RulesModel

from imroc.dates import short_date
from sites.models import CoProduction, Site

from .. import rules as support_rules
from ..usage import HOURS_PER_DAY

# Starting figures by category (consultancy, training, peer-trainer days). The method gives
# pilot sites the most help and demonstration sites, already advanced, relatively little.
# They only pre-fill the package form: each site's package is agreed and edited freely.
DEFAULT_DAYS = {
    Site.Category.PILOT: (12, 6, 6),
    Site.Category.DEMONSTRATION: (3, 2, 1),
    Site.Category.NETWORK: (2, 1, 1),
}


class SupportPackage(RulesModel):
    """What was agreed with a site, one package per site for the programme; a renewal edits
    it. Use is never stored: it is summed from the site's support log."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="support_package")
    consultancy_days = models.DecimalField(max_digits=5, decimal_places=1)
    training_days = models.DecimalField(max_digits=5, decimal_places=1)
    peer_trainer_days = models.DecimalField("peer-trainer days", max_digits=5, decimal_places=1)
    agreed_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    consultancy_days__gte=0, training_days__gte=0, peer_trainer_days__gte=0
                ),
                name="package_days_not_negative",
            )
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "add": support_rules.can_agree_package,
            "change": support_rules.can_agree_package,
            "delete": support_rules.can_agree_package,
        }

    def __str__(self) -> str:
        return f"Support package for {self.site}"

    @staticmethod
    def default_days(category: str) -> tuple[int, int, int]:
        return DEFAULT_DAYS.get(category, DEFAULT_DAYS[Site.Category.NETWORK])


class SupportLogEntry(RulesModel):
    """One piece of support given to a site. The programme found email and phone advice
    mattered more than visits, so every kind is logged, not only visits."""

    class Kind(models.TextChoices):
        SITE_VISIT = "site_visit", "Site visit"
        TRAINING_SESSION = "training_session", "Training session"
        EMAIL_ADVICE = "email_advice", "Email advice"
        PHONE_ADVICE = "phone_advice", "Phone advice"
        OTHER = "other", "Other"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="support_log")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="support_given",
        help_text="The consultant or peer trainer, when they have an account.",
    )
    given_by_name = models.CharField(
        "given by (name)",
        max_length=200,
        blank=True,
        help_text="A peer trainer without an account.",
    )
    is_peer_trainer = models.BooleanField("given by a peer trainer", default=False)
    hours = models.DecimalField("time spent (hours)", max_digits=5, decimal_places=2)
    challenge = models.ForeignKey(
        "challenges.Challenge",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="support_log",
        help_text="The key challenge the support was about, if any.",
    )
    topic = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "support log entries"
        indexes = [
            models.Index(fields=["site", "date"]),
            models.Index(fields=["kind", "date"]),
            models.Index(fields=["given_by", "date"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="support_hours_positive"),
            models.CheckConstraint(
                condition=Q(given_by__isnull=False) | ~Q(given_by_name=""),
                name="support_given_by_someone",
            ),
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "add": support_rules.can_log_support,
            "change": support_rules.can_log_support,
            "delete": support_rules.can_log_support,
        }

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.site} on {short_date(self.date)}"

    @property
    def giver(self) -> str:
        if self.given_by_id:
            return self.given_by.get_full_name() or self.given_by.username
        return self.given_by_name

    @property
    def days(self) -> Decimal:
        return self.hours / HOURS_PER_DAY


class TrainingDelivery(RulesModel):
    """A co-produced course delivered at a site (the programme counted 70+ courses to about
    750 staff and service users)."""

    class Audience(models.TextChoices):
        FRONT_LINE = "front_line", "Front-line staff"
        MANAGERS = "managers", "Team managers and clinical leaders"
        BOARD = "board", "Board"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="training")
    course_title = models.CharField(max_length=200)
    date = models.DateField()
    audience = models.CharField("audience type", max_length=20, choices=Audience.choices)
    staff_attending = models.PositiveIntegerField("staff attending")
    service_users_attending = models.PositiveIntegerField("service users attending")
    co_delivered_by_peer_trainer = models.BooleanField(
        "co-delivered by a peer trainer", default=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "training deliveries"
        indexes = [
            models.Index(fields=["site", "date"]),
            models.Index(fields=["audience", "date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(staff_attending__gt=0) | Q(service_users_attending__gt=0),
                name="training_has_attendees",
            )
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "add": support_rules.can_record_training,
            "change": support_rules.can_record_training,
            "delete": support_rules.can_record_training,
        }

    def __str__(self) -> str:
        return f"{self.course_title} at {self.site} on {short_date(self.date)}"

    @property
    def attendees(self) -> int:
        return self.staff_attending + self.service_users_attending

    @property
    def co_production(self) -> CoProduction:
        """Service users among those attending (the course records head counts only)."""
        return CoProduction.of_counts(
            people=self.attendees, lived_experience=self.service_users_attending
        )
