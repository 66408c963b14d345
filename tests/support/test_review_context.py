"""The review page shows the site's assessment, goals, cycles and indicators beside the form,
in a fixed number of queries however much work the site has."""

import datetime

import pytest

from pdsa.models import Goal
from tests.challenges.factories import assess
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    completed,
)

REVIEW_PAGE_QUERIES = 12  # the issue-27 maximum for any page


def work(site, n):
    assess(site, [0] * 10, on=datetime.date(2011, 6, 1))
    assess(site, [1, 2, 0, 0, 0, 0, 0, 0, 0, 0], on=datetime.date(2012, 1, 10))
    priority = PriorityFactory(site=site)
    for i in range(n):
        goal = GoalFactory(priority=priority, title=f"Goal {i}", status=Goal.Status.STALLED)
        CycleFactory(goal=goal, number=1)
        completed(goal=goal, number=2, act_done=datetime.date.today())
        indicator = IndicatorFactory(goal=goal, name=f"Indicator {i}", target=50)
        for day in range(n):
            DataPointFactory(
                indicator=indicator,
                date=datetime.date(2012, 1, 2) + datetime.timedelta(days=7 * day),
                value=10 + day,
            )


@pytest.mark.parametrize("n", [1, 12])
def test_review_form_shows_the_site_now_in_constant_queries(
    world, client, django_assert_max_num_queries, n
):
    work(world.site_a, n)
    client.force_login(world.consultant)
    client.get("/support/sites/alpha/reviews/add/")  # the first read stores the chart results
    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        response = client.get("/support/sites/alpha/reviews/add/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Latest assessment" in page
    assert "up from" in page  # challenge 1 moved up a stage
    assert page.count("Stalled") == n
    assert "overdue" in page  # the open cycles' plan stage was due in January 2012
    assert f"Indicator {n - 1}" in page
    assert f"latest {10 + n - 1}%" in page
    assert "target 50%" in page and "not met yet" in page


def test_xmr_signal_of_the_latest_point_is_written_out(world, client):
    indicator = IndicatorFactory(goal=GoalFactory(priority=PriorityFactory(site=world.site_a)))
    for day, value in enumerate([10, 11, 10, 12, 11, 10, 11, 10, 11, 12, 10, 90]):
        DataPointFactory(
            indicator=indicator,
            date=datetime.date(2012, 1, 2) + datetime.timedelta(days=day),
            value=value,
        )
    client.force_login(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert "XmR: improvement: outside the process limits" in page
    assert "Run chart: the latest point is part of an astronomical point" in page


def test_a_site_with_no_work_says_so(world, client):
    client.force_login(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert "Not assessed yet." in page
    assert "No open goals." in page
    assert "No indicators yet." in page


def test_a_busy_site_lists_overdue_cycles_first_and_counts_the_rest(world, client):
    priority = PriorityFactory(site=world.site_a)
    goal = GoalFactory(priority=priority, title="Busy goal", status=Goal.Status.IN_PROGRESS)
    for number in range(1, 31):
        CycleFactory(goal=goal, number=number)
    achieved = GoalFactory(priority=priority, title="Done goal", status=Goal.Status.ACHIEVED)
    CycleFactory(goal=achieved, number=1)
    client.force_login(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert "30 cycles of open goals" in page
    assert "5 more on" in page and "/pdsa/sites/alpha/timeline/?kind=cycle" in page
    assert "Done goal" not in page and "1 achieved or abandoned goal not listed" in page


def test_a_new_value_shows_at_once_and_moves_its_indicator_up(world, client):
    """The shown indicators and their summaries are kept under the indicators' data
    versions: a value added through the service is read on the next view."""
    from pdsa import services as pdsa_services

    priority = PriorityFactory(site=world.site_a)
    quiet, loud = (
        IndicatorFactory(goal=GoalFactory(priority=priority, title=title), name=name)
        for title, name in (("A goal", "Quiet indicator"), ("B goal", "Loud indicator"))
    )
    start = datetime.date(2012, 1, 2)
    for indicator in (quiet, loud):
        pdsa_services.data_points_add(
            indicator=indicator,
            rows=[
                (start + datetime.timedelta(days=day), value, "")
                for day, value in enumerate([10, 11, 10, 12, 11, 10, 11, 10, 11, 12, 10])
            ],
        )
    client.force_login(world.consultant)
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert page.index("Quiet indicator") < page.index("Loud indicator")  # by goal title
    assert "latest 10" in page and "astronomical" not in page

    pdsa_services.data_points_add(
        indicator=loud, rows=[(start + datetime.timedelta(days=11), 90, "")]
    )
    page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    assert page.index("Loud indicator") < page.index("Quiet indicator")  # a signal first
    assert "latest 90" in page and "an astronomical point" in page


def test_the_previous_review_lists_all_its_actions_and_the_carry_form_every_open_one(
    world, client, django_assert_max_num_queries
):
    """The previous review's actions (done or not) and the actions still open from every
    earlier review come from one query."""
    from tests.support.factories import ProgressReviewFactory, ReviewActionFactory

    older = ProgressReviewFactory(site=world.site_a, review_date=datetime.date(2011, 6, 1))
    latest = ProgressReviewFactory(site=world.site_a, review_date=datetime.date(2011, 9, 1))
    ReviewActionFactory(review=older, action="Recruit two peer workers")
    ReviewActionFactory(review=older, action="Open the college", done=True)
    ReviewActionFactory(review=latest, action="Train the board", done=True)
    ReviewActionFactory(review=latest, action="Write the strategy")
    client.force_login(world.consultant)
    client.get("/support/sites/alpha/reviews/add/")  # keeps the source figures
    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        page = client.get("/support/sites/alpha/reviews/add/").content.decode()
    previous = page[page.index('id="ctx-previous"') : page.index('id="ctx-stages"')]
    assert "Train the board" in previous and "Write the strategy" in previous
    assert "Recruit two peer workers" not in previous  # the older review's
    carried = page[page.index('id="carried"') : page.index('id="actions"')]
    assert "Recruit two peer workers" in carried and "Write the strategy" in carried
    assert "Train the board" not in carried and "Open the college" not in carried
    assert carried.index("Recruit two peer workers") < carried.index("Write the strategy")
