from support.models import ProgressReview
from tests.walk import Case, expect, site_a_editable, site_a_readable

from .factories import (
    ProgressReviewFactory,
    ReviewActionFactory,
    SupportLogEntryFactory,
    TrainingDeliveryFactory,
)

# Consultants log support at any site; the administrator too. Site teams read.
CONSULTANT_OR_ADMIN = expect(200, lead_a=403, member_a=403, lead_b=404, organiser=403)
# A draft review: only the consultant writing it and the administrator find it.
DRAFT_OF_A = expect(404, consultant=200, admin=200)
# Only the administrator and the consultant assigned to site A review it.
REVIEWER_OF_A = expect(200, lead_a=403, member_a=403, lead_b=404, organiser=403)
# The world's consultant is not assigned to site B: they read its reviews, never write them.
REVIEWER_OF_B = expect(403, lead_a=404, member_a=404, admin=200)
READ_B = expect(200, lead_a=404, member_a=404)


def cases(world):
    a, b = world.site_a, world.site_b
    review_a = ProgressReviewFactory(site=a, consultant=world.consultant)
    review_b = ProgressReviewFactory(site=b, consultant=world.admin)
    draft = ProgressReviewFactory(
        site=a, consultant=world.consultant, state=ProgressReview.State.DRAFT
    )
    entry = SupportLogEntryFactory(site=a, given_by=world.consultant)
    course = TrainingDeliveryFactory(site=a)
    action = ReviewActionFactory(review=review_a, owner_person=world.member_a.person, owner_name="")
    return [
        Case("support:action-detail", f"/support/actions/{action.pk}/", site_a_readable()),
        Case(
            "support:action-detail",
            f"/support/actions/{action.pk}/",
            expect(302, lead_b=404, consultant=403, organiser=403),
            method="post",
            data={"done": "no", "note": "walk"},
        ),
        Case("support:review-index", "/support/reviews/", expect(200)),
        Case("support:site-support", f"/support/sites/{a.slug}/", site_a_readable()),
        Case("support:site-support", f"/support/sites/{b.slug}/", READ_B),
        Case("support:package-edit", f"/support/sites/{a.slug}/package/", REVIEWER_OF_A),
        Case("support:package-edit", f"/support/sites/{b.slug}/package/", REVIEWER_OF_B),
        Case("support:log-add", f"/support/sites/{a.slug}/log/add/", CONSULTANT_OR_ADMIN),
        Case(
            "support:log-edit",
            f"/support/sites/{a.slug}/log/{entry.pk}/edit/",
            CONSULTANT_OR_ADMIN,
        ),
        Case(
            "support:log-delete",
            f"/support/sites/{a.slug}/log/{entry.pk}/delete/",
            expect(302, lead_a=403, member_a=403, lead_b=404, organiser=403),
            method="post",
        ),
        Case(
            "support:log-edit",
            f"/support/sites/{b.slug}/log/{entry.pk}/edit/",
            expect(404, lead_a=404, member_a=404, lead_b=404),
        ),
        Case(
            "support:log-add",
            f"/support/sites/{b.slug}/log/add/",
            expect(200, lead_a=404, member_a=404, lead_b=403, organiser=403),
        ),
        Case(
            "support:training-edit",
            f"/support/sites/{a.slug}/training/{course.pk}/edit/",
            expect(200, lead_b=404, organiser=403),
        ),
        Case(
            "support:training-delete",
            f"/support/sites/{a.slug}/training/{course.pk}/delete/",
            expect(302, lead_b=404, organiser=403),
            method="post",
        ),
        Case(
            "support:training-add",
            f"/support/sites/{a.slug}/training/add/",
            expect(200, lead_b=404, organiser=403),
        ),
        Case("support:outcomes", f"/support/sites/{a.slug}/outcomes/", site_a_readable()),
        Case("support:outcome-add", f"/support/sites/{a.slug}/outcomes/add/", site_a_editable()),
        Case("support:review-list", f"/support/sites/{a.slug}/reviews/", site_a_readable()),
        Case("support:review-add", f"/support/sites/{a.slug}/reviews/add/", REVIEWER_OF_A),
        Case("support:review-add", f"/support/sites/{b.slug}/reviews/add/", REVIEWER_OF_B),
        Case("support:review-detail", f"/support/reviews/{review_a.pk}/", site_a_readable()),
        Case("support:review-detail", f"/support/reviews/{review_b.pk}/", READ_B),
        Case("support:review-edit", f"/support/reviews/{review_a.pk}/edit/", REVIEWER_OF_A),
        Case("support:review-edit", f"/support/reviews/{review_b.pk}/edit/", REVIEWER_OF_B),
        Case("support:review-detail", f"/support/reviews/{draft.pk}/", DRAFT_OF_A),
        Case("support:review-edit", f"/support/reviews/{draft.pk}/edit/", DRAFT_OF_A),
        Case(
            "support:review-respond",
            f"/support/reviews/{draft.pk}/respond/",
            expect(404, admin=403, consultant=403),
            method="post",
            data={"text": "A draft has nobody to answer it."},
        ),
        Case(
            "support:review-respond",
            f"/support/reviews/{review_a.pk}/respond/",
            expect(302, lead_b=404, consultant=403, organiser=403),
            method="post",
            data={"text": "We have started on the actions."},
        ),
    ]
