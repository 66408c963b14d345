"""State changes of sites and their project groups."""

import datetime

from django.db import transaction
from django.db.models import Q

from .models import Person, ProjectGroupMember, Site


@transaction.atomic
def project_group_add(
    *, site: Site, full_name: str, email: str, role: str, perspective: str, joined_on=None
) -> ProjectGroupMember:
    """Add a person to the group, reusing the person already known by that email."""
    person = None
    if email:
        person = Person.objects.filter(email__iexact=email).first()
    if person is None:
        person = Person.objects.create(full_name=full_name, email=email)
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
    return member


def project_group_remove(*, member: ProjectGroupMember) -> None:
    """Leave the person on record: they may have taken part in assessments."""
    member.delete()


def activity_recorded(*, site_id: int, on: datetime.date) -> None:
    """Work dated ``on`` was recorded for the site (data, a cycle's stage, support, an
    assessment, a review): its last activity moves forward, never back."""
    Site.objects.filter(pk=site_id).filter(
        Q(last_activity__isnull=True) | Q(last_activity__lt=on)
    ).update(last_activity=on)
