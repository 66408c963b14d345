"""The worst cases to measure: the busiest site, goal, learning set and workshop, each with
the person who would really open it."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count
from django.urls import reverse

from accounts.roles import Role
from challenges.models import Assessment
from learning_sets.models import LearningSet, Workshop
from pdsa.models import Cycle, DataPoint, Goal, Indicator
from sites.models import ProjectGroupMember, Site


@dataclass
class Page:
    name: str
    url: str | None
    user: User | None
    who: str
    note: str = ""
    floor: bool = False  # the signed-in floor page: the others' load is compared with it
    programme_wide: bool = False  # lists the programme: its HTML must stay under 300 KB


def lead_of(site_id: int) -> User | None:
    member = (
        ProjectGroupMember.objects.filter(
            site_id=site_id, role=ProjectGroupMember.Role.PROJECT_LEAD, person__user__isnull=False
        )
        .select_related("person__user")
        .first()
    )
    return member.person.user if member else None


def busiest_consultant() -> User:
    return (
        User.objects.filter(groups__name=Role.CONSULTANT)
        .annotate(n=Count("consulted_sites"))
        .order_by("-n", "pk")
        .first()
    )


def busiest_site() -> Site:
    """The site with most goals among those whose lead has an account."""
    with_lead = ProjectGroupMember.objects.filter(
        role=ProjectGroupMember.Role.PROJECT_LEAD, person__user__isnull=False
    ).values("site_id")
    return (
        Site.objects.filter(pk__in=with_lead)
        .annotate(goals=Count("priorities__goals"))
        .order_by("-goals", "pk")
        .first()
    )


def pages() -> list[Page]:
    consultant = busiest_consultant()
    admin = User.objects.filter(groups__name=Role.ADMINISTRATOR).order_by("pk").first()
    organiser = User.objects.filter(groups__name=Role.ORGANISER).order_by("pk").first()
    site = busiest_site()
    busiest_goal_id = (
        DataPoint.objects.values("indicator__goal").annotate(n=Count("pk")).order_by("-n")
    )[0]["indicator__goal"]
    goal = Goal.objects.select_related("priority__site").get(pk=busiest_goal_id)
    indicator = Indicator.objects.annotate(n=Count("data_points")).order_by("-n", "pk").first()
    indicator_reader = lead_of(indicator.goal.priority.site_id) or (
        indicator.goal.priority.site.consultants.first()
    )
    goal_reader = lead_of(goal.priority.site_id) or goal.priority.site.consultants.first()
    learning_set = (
        LearningSet.objects.annotate(n=Count("workshops__delegates")).order_by("-n", "pk").first()
    )
    workshop = Workshop.objects.annotate(n=Count("delegates")).order_by("-n", "pk").first()
    set_organiser = learning_set.organisers.first() or organiser
    workshop_organiser = workshop.learning_set.organisers.first() or organiser

    return [
        Page(
            "programme dashboard", reverse("dashboard:overview"), consultant, "busiest consultant"
        ),
        Page("stage heatmap", reverse("dashboard:heatmap"), consultant, "busiest consultant"),
        Page(
            "site directory",
            reverse("sites:site-list"),
            admin,
            "administrator (all sites)",
            programme_wide=True,
        ),
        Page("site page", site.get_absolute_url(), lead_of(site.pk), "lead of the busiest site"),
        Page(
            "goal page",
            goal.get_absolute_url(),
            goal_reader,
            "lead or consultant of the goal with most data",
        ),
        Page(
            "indicator page + charts",
            indicator.get_absolute_url(),
            indicator_reader,
            f"lead or consultant; run and XmR charts of {indicator.n:,} points",
        ),
        Page(
            "cycle library search",
            reverse("pdsa:cycle-library") + "?q=peer+support",
            consultant,
            "consultant",
        ),
        Page(
            "learning-set page",
            learning_set.get_absolute_url(),
            set_organiser,
            "organiser of the busiest set",
        ),
        Page(
            "workshop page + delegates",
            workshop.get_absolute_url(),
            workshop_organiser,
            "organiser of the busiest workshop",
        ),
        Page("consultant page", reverse("dashboard:me"), consultant, "the busiest consultant"),
        Page(
            "review form",
            reverse("support:review-add", kwargs={"slug": site.slug}),
            site.consultants.first() or admin,
            "a consultant of the busiest site",
        ),
        *programme_wide(admin),
        *weekly(site, lead_of(site.pk), site.consultants.first() or admin),
        Page("audit log", reverse("audit:event-list"), admin, "administrator"),
        Page(
            "audit log, one person",
            reverse("audit:event-list") + f"?username={consultant.username}",
            admin,
            "administrator, filtered by username",
        ),
        Page(
            "notifications",
            reverse("notifications:notification-list"),
            consultant,
            "busiest consultant",
        ),
        Page(
            "site's TRIP teams",
            reverse("teams:site-teams", kwargs={"slug": site.slug}),
            lead_of(site.pk),
            "lead of the busiest site",
        ),
        Page("home: lead", reverse("home"), lead_of(site.pk), "lead of the busiest site"),
        Page("home: consultant", reverse("home"), consultant, "busiest consultant"),
        Page("home: organiser", reverse("home"), organiser, "an organiser"),
        Page("home: administrator", reverse("home"), admin, "the administrator"),
        Page(
            "floor (signed in, empty)",
            reverse("healthz-floor"),
            consultant,
            "busiest consultant",
            floor=True,
        ),
    ]


def programme_wide(admin) -> list[Page]:
    """The pages that list the whole programme, as the administrator (all sites)."""
    every = "administrator (all sites)"
    return [
        Page("recovery colleges", reverse("colleges:overview"), admin, every, programme_wide=True),
        Page("co-production", reverse("coproduction:programme"), admin, every, programme_wide=True),
        Page("peer support", reverse("peer_support:overview"), admin, every, programme_wide=True),
        Page("reports list", reverse("reports:report-list"), admin, every, programme_wide=True),
        Page("learning sets", reverse("learning_sets:set-list"), admin, every, programme_wide=True),
        Page("reviews", reverse("support:review-index"), admin, every, programme_wide=True),
    ]


def weekly(site: Site, lead: User | None, consultant: User) -> list[Page]:
    """The busiest site's pages of the permission walk its lead or consultant opens weekly."""
    slug = {"slug": site.slug}
    cycle = Cycle.objects.filter(goal__priority__site=site).order_by("-number", "pk").first()
    assessment = Assessment.objects.filter(site=site).order_by("-assessed_on", "pk").first()
    lead_says = "lead of the busiest site"
    found = [
        Page("site progress", reverse("pdsa:site-progress", kwargs=slug), lead, lead_says),
        Page("site's indicators", reverse("pdsa:site-indicators", kwargs=slug), lead, lead_says),
        Page("site timeline", reverse("pdsa:site-timeline", kwargs=slug), lead, lead_says),
        Page(
            "site assessments", reverse("challenges:assessment-list", kwargs=slug), lead, lead_says
        ),
        Page(
            "site support", reverse("support:site-support", kwargs=slug), consultant, "consultant"
        ),
        Page("site outcomes", reverse("support:outcomes", kwargs=slug), lead, lead_says),
        Page("site peer support", reverse("peer_support:programme", kwargs=slug), lead, lead_says),
        Page("site colleges", reverse("colleges:site-colleges", kwargs=slug), lead, lead_says),
    ]
    if cycle:
        found.append(Page("PDSA cycle", cycle.get_absolute_url(), lead, "lead: its latest cycle"))
    if assessment:
        url = reverse("challenges:assessment-detail", kwargs={**slug, "pk": assessment.pk})
        found.append(Page("assessment", url, lead, "lead: its latest assessment"))
    return found
