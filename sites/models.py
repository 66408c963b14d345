"""Sites of the programme and the people in their local project groups."""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from rules.contrib.models import RulesModel

from accounts.rules import is_administrator

from . import rules as site_rules

QUIET_AFTER = datetime.timedelta(weeks=8)


def new_progress_version() -> int:
    """A fresh random version of a site's progress score (``Site.progress_version``): never
    equal to an earlier one, even across databases sharing one cache."""
    return secrets.randbits(62)


class SiteQuerySet(models.QuerySet):
    """The one definition of each set of sites the pages, reports and exports count."""

    def active(self) -> "SiteQuerySet":
        """Sites in the programme now: an archived site is out of every count and list of
        the present (its history still counts, ``sites.selectors.sites_in_programme_during``)."""
        return self.filter(is_active=True)

    def progress_changed(self) -> int:
        """What these sites' progress scores read was written: a new ``progress_version``
        (in the writer's transaction), so their cached scores are never read again."""
        return self.update(progress_version=new_progress_version())

    def archived(self) -> "SiteQuerySet":
        return self.filter(is_active=False)

    def of_category(self, category: str) -> "SiteQuerySet":
        """Network, pilot or demonstration sites: ``Site.objects.active().of_category(...)``
        is what "network sites" means on every page."""
        return self.filter(category=category)


class Site(RulesModel):
    """A provider (usually an NHS trust) taking part in the programme."""

    class Category(models.TextChoices):
        DEMONSTRATION = "demonstration", "Demonstration"
        PILOT = "pilot", "Pilot"
        NETWORK = "network", "Network"

    class OrganisationType(models.TextChoices):
        NHS_TRUST = "nhs_trust", "NHS trust"
        HEALTH_BOARD = "health_board", "Health board"
        INDEPENDENT = "independent", "Independent sector"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    class Region(models.TextChoices):
        LONDON = "london", "London"
        SOUTH_EAST = "south_east", "South East"
        SOUTH_WEST = "south_west", "South West"
        EAST = "east", "East of England"
        MIDLANDS = "midlands", "Midlands"
        NORTH_WEST = "north_west", "North West"
        NORTH_EAST_YORKSHIRE = "north_east_yorkshire", "North East and Yorkshire"
        WALES = "wales", "Wales"
        SCOTLAND = "scotland", "Scotland"
        NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
        IRELAND = "ireland", "Republic of Ireland"
        NATIONAL = "national", "National (several regions)"
        INTERNATIONAL = "international", "International"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    organisation_type = models.CharField(
        max_length=20, choices=OrganisationType.choices, default=OrganisationType.NHS_TRUST
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    region = models.CharField(max_length=30, choices=Region.choices)
    date_joined = models.DateField()
    # An archived site left the programme: read-only for everyone (sites.rules.is_archived),
    # out of the active lists and reminders, still counted in the programme's history.
    is_active = models.BooleanField("active", default=True)
    archived_on = models.DateField(null=True, blank=True, editable=False)
    archive_reason = models.TextField(blank=True, editable=False)
    # Kept by the services that record work (sites.services.activity_recorded), so the
    # consultant's page never scans the data for it.
    last_activity = models.DateField(null=True, blank=True, editable=False)
    # Replaced in the same transaction by every service that writes what the site's progress
    # score reads (sites.services.progress_changed), so the score cached under it
    # (pdsa.scores) is never read after a change.
    progress_version = models.BigIntegerField(default=new_progress_version, editable=False)
    partners_with_independent_providers = models.BooleanField(
        "works in partnership with local independent providers", default=False
    )
    independent_partnership_evidence = models.TextField(blank=True)
    collaborates_with_user_carer_groups = models.BooleanField(
        "collaborates with local user and carer groups", default=False
    )
    user_carer_collaboration_evidence = models.TextField(blank=True)
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="consulted_sites",
        help_text="ImROC consultants assigned to review this site.",
    )

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["category"]),
            models.Index(fields=["region"]),
            models.Index(fields=["organisation_type"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(archived_on__isnull=True) | models.Q(is_active=False),
                name="site_archived_is_inactive",
            )
        ]
        rules_permissions = {
            "view": site_rules.can_view_site,
            "change": site_rules.can_change_site,
            "add": is_administrator,
            "delete": is_administrator,
            "manage_group": site_rules.can_manage_project_group,
            "archive": site_rules.can_archive_site,
            "unarchive": site_rules.can_unarchive_site,
        }
        permissions = [
            ("manage_group", "Can manage the site's project group"),
            ("archive", "Can archive a site that leaves the programme"),
            ("unarchive", "Can bring an archived site back into the programme"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("sites:site-detail", kwargs={"slug": self.slug})

    @property
    def is_archived(self) -> bool:
        return not self.is_active

    def is_quiet(self, today: datetime.date) -> bool:
        """No support, data, cycle update, assessment or review for eight weeks."""
        return self.last_activity is None or self.last_activity < today - QUIET_AFTER

    @property
    def meets_entry_criteria(self) -> bool:
        """The programme accepted sites already partnering independent providers and
        collaborating with local user and carer groups."""
        return self.partners_with_independent_providers and self.collaborates_with_user_carer_groups


class Person(models.Model):
    """Someone in the programme; a carer in a project group may never have an account."""

    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name


class Perspective(models.TextChoices):
    CLINICIAN = "clinician", "Clinician"
    MANAGER = "manager", "Manager"
    OTHER_STAFF = "other_staff", "Other staff"
    SERVICE_USER = "service_user", "Service user"
    CARER = "carer", "Carer"
    THIRD_SECTOR = "third_sector", "Third sector"
    STAFF_LIVED = "staff_lived", "Staff member with lived experience (e.g. peer worker)"

    @classmethod
    def lived_experience(cls) -> tuple[str, ...]:
        """Perspectives that make a group co-produced."""
        return (cls.SERVICE_USER.value, cls.CARER.value)


@dataclass(frozen=True)
class CoProduction:
    """The co-production index wherever people gather or decide: how many of the people
    were service users or carers (``lived_experience``), how many were staff with lived
    experience (None where not recorded, e.g. a training course's head counts) and, for a
    project group, a board sponsor behind it (``board_sponsors`` is None where no sponsor
    is asked for, e.g. the people who took part in an assessment). The one definition:
    every page, table and export reads it from here."""

    lived_experience: int
    board_sponsors: int | None = None
    people: int | None = None
    staff_lived_experience: int | None = None

    @classmethod
    def of_group(cls, members) -> "CoProduction":
        members = list(members)
        return cls(
            lived_experience=sum(m.perspective in Perspective.lived_experience() for m in members),
            board_sponsors=sum(m.role == ProjectGroupMember.Role.BOARD_SPONSOR for m in members),
            people=len(members),
            staff_lived_experience=sum(m.perspective == Perspective.STAFF_LIVED for m in members),
        )

    @classmethod
    def of_perspectives(cls, perspectives) -> "CoProduction":
        perspectives = list(perspectives)
        return cls(
            lived_experience=sum(p in Perspective.lived_experience() for p in perspectives),
            people=len(perspectives),
            staff_lived_experience=sum(p == Perspective.STAFF_LIVED for p in perspectives),
        )

    @classmethod
    def of_counts(
        cls, *, people: int, lived_experience: int, staff_lived_experience: int | None = None
    ) -> "CoProduction":
        """From counts the database made (``coproduction.selectors``)."""
        return cls(
            lived_experience=lived_experience or 0,
            people=people or 0,
            staff_lived_experience=staff_lived_experience,
        )

    @property
    def has_lived_experience(self) -> bool:
        return self.lived_experience > 0

    @property
    def share(self) -> int | None:
        """Service users and carers as a whole percentage of everyone (None when no one)."""
        if not self.people:
            return None
        return round(100 * self.lived_experience / self.people)

    @property
    def short(self) -> str:
        """For a table cell: "3 of 8 (38%)", or a dash when no one was recorded."""
        if not self.people:
            return "–"
        return f"{self.lived_experience} of {self.people} ({self.share}%)"

    @property
    def summary(self) -> str:
        """The index in words, so it never rests on colour: "3 of 8 (38%) service users or
        carers; 1 staff member with lived experience"."""
        if self.people is None:
            return f"{self.lived_experience} service users or carers"
        if not self.people:
            return "No one recorded yet"
        words = f"{self.lived_experience} of {self.people} ({self.share}%) service users or carers"
        staff = self.staff_lived_experience
        if staff is not None:
            noun = "staff member" if staff == 1 else "staff members"
            words += f"; {staff} {noun} with lived experience"
        return words

    @property
    def has_board_sponsor(self) -> bool:
        return bool(self.board_sponsors)

    @property
    def is_co_produced(self) -> bool:
        if self.board_sponsors is None:
            return self.has_lived_experience
        return self.has_lived_experience and self.has_board_sponsor


class ProjectGroupMember(models.Model):
    """A person's place in a site's local project group."""

    class Role(models.TextChoices):
        PROJECT_LEAD = "project_lead", "Project lead"
        MEMBER = "member", "Member"
        BOARD_SPONSOR = "board_sponsor", "Board sponsor"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="project_group")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "person"], name="one_membership_per_site"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.site})"
