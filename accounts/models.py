"""Invitations: how people get an account without the Django admin."""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

INVITATION_DAYS = 7


def token_hash(token: str) -> str:
    """Only a hash of the link's token is stored: a copy of the database opens no account."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A person asked to join: they set their own password from a single-use link that
    expires (7 days by default); then they hold the role, or their place in the site's group."""

    class Role(models.TextChoices):
        PROJECT_LEAD = "project_lead", "Project lead of the site"
        MEMBER = "member", "Project group member of the site"
        CONSULTANT = "consultant", "ImROC consultant"
        ORGANISER = "organiser", "Learning-set organiser"

    SITE_ROLES = (Role.PROJECT_LEAD, Role.MEMBER)

    full_name = models.CharField(max_length=200)
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices)
    site = models.ForeignKey(
        "sites.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    perspective = models.CharField(max_length=20, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(site__isnull=False) | ~Q(role__in=["project_lead", "member"]),
                name="site_role_invitation_names_a_site",
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}> as {self.get_role_display()}"

    @staticmethod
    def expiry(now: datetime.datetime) -> datetime.datetime:
        return now + datetime.timedelta(days=INVITATION_DAYS)

    def is_open(self, now: datetime.datetime) -> bool:
        """Usable: not accepted, not revoked, not expired."""
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > now
