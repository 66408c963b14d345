"""Reads of sites, always scoped to what the user may see."""

from django.db.models import Count, Q, QuerySet

from accounts.rules import is_programme_staff

from .models import Perspective, ProjectGroupMember, Site


def sites_for_user(user) -> QuerySet[Site]:
    """Programme staff see every site; everyone else only the sites whose project group they
    belong to. Views fetch through this, so an outsider gets a 404."""
    if not user.is_authenticated:
        return Site.objects.none()
    if is_programme_staff(user):
        return Site.objects.all()
    return sites_in_group_of(user)


def sites_in_group_of(user) -> QuerySet[Site]:
    """The sites whose project group the user belongs to (their "own" sites)."""
    return Site.objects.filter(
        pk__in=ProjectGroupMember.objects.filter(person__user=user).values("site_id")
    )


def site_directory(user) -> QuerySet[Site]:
    """The directory's rows with their group size and lived-experience head count."""
    return sites_for_user(user).annotate(
        group_size=Count("project_group", distinct=True),
        lived_experience=Count(
            "project_group",
            filter=Q(project_group__perspective__in=Perspective.lived_experience()),
            distinct=True,
        ),
    )


def project_group(site: Site) -> QuerySet[ProjectGroupMember]:
    return site.project_group.select_related("person", "person__user")
