"""Reads of learning sets, always scoped to what the user may see."""

from django.db.models import Count, Min, Prefetch, Q, QuerySet

from accounts.rules import is_programme_staff
from sites.models import CoProduction, ProjectGroupMember, Site
from sites.rules import site_roles
from sites.selectors import sites_in_group_of

from .models import AgendaItem, Delegate, Evaluation, LearningSet, RegistrationLink, Workshop
from .places import Places
from .rules import can_manage_learning_sets
from .summary import LIVED_EXPERIENCE, Figures, group_answers, total


def learning_sets_for_user(user) -> QuerySet[LearningSet]:
    """Programme staff see every set; a site's people see the sets their site belongs to."""
    if not user.is_authenticated:
        return LearningSet.objects.none()
    if is_programme_staff(user):
        return LearningSet.objects.all()
    return LearningSet.objects.filter(
        pk__in=LearningSet.sites.through.objects.filter(site__in=sites_in_group_of(user)).values(
            "learningset_id"
        )
    )


def learning_set_directory(user, today) -> QuerySet[LearningSet]:
    return learning_sets_for_user(user).annotate(
        site_count=Count("sites", distinct=True),
        workshop_count=Count("workshops", distinct=True),
        next_workshop=Min("workshops__date", filter=Q(workshops__date__gte=today)),
    )


def learning_set_page(user) -> QuerySet[LearningSet]:
    return learning_sets_for_user(user).prefetch_related(
        "organisers",
        Prefetch("sites", queryset=Site.objects.order_by("name")),
        Prefetch(
            "workshops",
            queryset=Workshop.objects.select_related("venue", "topic").order_by("number"),
        ),
    )


def workshops_for_user(user) -> QuerySet[Workshop]:
    return Workshop.objects.filter(learning_set__in=learning_sets_for_user(user)).select_related(
        "learning_set", "venue", "topic"
    )


def team_site_ids(user, *, any_role: bool = False) -> set[int]:
    """Sites whose delegates the user registers: where they are lead or team member (or,
    with ``any_role``, any member of the project group, who may read them)."""
    team = (ProjectGroupMember.Role.PROJECT_LEAD, ProjectGroupMember.Role.MEMBER)
    return {site for site, role in site_roles(user).items() if any_role or role in team}


def delegates_for_user(user) -> QuerySet[Delegate]:
    """Staff see every delegate (details only for organisers, in templates); a site's people
    see only their own site's registrations."""
    delegates = Delegate.objects.select_related("site", "workshop")
    if not user.is_authenticated:
        return delegates.none()
    if is_programme_staff(user):
        return delegates
    return delegates.filter(site__in=sites_in_group_of(user))


def registrable_sites(user, workshop: Workshop) -> QuerySet[Site]:
    """Organisers register for any member site; a lead or team member for their own."""
    sites = workshop.learning_set.sites.order_by("name")
    if can_manage_learning_sets(user):
        return sites
    return sites.filter(pk__in=team_site_ids(user))


def workshop_places(workshop: Workshop, today) -> Places:
    """Each site's registered count and the member sites, in two queries."""
    used = dict(
        workshop.delegates.filter(status=Delegate.Status.REGISTERED)
        .values_list("site_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    members = tuple(
        LearningSet.sites.through.objects.filter(learningset_id=workshop.learning_set_id)
        .order_by("site__name")
        .values_list("site_id", flat=True)
    )
    return Places(workshop.capacity, members, used, workshop.places_released(today))


def workshop_people(user, workshop: Workshop, member_site_ids, today):
    """The workshop page's people in one query: the registered delegates, the waiting list
    (with each person's position) and the cancelled places the user may see, and the places
    by site."""
    everyone = list(
        workshop.delegates.select_related("site", "cancelled_by").order_by("created_at", "pk")
    )
    people = [d for d in everyone if d.status != Delegate.Status.CANCELLED]
    visible = None if is_programme_staff(user) else set(team_site_ids(user, any_role=True))
    used: dict[int, int] = {}
    registered, waiting = [], []
    cancelled = [
        d
        for d in everyone
        if d.status == Delegate.Status.CANCELLED and (visible is None or d.site_id in visible)
    ]
    for delegate in people:
        seen = visible is None or delegate.site_id in visible
        if delegate.status == Delegate.Status.REGISTERED:
            used[delegate.site_id] = used.get(delegate.site_id, 0) + 1
            if seen:
                registered.append(delegate)
        else:
            waiting.append((len(waiting) + 1, delegate, seen))
    registered.sort(key=lambda d: (d.site.name, d.full_name))
    places = Places(
        workshop.capacity, tuple(member_site_ids), used, workshop.places_released(today)
    )
    return (
        registered,
        [(n, d) for n, d, seen in waiting if seen],
        len(waiting),
        places,
        people,
        cancelled,
    )


def workshop_co_production(people: list[Delegate]) -> dict[str, CoProduction]:
    """The co-production index of every delegate registered (all sites, not just the ones the
    reader may see: the figures name no one) and of those who attended."""
    booked = [d for d in people if d.status == Delegate.Status.REGISTERED]
    return {
        "registered": CoProduction.of_perspectives(d.perspective for d in booked),
        "attended": CoProduction.of_perspectives(d.perspective for d in booked if d.attended),
    }


def open_registration_links(workshop: Workshop, site_ids) -> dict[int, RegistrationLink]:
    if not site_ids:
        return {}
    links = RegistrationLink.objects.filter(
        workshop=workshop, site_id__in=site_ids, revoked_at__isnull=True
    )
    return {link.site_id: link for link in links}


def agenda(workshop: Workshop) -> QuerySet[AgendaItem]:
    return workshop.agenda_items.select_related("site").prefetch_related(
        Prefetch("stall_sites", queryset=Site.objects.order_by("name"))
    )


def figures_for(workshops, today) -> dict[int, Figures]:
    """Each workshop's figures in two grouped queries, however many delegates there are."""
    workshops = list(workshops)
    figures = {w.pk: Figures(happened=w.has_happened(today)) for w in workshops}
    rows = (
        Delegate.objects.filter(workshop__in=figures.keys())
        .values("workshop_id", "status", "attended", "perspective", "site_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        figures[row["workshop_id"]].add_delegates(
            status=row["status"],
            attended=row["attended"],
            perspective=row["perspective"],
            n=row["n"],
            site_id=row["site_id"],
        )
    ratings = (
        Evaluation.objects.filter(delegate__workshop__in=figures.keys())
        .values("delegate__workshop_id", "overall_rating", "usefulness")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in ratings:
        figures[row["delegate__workshop_id"]].evaluation.add(
            row["overall_rating"], row["usefulness"], row["n"]
        )
    return figures


def set_figures(learning_set: LearningSet, today) -> tuple[list[tuple[Workshop, Figures]], Figures]:
    workshops = list(learning_set.workshops.select_related("venue", "topic").order_by("number"))
    figures = figures_for(workshops, today)
    rows = [(workshop, figures[workshop.pk]) for workshop in workshops]
    return rows, total([f for _, f in rows])


def evaluation_answers(workshops) -> dict[str, list[tuple[str, int]]]:
    """What delegates will take back and their other comments, without their names, each
    distinct answer once with how many gave it (one query)."""
    rows = list(
        Evaluation.objects.filter(delegate__workshop__in=workshops)
        .exclude(take_back="", comments="")
        .order_by("submitted_at", "pk")
        .values_list("take_back", "comments")
    )
    return {
        "take_back": group_answers(take_back for take_back, _ in rows),
        "comments": group_answers(comments for _, comments in rows),
    }


def programme_headline(today) -> dict[str, int]:
    """The figure the programme reported ("16 workshops, 751 attendees, 101 service users
    or carers"), from the workshops held so far: two queries."""
    held = Workshop.objects.filter(date__lte=today)
    attendees = Delegate.objects.filter(
        workshop__in=held, status=Delegate.Status.REGISTERED, attended=True
    ).aggregate(
        attendees=Count("pk"),
        lived_experience=Count("pk", filter=Q(perspective__in=LIVED_EXPERIENCE)),
    )
    return {"workshops": held.count(), **attendees}


def site_learning_sets(site: Site) -> QuerySet[LearningSet]:
    """The site's sets with its own registrations and attendance, in one query."""
    mine = Q(workshops__delegates__site=site, workshops__delegates__status="registered")
    return site.learning_sets.annotate(
        workshop_count=Count("workshops", distinct=True),
        site_registered=Count("workshops__delegates", filter=mine),
        site_attended=Count(
            "workshops__delegates", filter=mine & Q(workshops__delegates__attended=True)
        ),
    ).order_by("start_date")


def upcoming_workshops_organised_by(user, today, limit: int = 5) -> QuerySet[Workshop]:
    return (
        Workshop.objects.filter(learning_set__organisers=user, date__gte=today)
        .select_related("learning_set", "venue", "topic")
        .annotate(
            registered=Count("delegates", filter=Q(delegates__status="registered")),
        )
        .order_by("date")[:limit]
    )


def upcoming_registrations_for(user, today) -> QuerySet[Delegate]:
    return (
        Delegate.objects.filter(
            site__in=sites_in_group_of(user),
            workshop__date__gte=today,
        )
        .exclude(status=Delegate.Status.CANCELLED)
        .select_related("site", "workshop__learning_set", "workshop__topic")
        .order_by("workshop__date", "site__name", "full_name")
    )
