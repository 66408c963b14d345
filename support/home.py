"""support's part of each person's work: agreed actions due, new reviews, a consultant's
reviews due, quiet sites, open actions and the sites' responses, and the administrator's
overdue reviews and actions."""

from django.db.models import Count, Q, Window
from django.urls import reverse

from accounts.registry import Check, Item, home_section, left_out, work_items
from imroc.dates import short_date
from sites.models import Site

from .models import ProgressReview, ReviewAction, ReviewResponse
from .selectors import consultant_sites, review_is_due, review_overdue, with_review_status

LIMIT = 10


def _name(user) -> str:
    return user.get_full_name() or user.username


@work_items("due", order=30, queries=1)
def actions_due(page):
    """Actions I own (or, as a lead, my site's) due soon or late."""
    actions = list(
        ReviewAction.objects.published()
        .filter(done=False, due_on__lte=page.soon, review__site__is_active=True)
        .filter(
            Q(owner_user=page.user)
            | Q(owner_person__user=page.user)
            | Q(review__site_id__in=page.lead_site_ids)
        )
        .select_related("review__site")
        .annotate(total=Window(Count("pk")))
        .order_by("due_on", "pk")[:LIMIT]
    )
    return [
        Item(
            f"Action: {action.action}",
            action.get_absolute_url(),
            f"{action.review.site.name}; agreed at the review of "
            f"{short_date(action.review.review_date)}",
            action.due_on,
            action.is_overdue(page.today),
        )
        for action in actions
    ] + left_out(
        actions,
        noun=("agreed action", "agreed actions"),
        what=f"due soon or late beyond the {LIMIT} most pressing listed",
    )


@work_items("new", order=10, queries=1)
def new_reviews(page):
    """Reviews of my sites in the last 30 days."""
    reviews = (
        ProgressReview.objects.published()
        .filter(site_id__in=page.team_site_ids or page.group_site_ids, review_date__gte=page.since)
        .select_related("site", "consultant")
        .order_by("-review_date", "-pk")[:LIMIT]
    )
    return [
        Item(
            f"Progress review of {review.site.name}",
            review.get_absolute_url(),
            f"by {_name(review.consultant)}; {review.get_status_display()}",
            review.review_date,
        )
        for review in reviews
    ]


@home_section(title="Reviews due", order=40, template="support/_home_reviews_due.html", queries=1)
def reviews_due(page):
    """A consultant's sites with a review due, and the quiet ones."""
    if not page.is_consultant:
        return None
    sites = list(consultant_sites(page.user, page.today))
    return {
        "assigned_count": len(sites),
        "reviews_due": [site for site in sites if review_is_due(site, page.today)],
        "quiet_sites": [site for site in sites if site.is_quiet(page.today)],
    }


@work_items("open_actions", order=10, queries=1)
def consultant_actions(page):
    """Open actions across the sites I review, oldest due first."""
    actions = (
        ReviewAction.objects.published()
        .filter(done=False, review__site__consultants=page.user, review__site__is_active=True)
        .select_related("review__site", "owner_person", "owner_user")
        .order_by("due_on", "pk")[:LIMIT]
    )
    return [
        Item(
            action.action,
            action.get_absolute_url(),
            f"{action.review.site.name}; owner {action.owner_label}",
            action.due_on,
            action.is_overdue(page.today),
        )
        for action in actions
    ]


@work_items("activity", order=10, queries=1)
def responses(page):
    """The sites' answers to my reviews in the last 30 days."""
    answers = (
        ReviewResponse.objects.filter(
            review__site__consultants=page.user, created_at__date__gte=page.since
        )
        .select_related("review__site", "author")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    return [
        Item(
            f"{_name(response.author)} answered the review of {response.review.site.name}",
            response.review.get_absolute_url() + "#responses",
            response.text[:120],
            response.created_at.date(),
        )
        for response in answers
    ]


@work_items("checks", order=50, queries=2)
def overdue_reviews_and_actions(page):
    """Support's one definition of "review overdue" (``selectors.review_overdue``)."""
    reviews = with_review_status(Site.objects.active()).aggregate(
        overdue=Count("pk", filter=review_overdue(page.today))
    )["overdue"]
    actions = (
        ReviewAction.objects.published()
        .filter(done=False, due_on__lt=page.today, review__site__in=Site.objects.active())
        .count()
    )
    return [
        Check(
            reviews,
            f"active site{'' if reviews == 1 else 's'} with a review overdue "
            "(the next review date has passed, or no review yet)",
            reverse("dashboard:list", args=["sites"]) + "?overdue=1",
            overdue=True,
        ),
        Check(
            actions,
            f"agreed action{'' if actions == 1 else 's'} overdue",
            reverse("support:review-index"),
            overdue=True,
        ),
    ]
