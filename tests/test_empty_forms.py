"""Every form, sent empty (an edit form emptied first), answers the NHS.UK way: the title
starts "Error: ", an error summary at the top takes the focus, and each of its links leads to
a field on the page."""

import pytest
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, sign_in
from tests.colleges.factories import college, term
from tests.pdsa.factories import (
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
)
from tests.teams import helpers as team_helpers

pytestmark = BROWSER_TEST


def _goal(world):
    return GoalFactory(priority=PriorityFactory(site=world.site_a))


def _value_url(world):
    point = DataPointFactory(indicator=IndicatorFactory(goal=_goal(world)))
    return f"/pdsa/indicators/{point.indicator_id}/data/{point.pk}/edit/"


def _course_url(world):
    new_term = term(college(world.site_a))
    return f"/colleges/{new_term.college_id}/terms/{new_term.pk}/courses/new/"


# (who, how to build the URL, the submit button's name)
FORMS = {
    "sign in": (None, lambda world: "/accounts/login/", "Sign in"),
    "password": ("lead_a", lambda world: "/accounts/password-change/", "Change password"),
    "site details": ("admin", lambda world: "/sites/alpha/edit/", "Save site"),
    "project group member": ("lead_a", lambda world: "/sites/alpha/group/add/", "Save member"),
    "self-assessment": (
        "lead_a",
        lambda world: "/challenges/sites/alpha/assessments/new/",
        "Save assessment",
    ),
    "goal": (
        "lead_a",
        lambda world: f"/pdsa/sites/alpha/goals/add/?_={PriorityFactory(site=world.site_a).pk}",
        "Save goal",
    ),
    "indicator": ("lead_a", lambda world: f"/pdsa/goals/{_goal(world).pk}/indicators/add/", None),
    "cycle plan": ("lead_a", lambda world: f"/pdsa/goals/{_goal(world).pk}/cycles/add/", None),
    "indicator value": ("lead_a", lambda world: _value_url(world), "Save the value"),
    "programme report": ("admin", lambda world: "/reports/", "Prepare the programme report"),
    "team": ("lead_a", lambda world: "/teams/sites/alpha/new/", "Save team"),
    "team assessment": (
        "lead_a",
        lambda world: f"/teams/{team_helpers.team(world.site_a).pk}/assessments/new/",
        "Save assessment",
    ),
    "team plan action": (
        "lead_a",
        lambda world: f"/teams/{team_helpers.team(world.site_a).pk}/actions/new/",
        "Save action",
    ),
    "recovery college": ("lead_a", lambda world: "/colleges/sites/alpha/new/", "Save college"),
    "fidelity check": (
        "lead_a",
        lambda world: f"/colleges/{college(world.site_a).pk}/checks/new/",
        "Save the check",
    ),
    "college term": (
        "lead_a",
        lambda world: f"/colleges/{college(world.site_a).pk}/terms/new/",
        "Save term",
    ),
    "college course": (
        "lead_a",
        lambda world: _course_url(world),
        "Save course",
    ),
}


@pytest.mark.parametrize("form", FORMS)
def test_a_form_sent_empty_shows_a_focused_error_summary_linking_to_the_fields(
    world, page, live_server, form
):
    who, url, button = FORMS[form]
    url = url(world)
    if who:
        sign_in(page, live_server.url, world.users[who])
    page.goto(f"{live_server.url}{url}")
    assert not page.title().startswith("Error: ")
    main = page.get_by_role("main")
    boxes = main.locator(
        "form[method=post] :is(input[type=text], input[type=email], input[type=number], "
        "input[type=password], textarea)"
    )
    for index in range(boxes.count()):
        if boxes.nth(index).is_visible():
            boxes.nth(index).fill("")  # an edit form starts filled in: empty it
    submit = (
        main.get_by_role("button", name=button)
        if button
        else main.locator("form[method=post] button[type=submit]").last
    )
    submit.click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    assert summary.get_by_role("alert").count() == 1
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert targets, "the summary links to no field"
    for target in targets:
        assert page.locator(f"[id='{target}']").count() == 1, f"no field #{target}"
    summary.locator("a").first.click()
    expect(page.locator(f"[id='{targets[0]}']")).to_be_focused()
    assert_accessible(page)
