from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper


class AuditEvent(models.Model):
    """Who did what to personal data or to their account, and when (ASVS V7, DSPT).
    Written by ``audit.services.record`` only; nobody edits or deletes an event in the app."""

    class Action(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Failed to sign in"
        LOCKED_OUT = "locked_out", "Sign-in locked out"
        UNLOCKED = "unlocked", "Sign-in unlocked"
        TWO_FACTOR_VERIFIED = "two_factor_verified", "Second factor accepted"
        TWO_FACTOR_FAILED = "two_factor_failed", "Second factor refused"
        TWO_FACTOR_SET_UP = "two_factor_set_up", "Two-factor set up"
        TWO_FACTOR_RESET = "two_factor_reset", "Two-factor reset"
        EXPORTED = "exported", "Exported a file"
        READ_NEEDS = "read_needs", "Read access and dietary needs"
        NEEDS_ERASED = "needs_erased", "Access and dietary needs erased"
        SSO_SIGNED_IN = "sso_signed_in", "Signed in with the organisation's account"
        SSO_REFUSED = "sso_refused", "Sign-in with the organisation's account refused"
        API_READ = "api_read", "Read through the API"
        API_TOKEN_ISSUED = "api_token_issued", "API token issued"
        API_TOKEN_REVOKED = "api_token_revoked", "API token revoked"
        SITE_ARCHIVED = "site_archived", "Site archived"
        SITE_UNARCHIVED = "site_unarchived", "Site unarchived"
        INVITATION_SENT = "invitation_sent", "Invitation sent"
        INVITATION_RESENT = "invitation_resent", "Invitation sent again"
        INVITATION_REVOKED = "invitation_revoked", "Invitation revoked"
        CONSULTANTS_ASSIGNED = "consultants_assigned", "Consultant assigned to sites"
        FRAMEWORK_SWITCHED = "framework_switched", "Framework version switched"
        ROLES_CHANGED = "roles_changed", "Roles changed"
        REVIEW_WRITTEN = "review_written", "Review written"
        REVIEW_CHANGED = "review_changed", "Review changed"
        REVIEW_PUBLISHED = "review_published", "Review published"
        REVIEW_DELETED = "review_deleted", "Review deleted"
        ACTIONS_CARRIED = "actions_carried", "Earlier review actions carried, closed or dropped"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did it (empty for the system, or a username that has no account).",
    )
    username = models.CharField(max_length=150, blank=True, help_text="As typed or at the time.")
    what = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["user", "-at"], name="audit_user_at"),
            models.Index(fields=["action", "-id"], name="audit_action_id"),
            models.Index(Upper("username"), F("id").desc(), name="audit_username_id"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or 'system'}: {self.get_action_display()}"
