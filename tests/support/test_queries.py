"""Every list and detail page answers in a fixed number of queries, with 1 row or many."""

import datetime

import pytest

from tests.sites.budgets import SITE_PAGE_QUERIES
from tests.support.factories import (
    ProgrammeOutcomeFactory,
    ProgressReviewFactory,
    ReviewActionFactory,
    ReviewResponseFactory,
    SupportLogEntryFactory,
    SupportPackageFactory,
    TrainingDeliveryFactory,
)

ROWS = [1, 20]


def fill(world, n):
    site = world.site_a
    SupportPackageFactory(site=site)
    for i in range(n):
        day = datetime.date(2011, 4, 1) + datetime.timedelta(days=i * 7)
        SupportLogEntryFactory(site=site, date=day, given_by=world.consultant)
        SupportLogEntryFactory(
            site=site,
            date=day,
            given_by=None,
            given_by_name="Jane",
            is_peer_trainer=True,
            recorded_by=world.consultant,
            kind="training_session",
        )
        TrainingDeliveryFactory(site=site, date=day, recorded_by=world.consultant)
        ProgrammeOutcomeFactory(
            site=site, recorded_on=day, recorded_by=world.lead_a, uses_wrap=True
        )
        review = ProgressReviewFactory(
            site=site,
            consultant=world.consultant,
            review_date=day,
            next_review_due=day + datetime.timedelta(days=90),
        )
        ReviewActionFactory(review=review)
        ReviewActionFactory(review=review, done=True)
        ReviewResponseFactory(review=review, author=world.lead_a)
    return review


# (url, user, queries): the budget covers session, user, role and site-role look-ups.
PAGES = {
    "site page": ("/sites/alpha/", "lead_a", SITE_PAGE_QUERIES),
    "support page": ("/support/sites/alpha/", "consultant", 13),
    "support page filtered": (
        "/support/sites/alpha/?kind=site_visit&date_from=2011-01-01",
        "lead_a",
        13,
    ),
    "outcomes": ("/support/sites/alpha/outcomes/", "lead_a", 6),
    "review index": ("/support/reviews/", "consultant", 5),
    "site reviews": ("/support/sites/alpha/reviews/", "lead_a", 7),
    "new review form": ("/support/sites/alpha/reviews/add/", "consultant", 12),
}


@pytest.mark.parametrize("n", ROWS)
@pytest.mark.parametrize("screen", PAGES)
def test_pages_answer_in_constant_queries(world, client, django_assert_max_num_queries, screen, n):
    fill(world, n)
    url, role, budget = PAGES[screen]
    client.force_login(world.users[role])
    if screen == "new review form":
        client.get(url)  # the first view after a write keeps the source figures (2 queries)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n", ROWS)
@pytest.mark.parametrize("role, budget", [("lead_a", 8), ("consultant", 8)])
def test_review_pages_answer_in_constant_queries(
    world, client, django_assert_max_num_queries, role, budget, n
):
    review = fill(world, n)
    for _ in range(n - 1):
        ReviewActionFactory(review=review)
        ReviewResponseFactory(review=review, author=world.lead_a)
    client.force_login(world.users[role])
    with django_assert_max_num_queries(budget):
        assert client.get(review.get_absolute_url()).status_code == 200
    client.get(f"/support/reviews/{review.pk}/edit/")  # keeps the source figures
    # Editing reads the review and its own actions (the formset) besides the new form's.
    with django_assert_max_num_queries(13):  # the review form with the site now
        response = client.get(f"/support/reviews/{review.pk}/edit/")
    assert response.status_code == (200 if role == "consultant" else 403)
