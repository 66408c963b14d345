"""The programme-wide roles, held as Django groups.

Project leads and site team members are not roles here: they follow from a person's place
in a site's project group (see ``sites.models.ProjectGroupMember``).
"""

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Programme administrator"
    CONSULTANT = "consultant", "ImROC consultant"
    ORGANISER = "organiser", "Learning-set organiser"


def has_role(user, role: Role) -> bool:
    """True when the user holds ``role``; group names are read once per request user."""
    if not user.is_authenticated:
        return False
    names = getattr(user, "_imroc_roles", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._imroc_roles = names
    return role.value in names


def create_role_groups(Group) -> None:
    """One group per role (idempotent); used by the data migration."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)
