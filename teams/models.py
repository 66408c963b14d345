"""Teams under a site and their Team Recovery Implementation Plans (TRIP): dated recovery
self-assessments the team makes with people who use its service, and the action plan it
co-produces, co-delivers and co-reviews. Not a management device: the team measures its own
progress."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from rules.contrib.models import RulesModel

from imroc.dates import long_date
from sites.models import CoProduction, Perspective

from . import practice
from . import rules as team_rules


class Team(RulesModel):
    class ServiceType(models.TextChoices):
        COMMUNITY = "community", "Community"
        INPATIENT = "inpatient", "Inpatient"
        CRISIS = "crisis", "Crisis and home treatment"
        EARLY_INTERVENTION = "early_intervention", "Early intervention"
        REHABILITATION = "rehabilitation", "Rehabilitation"
        FORENSIC = "forensic", "Forensic"
        OTHER = "other", "Other"

    site = models.ForeignKey("sites.Site", on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)
    service_type = models.CharField(max_length=30, choices=ServiceType.choices)
    manager = models.CharField("team manager", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="one_team_name_per_site"),
        ]
        rules_permissions = {
            "view": team_rules.can_view_teams,
            "change": team_rules.can_edit_teams,
            "add": team_rules.can_edit_teams,
        }

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("teams:team-detail", kwargs={"pk": self.pk})


class TeamAssessment(models.Model):
    """The team's recovery self-assessment on one day, made with people who use its service;
    at it the team also co-reviews its plan and sets when it next will. Every assessment is
    kept: together they show whether the team has moved."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField("date of the assessment")
    plan_review = models.TextField("what the team said about its plan", blank=True, max_length=4000)
    next_review_on = models.DateField("next co-review of the plan", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team", "assessed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_on__isnull=True) | Q(next_review_on__gt=F("assessed_on")),
                name="trip_review_after_assessment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team}: assessment of {long_date(self.assessed_on)}"

    def get_absolute_url(self) -> str:
        return reverse("teams:assessment-detail", kwargs={"pk": self.pk})

    @property
    def site_id(self) -> int:
        """For the site predicates (select_related team)."""
        return self.team.site_id

    @property
    def co_production(self) -> CoProduction:
        """Reads prefetched participants."""
        return CoProduction.of_perspectives(p.perspective for p in self.participants.all())


class TeamRating(models.Model):
    assessment = models.ForeignKey(TeamAssessment, on_delete=models.CASCADE, related_name="ratings")
    item = models.CharField(max_length=30, choices=practice.CHOICES)
    rating = models.PositiveSmallIntegerField(choices=practice.SCALE)
    evidence = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["assessment", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="one_trip_rating_per_item"),
            models.CheckConstraint(
                condition=Q(rating__lte=practice.TOP), name="trip_rating_on_the_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_item_display()}: {self.get_rating_display()}"


class TeamParticipant(models.Model):
    """Someone who took part in an assessment, with the perspective they brought; a name is
    enough (a service user or carer need not be in the project group or have an account)."""

    assessment = models.ForeignKey(
        TeamAssessment, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(max_length=200)
    perspective = models.CharField(max_length=20, choices=Perspective.choices)

    class Meta:
        ordering = ["assessment", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_perspective_display()})"


class TeamAction(models.Model):
    """One action of the team's plan: what, who, by when, and where it stands. The owner is
    someone in the site's project group (told when it is overdue if they have an account) or
    anyone named, e.g. a service user in the team."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        UNDER_WAY = "under_way", "Under way"
        DONE = "done", "Done"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField("action", max_length=300)
    item = models.CharField(
        "recovery practice it improves", max_length=30, choices=practice.CHOICES, blank=True
    )
    owner_person = models.ForeignKey(
        "sites.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_name = models.CharField("who, if not in the project group", max_length=200, blank=True)
    due_on = models.DateField("by when")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["team", "due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="trip_action_status_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False) | ~Q(owner_name=""),
                name="trip_action_has_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def owner_label(self) -> str:
        return self.owner_person.full_name if self.owner_person_id else self.owner_name

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    def is_overdue(self, today) -> bool:
        return not self.is_done and self.due_on < today
