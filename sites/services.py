"""State changes of sites and their project groups."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from audit import services as audit
from notifications.services import notify

from .figures import figures_changed
from .models import Person, ProjectGroupMember, Site


@transaction.atomic
def project_group_add(
    *, site: Site, full_name: str, email: str, role: str, perspective: str, joined_on=None
) -> ProjectGroupMember:
    """Add a person to the group, reusing the person already known by that email."""
    progress_changed(sites=[site.pk])
    person = None
    if email:
        person = Person.objects.filter(email__iexact=email).first()
    if person is None:
        person = Person.objects.create(full_name=full_name, email=email)
    figures_changed()
    return ProjectGroupMember.objects.create(
        site=site, person=person, role=role, perspective=perspective, joined_on=joined_on
    )


@transaction.atomic
def project_group_update(
    *,
    member: ProjectGroupMember,
    full_name: str,
    email: str,
    role: str,
    perspective: str,
    joined_on=None,
) -> ProjectGroupMember:
    person = member.person
    person.full_name = full_name
    person.email = email
    person.save(update_fields=["full_name", "email"])
    member.role = role
    member.perspective = perspective
    member.joined_on = joined_on
    member.save(update_fields=["role", "perspective", "joined_on"])
    figures_changed()
    return member


@transaction.atomic
def project_group_remove(*, member: ProjectGroupMember) -> None:
    """Leave the person on record: they may have taken part in assessments."""
    member.delete()
    progress_changed(sites=[member.site_id])
    figures_changed()


def site_update(*, form) -> Site:
    """Save the site's details (its category and joining date are counted by the figures)."""
    site = form.save()
    figures_changed()
    return site


def progress_changed(*, sites) -> None:
    """Every service that writes what a site's progress score reads (its project group, goals,
    cycles, indicators and their data) calls this in its transaction with the sites (a
    queryset, or pks): their cached scores are never read again."""
    Site.objects.filter(pk__in=sites).progress_changed()


def activity_recorded(*, site_id: int, on: datetime.date) -> None:
    """Work dated ``on`` was recorded for the site (data, a cycle's stage, support, an
    assessment, a review): its last activity moves forward, never back."""
    Site.objects.filter(pk=site_id).filter(
        Q(last_activity__isnull=True) | Q(last_activity__lt=on)
    ).update(last_activity=on)


@transaction.atomic
def site_archive(*, site: Site, archived_on: datetime.date, reason: str, by=None) -> Site:
    """The site left the programme: its record becomes read-only for everyone
    (``sites.rules.is_archived``), it leaves the active lists, dashboards and reminders, and
    stays in the programme's history and reports. Its open invitations stop working; its
    leads and consultants are told."""
    current = Site.objects.select_for_update().get(pk=site.pk)
    if not current.is_active:
        raise ValidationError(f"{site.name} is already archived.")
    from accounts.models import Invitation
    from accounts.services import invitation_revoke

    site.is_active = False
    site.archived_on = archived_on
    site.archive_reason = reason
    site.save(update_fields=["is_active", "archived_on", "archive_reason"])
    for invitation in Invitation.objects.filter(
        site=site, accepted_at__isnull=True, revoked_at__isnull=True
    ):
        invitation_revoke(invitation=invitation, by=by)  # nobody joins a site that left
    audit.record(action=audit.Action.SITE_ARCHIVED, user=by, what=f"{site.name}: {reason}")
    notify("site_archived", site=site)
    figures_changed()
    return site


@transaction.atomic
def site_unarchive(*, site: Site, by=None) -> Site:
    """The site rejoins the programme (or was archived by mistake): editable again."""
    current = Site.objects.select_for_update().get(pk=site.pk)
    if current.is_active:
        raise ValidationError(f"{site.name} is not archived.")
    site.is_active = True
    site.archived_on = None
    site.archive_reason = ""
    site.save(update_fields=["is_active", "archived_on", "archive_reason"])
    audit.record(action=audit.Action.SITE_UNARCHIVED, user=by, what=site.name)
    figures_changed()
    return site
