"""Reminders to ImROC consultants (registered with ``notifications.registry``)."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse

from imroc.dates import day_month, long_date
from notifications.registry import Due, register

from .models import ProgressReview

DUE_WITHIN = datetime.timedelta(days=7)


@register("review_due", label="A progress review of your site is due")
def review_due(today):
    """The site's latest review names when the next is due: from 7 days before, to each
    consultant assigned to the site; once more if the date passes without a new review."""
    newest = (
        ProgressReview.objects.published()
        .filter(site=OuterRef("site"))
        .order_by("-review_date", "-pk")
    )
    consultants = get_user_model().objects.filter(is_active=True)
    reviews = list(
        ProgressReview.objects.published()
        .filter(
            pk=Subquery(newest.values("pk")[:1]),
            site__is_active=True,
            next_review_due__lte=today + DUE_WITHIN,
        )
        .select_related("site")
        .prefetch_related(Prefetch("site__consultants", queryset=consultants))
    )
    for review in reviews:
        site, due = review.site, review.next_review_due
        overdue = due < today
        state = "overdue" if overdue else "soon"
        when = f"was due on {long_date(due)}" if overdue else f"is due on {long_date(due)}"
        for consultant in site.consultants.all():
            yield Due(
                kind="review_due",
                recipient=consultant,
                key=f"review:{review.pk}:{state}:{due:%Y-%m-%d}",
                subject=f"{site.name}: the next progress review "
                + ("is overdue" if overdue else f"is due on {day_month(due)}"),
                url=reverse("support:review-list", kwargs={"slug": site.slug}),
                context={
                    "message": (
                        f"The next progress review of {site.name} {when} (the last one was on "
                        f"{long_date(review.review_date)}, status: {review.get_status_display()})."
                    ),
                    "site_name": site.name,
                },
            )
