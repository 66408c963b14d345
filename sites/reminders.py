"""Reminders about sites (registered with ``notifications.registry``)."""

from collections import defaultdict

from notifications.registry import Due, Recipient, register

from .models import CoProduction, ProjectGroupMember


@register(
    "project_group_not_co_produced",
    label="Your site's project group is not yet co-produced",
)
def project_group_not_co_produced(today):
    """Monthly, to each project lead whose group lacks a service user or carer, or a board
    sponsor: the programme asks every site to convene a co-produced group."""
    groups = defaultdict(list)
    for member in ProjectGroupMember.objects.filter(site__is_active=True).select_related(
        "site", "person__user"
    ):
        groups[member.site].append(member)
    for site, members in groups.items():
        co_production = CoProduction.of_group(members)
        if co_production.is_co_produced:
            continue
        missing = []
        if not co_production.has_lived_experience:
            missing.append("no service users or carers")
        if not co_production.has_board_sponsor:
            missing.append("no board sponsor")
        leads = [m for m in members if m.role == ProjectGroupMember.Role.PROJECT_LEAD]
        for lead in leads:
            recipient = lead.person.user or (
                Recipient(lead.person.email, lead.person.full_name) if lead.person.email else None
            )
            if recipient is None:
                continue
            yield Due(
                kind="project_group_not_co_produced",
                recipient=recipient,
                key=f"site:{site.pk}:co-production:{today:%Y-%m}",
                subject=f"{site.name}: the project group is not yet co-produced",
                url=site.get_absolute_url(),
                context={
                    "message": (
                        f"The project group of {site.name} has {' and '.join(missing)}. "
                        "ImROC asks each site to work with professionals, managers, service "
                        "users and carers as equals, with a board sponsor behind the group."
                    ),
                    "site_name": site.name,
                },
            )
