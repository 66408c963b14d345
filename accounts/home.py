"""Each person's home page is their work: what is overdue or due soon, what is new, what to
do next, by role. Every read here answers in one query whatever the programme's size (lists
are cut to a few rows, counts are done in SQL), so the page costs the same for 30 sites or
500; every item links to the page where the work is done."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from learning_sets.models import Evaluation, Workshop
from pdsa.models import Comment, Cycle, Goal, Stage, cycles_with_current_stage_due
from sites.models import ProjectGroupMember, Site
from sites.rules import site_roles
from support.models import ProgressReview, ReviewAction, ReviewResponse
from support.selectors import review_overdue, with_review_status

from .models import Invitation

DUE_SOON = datetime.timedelta(days=14)
NEW_FOR = datetime.timedelta(days=30)
LIMIT = 10


@dataclass(frozen=True)
class Item:
    """One line of work: what, where, by when, and the page where it is done."""

    title: str
    url: str
    detail: str = ""
    due: datetime.date | None = None
    overdue: bool = False


def team_site_ids(user) -> list[int]:
    return [
        site_id
        for site_id, role in site_roles(user).items()
        if role in (ProjectGroupMember.Role.PROJECT_LEAD, ProjectGroupMember.Role.MEMBER)
    ]


def lead_site_ids(user) -> list[int]:
    return [
        site_id
        for site_id, role in site_roles(user).items()
        if role == ProjectGroupMember.Role.PROJECT_LEAD
    ]


def _owned_by(user) -> Q:
    return Q(owner_user=user) | Q(owner_person__user=user)


def my_due_items(user, today: datetime.date) -> list[Item]:
    """Goals near or past their target, PDSA stages due and actions I own (or, as a lead,
    my site's), overdue first: 3 queries. Closed goals and archived sites are done with."""
    sites = team_site_ids(user)
    soon = today + DUE_SOON
    goals = (
        Goal.objects.filter(priority__site_id__in=sites, target_date__lte=soon)
        .filter(status__in=Goal.OPEN, priority__site__is_active=True)
        .select_related("priority__site")
        .order_by("target_date", "pk")[:LIMIT]
    )
    cycles = (
        Cycle.objects.filter(goal__priority__site_id__in=sites)
        .filter(goal__status__in=Goal.OPEN, goal__priority__site__is_active=True)
        .filter(cycles_with_current_stage_due(lte=soon))
        .select_related("goal__priority__site")
        .order_by("pk")[: LIMIT * 3]
    )
    actions = (
        ReviewAction.objects.filter(done=False, due_on__lte=soon, review__site__is_active=True)
        .filter(_owned_by(user) | Q(review__site_id__in=lead_site_ids(user)))
        .select_related("review__site")
        .order_by("due_on", "pk")[:LIMIT]
    )
    items = [
        Item(
            f"Goal: {goal.title}",
            goal.get_absolute_url(),
            f"{goal.priority.site.name}; target date",
            goal.target_date,
            goal.target_date < today,
        )
        for goal in goals
    ]
    for cycle in cycles:
        stage = cycle.current_stage
        due = getattr(cycle, f"{stage}_due")
        items.append(
            Item(
                f"PDSA cycle {cycle.number}, {Stage(stage).label.lower()}: {cycle.objective}",
                reverse("pdsa:cycle-stage", kwargs={"pk": cycle.pk, "stage": stage}),
                f"{cycle.goal.priority.site.name}; {cycle.goal.title}",
                due,
                cycle.is_overdue(today),
            )
        )
    items += [
        Item(
            f"Action: {action.action}",
            action.get_absolute_url(),
            f"{action.review.site.name}; agreed at the review of "
            f"{action.review.review_date:%d %b %Y}",
            action.due_on,
            action.is_overdue(today),
        )
        for action in actions
    ]
    return sorted(items, key=lambda item: (item.due or today, item.title))


def new_for_team(user, today: datetime.date) -> list[Item]:
    """Reviews of my sites and comments on their goals and cycles by others, last 30 days:
    2 queries."""
    sites = team_site_ids(user) or list(site_roles(user))
    since = today - NEW_FOR
    reviews = (
        ProgressReview.objects.filter(site_id__in=sites, review_date__gte=since)
        .select_related("site", "consultant")
        .order_by("-review_date", "-pk")[:LIMIT]
    )
    comments = (
        Comment.objects.filter(created__date__gte=since)
        .filter(Q(goal__priority__site_id__in=sites) | Q(cycle__goal__priority__site_id__in=sites))
        .exclude(author=user)
        .select_related("author", "goal", "cycle")
        .order_by("-created", "-pk")[:LIMIT]
    )
    items = [
        Item(
            f"Progress review of {review.site.name}",
            review.get_absolute_url(),
            f"by {_name(review.consultant)}; {review.get_status_display()}",
            review.review_date,
        )
        for review in reviews
    ]
    items += [
        Item(
            f"Comment by {_name(comment.author)} on "
            + (f"goal {comment.goal.title}" if comment.goal_id else f"cycle {comment.cycle}"),
            (comment.goal or comment.cycle).get_absolute_url() + "#comments",
            comment.text[:120],
            comment.created.date(),
        )
        for comment in comments
    ]
    return sorted(items, key=lambda item: item.due, reverse=True)


def next_workshops_of_sites(site_ids, today: datetime.date) -> list[Workshop]:
    """The next workshops of the learning sets my sites belong to: 1 query."""
    return list(
        Workshop.objects.filter(learning_set__sites__in=site_ids, date__gte=today)
        .distinct()
        .select_related("learning_set", "venue", "topic")
        .order_by("date", "pk")[:5]
    )


def _name(user) -> str:
    return user.get_full_name() or user.username


def consultant_actions(user, today: datetime.date) -> list[Item]:
    """Open actions across the sites I review, oldest due first: 1 query."""
    actions = (
        ReviewAction.objects.filter(
            done=False, review__site__consultants=user, review__site__is_active=True
        )
        .select_related("review__site", "owner_person", "owner_user")
        .order_by("due_on", "pk")[:LIMIT]
    )
    return [
        Item(
            f"{action.action}",
            action.get_absolute_url(),
            f"{action.review.site.name}; owner {action.owner_label}",
            action.due_on,
            action.is_overdue(today),
        )
        for action in actions
    ]


def consultant_activity(user, today: datetime.date) -> list[Item]:
    """What the sites I review said lately: responses to reviews and comments, 2 queries."""
    since = today - NEW_FOR
    responses = (
        ReviewResponse.objects.filter(review__site__consultants=user, created_at__date__gte=since)
        .select_related("review__site", "author")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    mine = Site.objects.filter(consultants=user).values("pk")
    comments = (
        Comment.objects.filter(created__date__gte=since)
        .filter(Q(goal__priority__site__in=mine) | Q(cycle__goal__priority__site__in=mine))
        .exclude(author=user)
        .select_related("author", "goal", "cycle")
        .order_by("-created", "-pk")[:LIMIT]
    )
    items = [
        Item(
            f"{_name(response.author)} answered the review of {response.review.site.name}",
            response.review.get_absolute_url() + "#responses",
            response.text[:120],
            response.created_at.date(),
        )
        for response in responses
    ]
    items += [
        Item(
            f"Comment by {_name(comment.author)} on "
            + (f"goal {comment.goal.title}" if comment.goal_id else f"cycle {comment.cycle}"),
            (comment.goal or comment.cycle).get_absolute_url() + "#comments",
            comment.text[:120],
            comment.created.date(),
        )
        for comment in comments
    ]
    return sorted(items, key=lambda item: item.due, reverse=True)[:LIMIT]


def organiser_workshops(user, today: datetime.date) -> list[Workshop]:
    """The next workshops of my sets with places left and the waiting list: 1 query."""
    workshops = (
        Workshop.objects.filter(learning_set__organisers=user, date__gte=today)
        .select_related("learning_set", "venue", "topic")
        .annotate(
            registered=Count("delegates", filter=Q(delegates__status="registered")),
            waiting=Count("delegates", filter=Q(delegates__status="waiting")),
        )
        .order_by("date", "pk")[:LIMIT]
    )
    for workshop in workshops:
        capacity = workshop.capacity
        workshop.places_left = None if capacity is None else max(capacity - workshop.registered, 0)
    return list(workshops)


def missing_evaluations(user, today: datetime.date) -> list[Workshop]:
    """Workshops of my sets held in the last 60 days whose attendees have not all answered
    the evaluation: 1 query."""
    unanswered = Q(delegates__attended=True) & ~Exists(
        Evaluation.objects.filter(delegate=OuterRef("delegates"))
    )
    return list(
        Workshop.objects.filter(
            learning_set__organisers=user,
            date__lt=today,
            date__gte=today - datetime.timedelta(days=60),
        )
        .select_related("learning_set")
        .annotate(
            attended=Count("delegates", filter=Q(delegates__attended=True)),
            unanswered=Count("delegates", filter=unanswered),
        )
        .filter(unanswered__gt=0)
        .order_by("-date", "pk")[:LIMIT]
    )


@dataclass(frozen=True)
class ProgrammeChecks:
    sites_without_consultant: int
    sites_without_lead: int
    reviews_overdue: int
    actions_overdue: int
    invitations_pending: int


def programme_checks(today: datetime.date) -> ProgrammeChecks:
    """The administrator's programme-wide to-do counts over the active sites: 3 queries.
    "Review overdue" is support's one definition (``support.selectors.review_overdue``)."""
    has_lead = Exists(
        ProjectGroupMember.objects.filter(
            site=OuterRef("pk"), role=ProjectGroupMember.Role.PROJECT_LEAD
        )
    )
    has_consultant = Exists(Site.consultants.through.objects.filter(site=OuterRef("pk")))
    row = (
        with_review_status(Site.objects.active())
        .annotate(has_lead=has_lead, has_consultant=has_consultant)
        .aggregate(
            without_consultant=Count("pk", filter=Q(has_consultant=False)),
            without_lead=Count("pk", filter=Q(has_lead=False)),
            reviews_overdue=Count("pk", filter=review_overdue(today)),
        )
    )
    return ProgrammeChecks(
        sites_without_consultant=row["without_consultant"],
        sites_without_lead=row["without_lead"],
        reviews_overdue=row["reviews_overdue"],
        actions_overdue=ReviewAction.objects.filter(
            done=False, due_on__lt=today, review__site__in=Site.objects.active()
        ).count(),
        invitations_pending=Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).count(),
    )
