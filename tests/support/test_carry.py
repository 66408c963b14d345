"""A new review lists the actions still open from earlier reviews; the consultant keeps each
open (carried into the new review), closes it as done or drops it, and must say which."""

import datetime

import pytest

from support.models import ProgressReview, ReviewAction
from tests.support.factories import ProgressReviewFactory, ReviewActionFactory
from tests.support.test_views import review_post

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def earlier(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    return {
        "keep": ReviewActionFactory(review=review, action="Recruit two peer trainers"),
        "done": ReviewActionFactory(review=review, action="Book the board session"),
        "drop": ReviewActionFactory(review=review, action="Print the old prospectus"),
        "closed": ReviewActionFactory(review=review, action="Already finished", done=True),
    }


def carry(earlier, **choices):
    return {f"carry-carry_{earlier[name].pk}": choice for name, choice in choices.items()}


def test_the_new_review_lists_the_open_actions_with_nothing_chosen(world, client, earlier):
    client.force_login(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert "Open actions from earlier reviews" in page
    for name in ("keep", "done", "drop"):
        assert earlier[name].action in page
    assert f'name="carry-carry_{earlier["closed"].pk}"' not in page
    assert 'type="radio"' in page and " checked" not in page


def test_publishing_without_a_choice_for_each_is_refused(world, client, earlier):
    client.force_login(world.consultant)
    response = client.post(
        "/support/sites/alpha/reviews/add/", review_post(**carry(earlier, keep="keep"))
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select what becomes of “Book the board session”." in page
    assert f'href="#id_carry-carry_{earlier["drop"].pk}' in page
    assert ProgressReview.objects.count() == 1


def test_keep_close_and_drop_are_recorded_with_their_history(world, client, earlier):
    client.force_login(world.consultant)
    response = client.post(
        "/support/sites/alpha/reviews/add/",
        review_post(**carry(earlier, keep="keep", done="done", drop="drop")),
    )
    assert response.status_code == 302
    new = ProgressReview.objects.exclude(pk=earlier["keep"].review_id).get()
    kept, done, dropped = (
        ReviewAction.objects.get(pk=earlier[name].pk) for name in ("keep", "done", "drop")
    )
    assert (kept.done, kept.carried_to, kept.review_id) == (False, new, earlier["keep"].review_id)
    assert (done.done, done.dropped, done.done_by) == (True, False, world.consultant)
    assert (dropped.done, dropped.dropped) == (True, True)
    assert "no longer needed" in dropped.done_note
    assert kept.history.count() == 2 and kept.history.first().history_user == world.consultant

    client.force_login(world.lead_a)
    page = client.get(new.get_absolute_url()).content.decode()
    assert "Open actions carried from earlier reviews" in page
    assert "Recruit two peer trainers" in page


def test_a_draft_is_saved_without_choices_and_changes_no_earlier_action(world, client, earlier):
    client.force_login(world.consultant)
    response = client.post("/support/sites/alpha/reviews/add/", review_post(draft="1"))
    assert response.status_code == 302
    assert not ReviewAction.objects.filter(carried_to__isnull=False).exists()
    assert ReviewAction.objects.filter(done=True).count() == 1
    draft = ProgressReview.objects.get(state=ProgressReview.State.DRAFT)
    page = client.get(f"/support/reviews/{draft.pk}/edit/").content.decode()
    assert "Recruit two peer trainers" in page  # asked again when it is published


def test_an_action_of_another_site_cannot_be_carried(world, client, earlier):
    other = ReviewActionFactory(review=ProgressReviewFactory(site=world.site_b))
    client.force_login(world.consultant)
    post = review_post(**carry(earlier, keep="keep", done="done", drop="drop"))
    post[f"carry-carry_{other.pk}"] = "drop"
    assert client.post("/support/sites/alpha/reviews/add/", post).status_code == 302
    other.refresh_from_db()
    assert not other.done
