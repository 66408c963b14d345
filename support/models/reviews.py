"""A consultant's periodic review of a site, the actions agreed, and the site's answers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from rules.contrib.models import RulesModel

from sites.models import Site

from .. import rules as support_rules


class ProgressReview(RulesModel):
    """The consultant's regular look at a site: where it stands, what moved, what next."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", "On track"
        SOME_CONCERNS = "some_concerns", "Some concerns"
        OFF_TRACK = "off_track", "Off track"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="reviews")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_written"
    )
    review_date = models.DateField()
    period_start = models.DateField("period covered from")
    period_end = models.DateField("period covered to")
    status = models.CharField("overall status", max_length=20, choices=Status.choices)
    progress = models.TextField("what moved since the last review")
    risks = models.TextField(blank=True)
    next_review_due = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-review_date", "-pk"]
        indexes = [
            models.Index(fields=["site", "-review_date"]),
            models.Index(fields=["consultant", "-review_date"]),
            models.Index(fields=["status"]),
            models.Index(fields=["next_review_due"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="review_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(next_review_due__gt=F("review_date")),
                name="review_next_due_after_review",
            ),
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "add": support_rules.can_write_review,
            "change": support_rules.can_write_review,
            "delete": support_rules.can_write_review,
            "respond": support_rules.can_respond_to_review,
        }

    def __str__(self) -> str:
        return f"Review of {self.site} on {self.review_date:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("support:review-detail", kwargs={"pk": self.pk})

    def is_overdue(self, today) -> bool:
        return self.next_review_due < today


class ReviewAction(models.Model):
    """An action agreed at a review, with whoever owns it (who may have no account)."""

    review = models.ForeignKey(ProgressReview, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=300)
    owner_name = models.CharField("owner", max_length=200)
    due_on = models.DateField("due")
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done", "due_on"])]

    def __str__(self) -> str:
        return self.action

    def is_overdue(self, today) -> bool:
        return not self.done and self.due_on < today


class ReviewResponse(models.Model):
    """The site team's answer to a review."""

    review = models.ForeignKey(ProgressReview, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("response")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Response to {self.review} by {self.author}"
