"""The people sites register for a workshop, the links they register themselves through,
their evaluations of the day and the organisers' messages to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from rules.contrib.models import RulesModel

from sites.models import Site

from .. import rules as ls_rules
from .workshops import Workshop


class DelegatePerspective(models.TextChoices):
    NHS_PROFESSIONAL = "nhs_professional", "NHS professional"
    THIRD_SECTOR = "third_sector", "Third sector"
    SERVICE_USER = "service_user", "Service user"
    CARER = "carer", "Carer"
    STAFF_LIVED = "staff_lived", "Staff member with lived experience (e.g. peer worker)"
    OTHER = "other", "Other"

    @classmethod
    def lived_experience(cls) -> tuple[str, ...]:
        return (cls.SERVICE_USER.value, cls.CARER.value)


class Delegate(RulesModel):
    """A person a site registers for a workshop; they usually have no account."""

    class Status(models.TextChoices):
        REGISTERED = "registered", "Registered"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="delegates")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="delegates")
    full_name = models.CharField(max_length=200)
    email = models.EmailField(
        blank=True, help_text="Optional: someone without email is told through their lead."
    )
    perspective = models.CharField(max_length=20, choices=DelegatePerspective.choices)
    dietary_needs = models.TextField(blank=True)
    access_needs = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REGISTERED)
    attended = models.BooleanField(default=False)
    token = models.CharField(max_length=64, unique=True, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration_link = models.ForeignKey(
        "RegistrationLink",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegates",
        help_text="The site's link the delegate registered themselves through.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the delegate gave their place back themselves.",
    )
    cancel_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["site__name", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="registered"),
                name="only_registered_delegates_attend",
            ),
        ]
        rules_permissions = {
            "change": ls_rules.can_register_for_site,
            "view_details": ls_rules.can_manage_learning_sets,
        }
        permissions = [("view_details_delegate", "Can see dietary and access needs")]

    def __str__(self) -> str:
        return self.full_name

    def get_evaluation_url(self) -> str:
        return reverse("learning_sets:evaluate", kwargs={"token": self.token})


class RegistrationLink(models.Model):
    """A site's own link to a workshop: the lead passes it on and their people register
    themselves, without an account, within the site's places. A new link replaces the old."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="registration_links"
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["site__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "site"],
                condition=Q(revoked_at__isnull=True),
                name="one_open_registration_link_per_site",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.site} for {self.workshop}"

    def get_absolute_url(self) -> str:
        return reverse("learning_sets:join", kwargs={"token": self.token})


class Evaluation(models.Model):
    """An attendee's feedback on the day; one per delegate, held by the database."""

    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="evaluation")
    overall_rating = models.PositiveSmallIntegerField()
    usefulness = models.PositiveSmallIntegerField()
    take_back = models.TextField("What I will take back to my organisation", blank=True)
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall_rating__gte=1, overall_rating__lte=5),
                name="overall_one_to_five",
            ),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5), name="usefulness_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluation by {self.delegate}"


class WorkshopMessage(models.Model):
    """An organiser's message to a workshop's delegates, kept on the workshop: who wrote
    what to whom, and how many it went to."""

    class Audience(models.TextChoices):
        REGISTERED = "registered", "Everyone with a place"
        WAITING = "waiting", "Everyone on the waiting list"
        SITE = "site", "One site's delegates (with a place or waiting)"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="messages")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField("Message")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.subject

    @property
    def audience_text(self) -> str:
        if self.audience == self.Audience.SITE and self.site_id:
            return f"{self.site}'s delegates"
        return self.get_audience_display()
