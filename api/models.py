"""Tokens for the read-only API: how Power BI, Excel or R read the programme's figures
without a person's password."""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q

PREFIX_LENGTH = 8  # shown in lists, so a person can tell their tokens apart


def token_hash(secret: str) -> str:
    """Only a hash is stored: a copy of the database reads nothing through the API."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A named, expiring, revocable key that reads as its owner: exactly what ``user`` may see,
    and only ``site`` when it is set (a site's or an organisation's token)."""

    name = models.CharField(max_length=100, help_text="What reads with it, e.g. “Board Power BI”.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The token reads what this person may read.",
    )
    site = models.ForeignKey(
        "sites.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="Only this site's data, when set.",
    )
    prefix = models.CharField(max_length=PREFIX_LENGTH, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_on = models.DateField()
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, today: datetime.date) -> bool:
        return self.revoked_at is None and self.expires_on >= today

    @classmethod
    def usable(cls, today: datetime.date) -> Q:
        return Q(revoked_at__isnull=True, expires_on__gte=today)
