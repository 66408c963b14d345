"""Events of reviews (registered with ``notifications.registry``; raised by the services):
a consultant's review reaches the site's leads, and the site's response reaches the consultant."""

from accounts.rules import is_consultant
from imroc.dates import long_date
from notifications.registry import Due, register_event
from sites.selectors import leads_by_site

from .models import ProgressReview, ReviewAction, ReviewResponse


@register_event("review_published", label="A consultant published a progress review of your site")
def review_published(*, review: ProgressReview):
    site = review.site
    consultant = review.consultant.get_full_name() or review.consultant.username
    for lead in leads_by_site([site.pk]).get(site.pk, []):
        yield Due(
            kind="review_published",
            recipient=lead,
            key=f"review:{review.pk}",
            subject=f"{site.name}: {consultant} published a progress review",
            url=review.get_absolute_url(),
            context={
                "message": (
                    f"{consultant} reviewed the progress of {site.name} on "
                    f"{long_date(review.review_date)}: {review.get_status_display().lower()}. "
                    "Read it, see the actions agreed and respond for the site."
                ),
                "site_name": site.name,
                "status": review.get_status_display(),
                "next_review_due": f"{long_date(review.next_review_due)}",
            },
        )


@register_event(
    "review_response",
    label="A site responded to your progress review",
    offered_to=is_consultant,
)
def review_response(*, response: ReviewResponse):
    review = response.review
    author = response.author.get_full_name() or response.author.username
    yield Due(
        kind="review_response",
        recipient=review.consultant,
        key=f"response:{response.pk}",
        subject=f"{review.site.name}: {author} responded to your review",
        url=review.get_absolute_url(),
        context={
            "message": (
                f"{author} responded for {review.site.name} to your review of "
                f"{long_date(review.review_date)}."
            ),
            "site_name": review.site.name,
            "response": response.text,
        },
    )


def _name(user) -> str:
    return user.get_full_name() or user.username


@register_event("action_assigned", label="An action agreed at a review was given to you")
def action_assigned(*, action: ReviewAction):
    """The owner hears of their action when it is agreed or passed to them (someone outside
    the programme, with no account, is followed up by the consultant)."""
    owner = action.owner_account
    if owner is None or not owner.is_active:
        return
    review = action.review
    yield Due(
        kind="action_assigned",
        recipient=owner,
        key=f"action:{action.pk}:owner:{owner.pk}",
        subject=f"{review.site.name}: an action for you from the progress review",
        url=action.get_absolute_url(),
        context={
            "message": (
                f"{_name(review.consultant)} agreed an action with you at the progress review of "
                f'{review.site.name} on {long_date(review.review_date)}: "{action.action}", '
                f"due {long_date(action.due_on)}. Say when it is done on the action's page."
            ),
            "site_name": review.site.name,
            "action": action.action,
            "due": f"{long_date(action.due_on)}",
        },
    )


@register_event("action_done", label="An action agreed at your review was done")
def action_done(*, action: ReviewAction):
    review = action.review
    by = _name(action.done_by) if action.done_by else "The site"
    yield Due(
        kind="action_done",
        recipient=review.consultant,
        key=f"action:{action.pk}:done:{action.done_at:%Y%m%d%H%M%S%f}",
        subject=f'{review.site.name}: "{action.action}" is done',
        url=action.get_absolute_url(),
        context={
            "message": (
                f'{by} marked the action "{action.action}" from your review of '
                f"{review.site.name} on {long_date(review.review_date)} as done."
            ),
            "site_name": review.site.name,
            "action": action.action,
            "note": action.done_note,
        },
    )
