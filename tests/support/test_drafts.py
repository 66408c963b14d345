"""A review may be kept as a draft that only its consultant sees; publishing it tells the
site's lead (in the app and by email) and the owners of its actions, never before."""

import datetime

import pytest
from django.core import mail

from notifications.models import Notification
from support import selectors, services
from support.models import ProgressReview
from tests.support.factories import ProgressReviewFactory, ReviewActionFactory
from tests.support.test_views import review_post

pytestmark = pytest.mark.django_db
D = datetime.date


def lead(world) -> str:
    """The lead's choice among the owners offered (a project-group member)."""
    return f"p{world.site_a.project_group.get(person__user=world.lead_a).person_id}"


def draft(world, **fields):
    review = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        state=ProgressReview.State.DRAFT,
        progress="A draft the lead must not read yet.",
        **fields,
    )
    ReviewActionFactory(review=review, owner_name="", owner_user=world.lead_a)
    return review


def test_save_as_draft_tells_nobody_and_the_lead_cannot_open_it(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.consultant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/support/sites/alpha/reviews/add/",
            review_post(draft="1", **{"actions-0-owner_name": "", "actions-0-owner": lead(world)}),
        )
    review = ProgressReview.objects.get()
    assert response.status_code == 302
    assert review.is_draft and review.published_at is None
    assert mail.outbox == [] and not Notification.objects.exists()
    page = client.get(review.get_absolute_url()).content.decode()
    assert "only you can see it" in page

    client.force_login(world.lead_a)
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(f"/support/actions/{review.actions.get().pk}/").status_code == 404
    listing = client.get("/support/sites/alpha/reviews/").content.decode()
    assert "0 reviews" in listing
    client.force_login(world.member_a)
    assert client.get(review.get_absolute_url()).status_code == 404


def test_drafts_count_nowhere_the_site_is_shown(world):
    published = ProgressReviewFactory(site=world.site_a, review_date=D(2012, 1, 15))
    draft(world, review_date=D(2012, 3, 1), next_review_due=D(2012, 6, 1))
    assert selectors.latest_reviews_by_site([world.site_a.pk])[world.site_a.pk] == published
    site = selectors.with_review_status(type(world.site_a).objects.filter(pk=world.site_a.pk))
    assert site.get().review_pk == published.pk
    assert selectors.previous_review(world.site_a) == published
    assert list(selectors.actions_for_user(world.lead_a)) == []
    # its consultant and the administrator still find it
    assert selectors.reviews_for_user(world.consultant).count() == 2
    assert selectors.reviews_for_user(world.admin).count() == 2
    assert selectors.reviews_for_user(world.lead_a).count() == 1


def test_publishing_tells_the_lead_in_the_app_and_by_email_and_the_owners(
    world, client, django_capture_on_commit_callbacks
):
    review = draft(world)
    client.force_login(world.consultant)
    post = review_post(
        **{
            "review-progress": "Published at last.",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "1",
            "actions-0-id": str(review.actions.get().pk),
            "actions-0-review": str(review.pk),
            "actions-0-action": "Agree the job description",
            "actions-0-owner": lead(world),
            "actions-0-owner_name": "",
            "publish": "1",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/support/reviews/{review.pk}/edit/", post)
    assert response.status_code == 302
    review.refresh_from_db()
    assert not review.is_draft and review.published_at is not None
    kinds = sorted(Notification.objects.filter(user=world.lead_a).values_list("kind", flat=True))
    assert kinds == ["action_assigned", "review_published"]
    assert any("published a progress review" in m.subject for m in mail.outbox)
    assert [m.to for m in mail.outbox if "published" in m.subject] == [[world.lead_a.email]]
    client.force_login(world.lead_a)
    assert "Published at last." in client.get(review.get_absolute_url()).content.decode()


def test_publish_is_once_only(world):
    review = draft(world)
    services.review_publish(review=review)
    with pytest.raises(ValueError):
        services.review_publish(review=review)


def test_a_lead_cannot_respond_to_a_draft(world, client):
    review = draft(world)
    client.force_login(world.admin)
    response = client.post(f"/support/reviews/{review.pk}/respond/", {"text": "Thanks"})
    assert response.status_code == 403
