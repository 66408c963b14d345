"""Each person's home page is their work: overdue and due-soon items linked to where they
are done, what is new, what to do next, in a fixed number of queries at 30 or 500 sites."""

import datetime

import pytest
import time_machine

from learning_sets.models import Evaluation
from pdsa.models import Comment
from support.models import ReviewAction
from tests.dashboard.test_queries import programme_of
from tests.learning_sets.factories import register, workshop_for
from tests.pdsa.factories import CycleFactory, GoalFactory, PriorityFactory
from tests.support.factories import (
    ProgressReviewFactory,
    ReviewActionFactory,
    ReviewResponseFactory,
)

TODAY = datetime.date(2012, 6, 4)
D = datetime.date


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2012, 6, 4, 9, 0), tick=False):
        yield


def home(client, user) -> str:
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_lead_sees_overdue_goals_stages_and_actions_linked_to_where_they_are_done(client, world):
    priority = PriorityFactory(site=world.site_a)
    goal = GoalFactory(
        priority=priority, title="Peer workers on every ward", target_date=D(2012, 6, 1)
    )
    cycle = CycleFactory(goal=goal, plan_due=D(2012, 6, 10))
    review = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2012, 5, 20),
        next_review_due=D(2012, 8, 20),
    )
    action = ReviewActionFactory(
        review=review,
        action="Name a board sponsor",
        owner_person=world.lead_a.person,
        owner_name="",
        due_on=D(2012, 5, 30),
    )
    GoalFactory(priority=priority, title="Far off", target_date=D(2013, 1, 1))
    page = home(client, world.lead_a)
    assert "Goal: Peer workers on every ward" in page and goal.get_absolute_url() in page
    assert f"/pdsa/cycles/{cycle.pk}/plan/" in page
    assert "Action: Name a board sponsor" in page and action.get_absolute_url() in page
    # the goal (in the due list and under "Your goals") and the action; the stage is only due soon
    assert page.count("Overdue</strong>") == 3
    assert "Far off" not in page.split("New reviews")[0]
    assert f"Progress review of {world.site_a.name}" in page


def test_a_long_due_list_says_how_many_goals_and_actions_it_leaves_out(client, world):
    priority = PriorityFactory(site=world.site_a)
    for n in range(12):
        GoalFactory(priority=priority, title=f"Goal {n}", target_date=D(2012, 6, 1))
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    for n in range(11):
        ReviewActionFactory(
            review=review,
            action=f"Action {n}",
            owner_person=world.lead_a.person,
            due_on=D(2012, 6, 2),
        )
    page = home(client, world.lead_a).split("New reviews")[0]
    assert page.count("Goal: Goal") == 10 and page.count("Action: Action") == 10
    assert "2 more goals near or past their target date beyond the 10 most pressing listed." in page
    assert "1 more agreed action due soon or late beyond the 10 most pressing listed." in page
    # with nothing left out, no such line
    assert "more goals" not in home(client, world.lead_b)


def test_a_member_sees_actions_they_own_but_not_the_leads(client, world):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    ReviewActionFactory(
        review=review,
        action="Mine",
        owner_person=world.member_a.person,
        owner_name="",
        due_on=D(2012, 6, 5),
    )
    ReviewActionFactory(
        review=review,
        action="The lead's",
        owner_person=world.lead_a.person,
        owner_name="",
        due_on=D(2012, 6, 5),
    )
    page = home(client, world.member_a)
    assert "Action: Mine" in page and "Action: The lead&#x27;s" not in page
    page = home(client, world.lead_a)
    assert "Action: Mine" in page and "Action: The lead&#x27;s" in page  # the lead sees the site's


def test_a_lead_sees_new_comments_by_others_and_the_sites_next_workshops(client, world):
    goal = GoalFactory(priority=PriorityFactory(site=world.site_a), title="Recovery college")
    Comment.objects.create(goal=goal, author=world.consultant, text="Good start on the prospectus.")
    workshop = workshop_for([world.site_a], date=D(2012, 7, 1))
    page = home(client, world.lead_a)
    assert "Good start on the prospectus." in page
    assert workshop.get_absolute_url() in page


def test_a_consultant_sees_reviews_due_open_actions_and_recent_activity(client, world):
    review = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2012, 3, 1),
        next_review_due=D(2012, 6, 1),
    )
    action = ReviewActionFactory(review=review, action="Brief the board", due_on=D(2012, 5, 1))
    ReviewResponseFactory(review=review, author=world.lead_a, text="Board briefed in July.")
    ProgressReviewFactory(site=world.site_b, consultant=world.admin)
    page = home(client, world.consultant)
    assert f"Review {world.site_a.name}" in page and "/support/sites/alpha/reviews/add/" in page
    assert "Brief the board" in page and action.get_absolute_url() in page
    assert "Board briefed in July." in page
    assert world.site_b.name not in page.split("The programme")[0]


def test_an_organiser_sees_places_left_waiting_lists_and_missing_evaluations(client, world):
    coming = workshop_for([world.site_a], capacity=1, date=D(2012, 7, 1))
    coming.learning_set.organisers.add(world.organiser)
    register(coming, world.site_a)
    register(coming, world.site_a, waiting_list_ok=True)
    past = workshop_for([world.site_a], date=D(2012, 5, 20))
    past.learning_set.organisers.add(world.organiser)
    answered, silent = register(past, world.site_a), register(past, world.site_a)
    type(answered).objects.filter(pk__in=[answered.pk, silent.pk]).update(attended=True)
    Evaluation.objects.create(delegate=answered, overall_rating=5, usefulness=5)
    page = home(client, world.organiser)
    assert coming.get_absolute_url() in page and "1 waiting" in page
    assert f"/learning-sets/workshops/{past.pk}/evaluation-links/" in page
    assert "1 of 2 attendees yet to answer" in page


def test_the_administrator_sees_what_the_programme_lacks(client, world):
    ReviewActionFactory(
        review=ProgressReviewFactory(site=world.site_a, consultant=world.consultant),
        due_on=D(2012, 1, 1),
    )
    page = home(client, world.admin)
    assert "1 active site without a consultant" in page  # site B
    assert "0 active sites without a project lead" in page
    assert "1 agreed action overdue" in page


def actions_for_every_site(world):
    from support.models import ProgressReview

    ReviewAction.objects.bulk_create(
        ReviewAction(
            review=review,
            action="Act",
            owner_person=world.lead_a.person,
            due_on=D(2012, 6, 1),
        )
        for review in ProgressReview.objects.all()
    )


HOME_QUERIES = 15  # the issue-7 maximum for any page


@pytest.mark.parametrize("n", [30, 500])
@pytest.mark.parametrize("role", ["lead_a", "member_a", "consultant", "organiser", "admin"])
def test_every_home_page_costs_the_same_for_30_or_500_sites(
    client, world, django_assert_max_num_queries, role, n
):
    workshop = programme_of(n, world)
    workshop.learning_set.organisers.add(world.organiser)
    workshop.learning_set.sites.add(world.site_a)
    actions_for_every_site(world)
    client.force_login(getattr(world, role))
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert response.status_code == 200


def test_the_site_page_marks_late_goals_overdue_stages_and_overdue_review_actions(client, world):
    goal = GoalFactory(
        priority=PriorityFactory(site=world.site_a), title="Late goal", target_date=D(2012, 6, 1)
    )
    CycleFactory(goal=goal, plan_due=D(2012, 5, 1))
    GoalFactory(
        priority=goal.priority, title="Achieved", target_date=D(2012, 6, 1), status="achieved"
    )
    review = ProgressReviewFactory(
        site=world.site_a,
        consultant=world.consultant,
        review_date=D(2012, 3, 1),
        next_review_due=D(2012, 6, 1),
    )
    ReviewActionFactory(review=review, due_on=D(2012, 5, 1))
    client.force_login(world.lead_a)
    page = client.get("/sites/alpha/").content.decode()
    assert (
        page.count(">Overdue</strong>") == 2
    )  # the late goal and the review, not the achieved goal
    assert "1 PDSA stage overdue" in page and "1 action overdue" in page
