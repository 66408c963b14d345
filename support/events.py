"""Events of reviews (registered with ``notifications.registry``; raised by the services):
a consultant's review reaches the site's leads, and the site's response reaches the consultant."""

from notifications.registry import Due, register_event
from sites.selectors import leads_by_site

from .models import ProgressReview, ReviewResponse


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
                    f"{review.review_date:%-d %B %Y}: {review.get_status_display().lower()}. "
                    "Read it, see the actions agreed and respond for the site."
                ),
                "site_name": site.name,
                "status": review.get_status_display(),
                "next_review_due": f"{review.next_review_due:%-d %B %Y}",
            },
        )


@register_event("review_response", label="A site responded to your progress review")
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
                f"{review.review_date:%-d %B %Y}."
            ),
            "site_name": review.site.name,
            "response": response.text,
        },
    )
