"""Agreed actions as work items: an owner from the programme, a due date, a done state the
owner or the site's lead sets with a note, kept across edits of the review."""

import datetime

import pytest

from support.models import ProgressReview, ReviewAction
from tests.sites.factories import UserFactory

from .factories import ProgressReviewFactory, ReviewActionFactory
from .test_views import review_post

D = datetime.date


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def owner_of(user) -> str:
    return f"p{user.person.pk}"


def test_the_consultant_picks_the_lead_as_the_owner_of_an_action(world, as_user):
    client = as_user(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert world.lead_a.person.full_name in page and world.consultant.get_full_name() in page
    assert world.lead_b.person.full_name not in page  # another site's lead is no choice
    response = client.post(
        "/support/sites/alpha/reviews/add/",
        review_post(**{"actions-0-owner": owner_of(world.lead_a), "actions-0-owner_name": ""}),
    )
    assert response.status_code == 302
    action = ReviewAction.objects.get()
    assert action.owner_person == world.lead_a.person and action.owner_name == ""
    assert action.owner_account == world.lead_a


def test_an_owner_not_of_the_site_is_refused_with_a_message(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/reviews/add/",
        review_post(**{"actions-0-owner": owner_of(world.lead_b)}),
    )
    assert response.status_code == 200
    assert "from the list" in str(response.context["formset"].errors[0]["owner"])
    assert not ProgressReview.objects.exists()


def test_add_another_action_shows_one_more_row_and_keeps_what_was_typed(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/reviews/add/", review_post(add_action="1")
    )
    assert response.status_code == 200 and not ProgressReview.objects.exists()
    formset = response.context["formset"]
    assert formset.total_form_count() == 3
    page = response.content.decode()
    assert "Write the college prospectus" in page and "There is a problem" not in page


def test_a_tampered_number_of_action_rows_is_refused_without_saving(world, as_user):
    response = as_user(world.consultant).post(
        "/support/sites/alpha/reviews/add/", review_post(**{"actions-TOTAL_FORMS": "999999999"})
    )
    assert response.status_code == 200
    assert "Please submit at most 30 forms" in str(response.context["formset"].non_form_errors())
    assert not ProgressReview.objects.exists()


@pytest.fixture
def action(world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    return ReviewActionFactory(
        review=review, owner_person=world.member_a.person, owner_name="", due_on=D(2012, 1, 1)
    )


@pytest.mark.parametrize("who", ["member_a", "lead_a", "admin"])
def test_the_owner_or_the_lead_marks_an_action_done_with_a_note(world, as_user, action, who):
    response = as_user(getattr(world, who)).post(
        f"/support/actions/{action.pk}/", {"done": "yes", "note": "Sponsor agreed."}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done and action.done_note == "Sponsor agreed."
    assert action.done_by == getattr(world, who)


@pytest.mark.parametrize(
    ("who", "status"), [("consultant", 403), ("organiser", 403), ("lead_b", 404)]
)
def test_others_cannot_mark_an_action_done(world, as_user, action, who, status):
    response = as_user(getattr(world, who)).post(
        f"/support/actions/{action.pk}/", {"done": "yes", "note": "x"}
    )
    assert response.status_code == status
    action.refresh_from_db()
    assert not action.done


def test_a_member_who_does_not_own_the_action_reads_it_but_cannot_change_it(world, as_user):
    other = UserFactory()
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    owned = ReviewActionFactory(review=review, owner_user=other, owner_name="")
    client = as_user(world.member_a)
    page = client.get(f"/support/actions/{owned.pk}/").content.decode()
    assert "Update the action" not in page
    assert client.post(f"/support/actions/{owned.pk}/", {"done": "yes"}).status_code == 403


def test_an_overdue_action_says_overdue_on_the_review_and_its_page(world, as_user, action):
    client = as_user(world.lead_a)
    review_page = client.get(action.review.get_absolute_url()).content.decode()
    assert "Overdue" in review_page
    action_page = client.get(f"/support/actions/{action.pk}/").content.decode()
    assert "Overdue" in action_page
    client.post(f"/support/actions/{action.pk}/", {"done": "yes", "note": ""})
    assert "Overdue" not in client.get(f"/support/actions/{action.pk}/").content.decode()


def test_editing_the_review_keeps_the_actions_done_state_and_note(world, as_user, action):
    as_user(world.member_a).post(
        f"/support/actions/{action.pk}/", {"done": "yes", "note": "Sponsor agreed."}
    )
    response = as_user(world.consultant).post(
        f"/support/reviews/{action.review.pk}/edit/",
        review_post(
            **{
                "actions-INITIAL_FORMS": "1",
                "actions-0-id": str(action.pk),
                "actions-0-action": "Name a board sponsor, reworded",
                "actions-0-owner": owner_of(world.member_a),
                "actions-0-owner_name": "",
                "actions-0-due_on": "2012-02-28",
            }
        ),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.action == "Name a board sponsor, reworded"
    assert action.done and action.done_note == "Sponsor agreed."


def test_the_reviews_list_marks_overdue_actions_and_an_overdue_next_review(world, as_user, action):
    page = as_user(world.lead_a).get("/support/sites/alpha/reviews/").content.decode()
    assert "1 overdue" in page and "Overdue" in page


@pytest.mark.parametrize("n", [1, 15])
def test_the_action_page_and_review_pages_cost_the_same_for_many_actions(
    world, as_user, django_assert_max_num_queries, n
):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    actions = [
        ReviewActionFactory(review=review, owner_person=world.lead_a.person, owner_name="")
        for _ in range(n)
    ]
    client = as_user(world.lead_a)
    for url in (
        f"/support/actions/{actions[0].pk}/",
        review.get_absolute_url(),
        "/support/reviews/",
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    client = as_user(world.consultant)
    with django_assert_max_num_queries(30):
        assert client.get(f"/support/reviews/{review.pk}/edit/").status_code == 200
