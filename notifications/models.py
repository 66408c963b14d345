"""Reminders (what was due, to whom, and whether it went out), in-app notifications and
each person's preferences per reminder kind."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .registry import label_of

# A claim older than this is taken to be from a worker that died mid-send.
STALE_CLAIM = timedelta(hours=1)
MOST_ATTEMPTS = 3  # claims of one reminder before the recovery sweep marks it failed


class Reminder(models.Model):
    """One reminder of one kind to one recipient, recorded by the scan. The unique
    constraint on (kind, key, recipient) is what makes the scan idempotent; sending claims
    the row first (``claimed_at``), so a second worker never sends it again."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    class Delivery(models.TextChoices):
        EMAIL = "email", "Email now"
        DIGEST = "digest", "Weekly digest"
        NONE = "none", "In the app only"

    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=200)
    recipient = models.CharField(max_length=260, help_text="user:<id> or the email address")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    email = models.EmailField(blank=True)
    name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=250)
    context = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500)
    attachments = models.JSONField(default=list, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.EMAIL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "recipient"], name="one_reminder_per_kind_key_recipient"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="sent_reminder_has_sent_at",
            ),
        ]
        indexes = [models.Index(fields=["status", "delivery"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient_name}"

    @property
    def kind_label(self) -> str:
        return label_of(self.kind)

    @property
    def recipient_name(self) -> str:
        return self.name or self.email

    @property
    def absolute_url(self) -> str:
        return settings.SITE_URL.rstrip("/") + self.url


class Notification(models.Model):
    """An entry in a person's in-app list; made for every reminder to an account, whatever
    their email preference."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    reminder = models.OneToOneField(
        Reminder, null=True, blank=True, on_delete=models.SET_NULL, related_name="notification"
    )
    kind = models.CharField(max_length=60)
    subject = models.CharField(max_length=250)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def kind_label(self) -> str:
        return label_of(self.kind)


class Preference(models.Model):
    """How one person wants one kind of reminder; no row means email, one at a time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    kind = models.CharField(max_length=60)
    email = models.BooleanField("email me", default=True)
    digest = models.BooleanField("in a weekly digest instead", default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"

    @property
    def delivery(self) -> str:
        if not self.email:
            return Reminder.Delivery.NONE
        return Reminder.Delivery.DIGEST if self.digest else Reminder.Delivery.EMAIL
