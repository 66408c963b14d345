"""Each person's home page is their work: what is overdue or due soon, what is new, what to
do next, by role. ``accounts`` holds the roles and the page; each app gives its items and
sections from its own ``home.py`` (``accounts.registry``). Every read answers in one query
whatever the programme's size (lists are cut to a few rows, counts are done in SQL), so the
page costs the same for 30 sites or 500; every item links to the page where the work is done."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from sites.models import ProjectGroupMember, Site
from sites.rules import site_roles
from sites.selectors import sites_for_user, sites_in_group_of

from .models import Invitation
from .registry import Check, HomePage, More, home_section, items, work_items
from .rules import is_administrator, is_consultant, is_organiser

LIMIT = 10
TEAM = (ProjectGroupMember.Role.PROJECT_LEAD, ProjectGroupMember.Role.MEMBER)


def home_page(user, today: datetime.date) -> HomePage:
    roles = site_roles(user)
    return HomePage(
        user=user,
        today=today,
        my_sites=list(sites_in_group_of(user).order_by("name")),
        group_site_ids=list(roles),
        team_site_ids=[site_id for site_id, role in roles.items() if role in TEAM],
        lead_site_ids=[
            site_id
            for site_id, role in roles.items()
            if role == ProjectGroupMember.Role.PROJECT_LEAD
        ],
        is_consultant=is_consultant(user),
        is_organiser=is_organiser(user),
        is_administrator=is_administrator(user),
    )


@home_section(title="Overdue and due soon", order=10, template="accounts/_home_due.html", queries=0)
def due(page):
    """Goals, PDSA stages and actions of the reader's sites, overdue first."""
    if not page.team_site_ids:
        return None
    found = items("due", page)
    due_items = [item for item in found if not isinstance(item, More)]
    return {
        "due_items": sorted(due_items, key=lambda item: (item.due or page.today, item.title)),
        "due_more": [item for item in found if isinstance(item, More)],
    }


@home_section(
    title="New reviews and comments", order=20, template="accounts/_home_new.html", queries=0
)
def new(page):
    if not page.my_sites:
        return None
    return {"new_items": sorted(items("new", page), key=lambda item: item.due, reverse=True)}


@home_section(
    title="Open actions at your sites",
    order=50,
    template="accounts/_home_open_actions.html",
    queries=0,
)
def open_actions(page):
    return {"open_actions": items("open_actions", page)} if page.is_consultant else None


@home_section(title="Recent activity", order=60, template="accounts/_home_activity.html", queries=0)
def activity(page):
    if not page.is_consultant:
        return None
    newest = sorted(items("activity", page), key=lambda item: item.due, reverse=True)
    return {"activity": newest[:LIMIT]}


@home_section(
    title="Across the programme", order=90, template="accounts/_home_checks.html", queries=0
)
def checks(page):
    return {"checks": items("checks", page)} if page.is_administrator else None


@work_items("checks", order=10, queries=1)
def sites_without_consultant_or_lead(page):
    has_lead = Exists(
        ProjectGroupMember.objects.filter(
            site=OuterRef("pk"), role=ProjectGroupMember.Role.PROJECT_LEAD
        )
    )
    has_consultant = Exists(Site.consultants.through.objects.filter(site=OuterRef("pk")))
    row = (
        Site.objects.active()
        .annotate(has_lead=has_lead, has_consultant=has_consultant)
        .aggregate(
            without_consultant=Count("pk", filter=Q(has_consultant=False)),
            without_lead=Count("pk", filter=Q(has_lead=False)),
        )
    )
    directory = reverse("sites:site-list")
    return [
        Check(
            row["without_consultant"], _sites(row["without_consultant"], "consultant"), directory
        ),
        Check(row["without_lead"], _sites(row["without_lead"], "project lead"), directory),
    ]


def _sites(count: int, without: str) -> str:
    return f"active site{'' if count == 1 else 's'} without a {without}"


@work_items("checks", order=90, queries=1)
def invitations_waiting(page):
    count = Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).count()
    text = f"invitation{'' if count == 1 else 's'} waiting for an answer"
    return [Check(count, text, reverse("invitation-list"))]


@home_section(title="Your sites", order=100, template="accounts/_home_my_sites.html", queries=0)
def my_sites(page):
    return {"my_sites": page.my_sites} if page.my_sites else None


@home_section(title="The programme", order=110, template="accounts/_home_programme.html", queries=1)
def programme(page):
    """Programme staff see the active sites by category."""
    if not (page.is_administrator or page.is_consultant or page.is_organiser):
        return None
    return {
        "category_counts": list(
            sites_for_user(page.user)
            .active()
            .values("category")
            .annotate(total=Count("pk"))
            .order_by("category")
        ),
        "category_labels": dict(Site.Category.choices),
        "programme_staff_dashboard": page.is_administrator or page.is_consultant,
    }
