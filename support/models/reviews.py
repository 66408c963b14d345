"""A consultant's periodic review of a site, the actions agreed, and the site's answers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from rules.contrib.models import RulesModel
from simple_history.models import HistoricalRecords

from accounts.rules import is_administrator
from imroc.dates import short_date
from sites.models import Site

from .. import rules as support_rules


class ReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=ProgressReview.State.PUBLISHED)

    def seen_by(self, user):
        """Published reviews, and the drafts the user wrote (the administrator sees every
        draft): nobody else reads a review before it is published."""
        if is_administrator(user):
            return self
        return self.filter(Q(state=ProgressReview.State.PUBLISHED) | Q(consultant_id=user.pk))


class ProgressReview(RulesModel):
    """The consultant's regular look at a site: where it stands, what moved, what next. It
    may be kept as a draft, which only its consultant sees, until it is published."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

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
    state = models.CharField(max_length=10, choices=State.choices, default=State.PUBLISHED)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-review_date", "-pk"]
        indexes = [
            models.Index(fields=["site", "state", "-review_date"]),
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
        return f"Review of {self.site} on {short_date(self.review_date)}"

    def get_absolute_url(self) -> str:
        return reverse("support:review-detail", kwargs={"pk": self.pk})

    def is_overdue(self, today) -> bool:
        return self.next_review_due < today

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT


class ReviewActionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(review__state=ProgressReview.State.PUBLISHED)

    def seen_by(self, user):
        """The actions of the reviews ``ProgressReview.objects.seen_by(user)`` reads."""
        if is_administrator(user):
            return self
        return self.filter(
            Q(review__state=ProgressReview.State.PUBLISHED) | Q(review__consultant_id=user.pk)
        )


class ReviewAction(RulesModel):
    """An action agreed at a review: a work item with an owner from the programme (a
    project-group member or an account), or a name only for someone outside it, a due date
    and a done state its owner or the site's lead sets, with a note. Every change is kept."""

    review = models.ForeignKey(ProgressReview, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=300)
    owner_person = models.ForeignKey(
        "sites.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_actions",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_actions",
    )
    owner_name = models.CharField("owner outside the programme", max_length=200, blank=True)
    due_on = models.DateField("due")
    done = models.BooleanField(default=False)
    dropped = models.BooleanField(
        default=False, help_text="Closed at a later review as no longer needed."
    )
    carried_to = models.ForeignKey(
        ProgressReview,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_actions",
        help_text="The later review that kept this action open.",
    )
    done_note = models.TextField("note", blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False)
                | Q(owner_user__isnull=False)
                | ~Q(owner_name=""),
                name="review_action_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(dropped=False) | Q(done=True), name="review_action_dropped_is_closed"
            ),
        ]
        rules_permissions = {
            "view": support_rules.can_read_site_support,
            "complete": support_rules.can_complete_action,
        }

    def __str__(self) -> str:
        return self.action

    def get_absolute_url(self) -> str:
        return reverse("support:action-detail", kwargs={"pk": self.pk})

    @property
    def site_id(self) -> int:
        """For the site predicates (select_related review)."""
        return self.review.site_id

    @property
    def owner_label(self) -> str:
        if self.owner_person_id:
            return self.owner_person.full_name
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.username
        return self.owner_name

    @property
    def owner_account(self):
        """The account told about the action, if its owner has one."""
        if self.owner_person_id:
            return self.owner_person.user
        return self.owner_user

    def is_overdue(self, today) -> bool:
        return not self.done and self.due_on < today

    @property
    def state_label(self) -> str:
        if self.dropped:
            return "Dropped (no longer needed)"
        return "Done" if self.done else "Not done"


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
