"""Reviews are in the audit log: written, changed, published (with what became of the
earlier actions) and deleted, with who did it; the log names the site and the review's
date, never a draft's text."""

import pytest

from audit.models import AuditEvent
from support.models import ProgressReview
from tests.support.factories import ProgressReviewFactory, ReviewActionFactory
from tests.support.test_views import review_post

Action = AuditEvent.Action
DRAFT_TEXT = "A draft the lead must not read yet."


def logged(action) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


@pytest.fixture
def earlier(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    return [
        ReviewActionFactory(review=review, action="Recruit two peer trainers"),
        ReviewActionFactory(review=review, action="Book the board session"),
    ]


def test_a_draft_changed_and_published_is_logged_without_its_text(client, world, earlier):
    keep, done = earlier
    client.force_login(world.consultant)
    client.post(
        "/support/sites/alpha/reviews/add/",
        review_post(draft="1", **{"review-progress": DRAFT_TEXT}),
    )
    draft = ProgressReview.objects.get(state=ProgressReview.State.DRAFT)
    [written] = logged(Action.REVIEW_WRITTEN)
    assert written.user == world.consultant
    assert written.what == f"{world.site_a.name}: review of 10 February 2012 (draft)"

    client.force_login(world.admin)  # the administrator finishes and publishes it
    response = client.post(
        f"/support/reviews/{draft.pk}/edit/",
        review_post(
            **{
                "review-progress": DRAFT_TEXT,
                f"carry-carry_{keep.pk}": "keep",
                f"carry-carry_{done.pk}": "done",
            }
        ),
    )
    assert response.status_code == 302
    [changed] = logged(Action.REVIEW_CHANGED)
    [published] = logged(Action.REVIEW_PUBLISHED)
    [carried] = logged(Action.ACTIONS_CARRIED)
    assert changed.user == published.user == carried.user == world.admin
    assert changed.what.endswith("(draft)")  # changed while still a draft
    assert published.what == f"{world.site_a.name}: review of 10 February 2012"
    assert carried.what.endswith("earlier actions: 1 carried into it, 1 closed as done")

    page = client.get("/audit/").content.decode()
    for label in ("Review written", "Review changed", "Review published", "Earlier review"):
        assert label in page
    assert DRAFT_TEXT not in page


def test_a_review_deleted_in_the_admin_is_logged(client, world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    client.force_login(world.admin)
    response = client.post(f"/admin/support/progressreview/{review.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ProgressReview.objects.exists()
    [deleted] = logged(Action.REVIEW_DELETED)
    assert deleted.user == world.admin
    assert deleted.what == f"{world.site_a.name}: review of 15 January 2012"
    assert "Review deleted" in client.get("/audit/?action=review_deleted").content.decode()


def test_only_the_administrator_reads_the_log_of_reviews(client, world):
    client.force_login(world.consultant)
    client.post("/support/sites/alpha/reviews/add/", review_post(draft="1"))
    assert logged(Action.REVIEW_WRITTEN)
    assert client.get("/audit/").status_code == 403
