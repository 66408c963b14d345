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


def leads_by_site(site_ids) -> dict[int, list]:
    """Each site's project leads as reminder recipients (their account, else their email),
    in one query: the reminder kinds of every app write to the lead."""
    from notifications.registry import Recipient

    leads: dict[int, list] = {}
    members = ProjectGroupMember.objects.filter(
        site_id__in=site_ids, role=ProjectGroupMember.Role.PROJECT_LEAD
    ).select_related("person__user")
    for member in members:
        person = member.person
        if person.user is not None:
            leads.setdefault(member.site_id, []).append(person.user)
        elif person.email:
            leads.setdefault(member.site_id, []).append(Recipient(person.email, person.full_name))
    return leads


def sites_in_programme_during(start=None) -> QuerySet[Site]:
    """The sites the programme's history counts for a period from ``start``: the active ones
    and those archived since it began (every site ever, without a start). Active lists use
    ``is_active`` instead."""
    sites = Site.objects.all()
    if start is not None:
        sites = sites.filter(Q(is_active=True) | Q(archived_on__gte=start))
    return sites
