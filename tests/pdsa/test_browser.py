"""Issue 3's journey: a project lead, in Chromium, assesses their site, sets priorities and
easy and hard goals, measures, runs three PDSA cycles (one abandoned) and reads the run chart."""

import datetime

from playwright.sync_api import expect

from pdsa.models import Cycle, DataPoint
from tests.browser import BROWSER_TEST, assert_accessible, choose, fill_date
from tests.challenges.test_browser import STAGES, open_assessment_form, rate
from tests.pdsa.factories import challenge
from tests.sites.factories import ProjectGroupMemberFactory

pytestmark = BROWSER_TEST

# 12 weeks around 40%, then 10 weeks around 60%: a shift on the run chart.
BEFORE = [40, 42, 39, 41, 38, 40, 43, 39, 41, 40, 42, 38]
AFTER = [58, 61, 60, 59, 62, 60, 63, 61, 59, 60]
FIRST = datetime.date(2012, 1, 9)


def csv_text() -> str:
    lines = ["date,value,note"]
    for i, value in enumerate(BEFORE + AFTER):
        day = FIRST + datetime.timedelta(days=7 * i)
        lines.append(f"{day:%d/%m/%Y},{value}" + (",prompt cards start" if i == 12 else ""))
    return "\n".join(lines)


def save(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
    assert_accessible(page)


def fill_goal(page, title, difficulty, priority):
    page.get_by_role("link", name="Add a goal").click()
    assert_accessible(page)
    page.get_by_label("Priority challenge").select_option(label=priority)
    page.get_by_label("Title").fill(title)
    page.get_by_label(difficulty, exact=True).check()
    page.get_by_label("Owner").select_option(index=1)
    fill_date(page, "Start date", "2012-01-02")
    fill_date(page, "Target date", "2012-12-31")
    choose(page, "Status", "In progress")
    save(page, "Save goal")
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def run_cycle(page, idea, outcome, learning, *, prefilled=False):
    if not prefilled:
        page.get_by_role("link", name="Plan a new cycle").click()
        assert_accessible(page)
        page.get_by_label("Objective").fill("Every care review records a personal goal.")
        page.get_by_label("Prediction").fill("Half of reviews within a month.")
        page.get_by_label("Percentage of care reviews with a personal goal").check()
    page.get_by_label("Change idea").fill(idea)
    fill_date(page, "Test starts on", "2012-03-26")
    fill_date(page, "Test ends on", "2012-05-28")
    page.get_by_label("The plan stage is complete").check()
    save(page, "Save plan")
    for stage, field, text in [
        ("do", "What happened", "Ran on two wards."),
        ("study", "Results against the prediction", "Fewer than predicted."),
    ]:
        page.get_by_role("link", name=f"Edit {stage}").click()
        if stage == "study":  # the watched data sits beside the study on the cycle page
            expect(page.get_by_text("Half of reviews within a month.")).to_be_visible()
        assert_accessible(page)
        page.get_by_label(field).fill(text)
        page.get_by_label(f"The {stage} stage is complete").check()
        save(page, f"Save {stage}")
    expect(page.get_by_role("cell", name="prompt cards start")).to_be_visible()
    page.get_by_role("link", name="Edit act").click()
    assert_accessible(page)
    page.get_by_label(outcome, exact=True).check()
    page.get_by_label("What we learned").fill(learning)
    page.get_by_label("What next").fill("Try it with the ward manager leading.")
    page.get_by_label("The act stage is complete").check()
    save(page, "Save act")


def test_lead_assesses_sets_goals_measures_and_runs_three_cycles(
    world, signed_in_page, live_server
):
    ProjectGroupMemberFactory(
        site=world.site_a, person__full_name="Dan Ellery", perspective="service_user"
    )
    page = signed_in_page(world.lead_a)
    assert_accessible(page)
    page.get_by_role("link", name="Alpha Partnership NHS Trust").first.click()
    expect(page.get_by_text("Not yet: Self-assessment against the challenges done")).to_be_visible()
    assert_accessible(page)

    open_assessment_form(page)
    page.get_by_label("Dan Ellery (Service user)").check()
    rate(page, STAGES)
    save(page, "Save assessment")
    expect(page.get_by_text("Co-produced", exact=True)).to_be_visible()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Alpha Partnership NHS Trust"
    ).click()
    expect(page.get_by_text("Done: Self-assessment against the challenges done")).to_be_visible()

    page.get_by_role("link", name="Set priorities").click()
    assert_accessible(page)
    page.get_by_label("1. Changing the nature").check()
    page.get_by_label("6. Transforming the workforce").check()
    save(page, "Save priorities")
    expect(page.get_by_text("2-3 priority challenges agreed (2 now)")).to_be_visible()

    fill_goal(page, "Peer workers in every team", "Hard", str(challenge(6)))
    page.get_by_role("link", name="Alpha Partnership NHS Trust").click()
    fill_goal(page, "Personal goals in care reviews", "Easy", str(challenge(1)))

    page.get_by_role("link", name="Add an indicator").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Percentage of care reviews with a personal goal")
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Higher is better").check()
    page.get_by_label("Expected data interval (days)").fill("7")
    save(page, "Save indicator")

    page.get_by_role("link", name="Add values").click()
    assert_accessible(page)
    page.get_by_label("Date, row 1", exact=True).fill("2012-01-02")
    page.get_by_label("Value, row 1", exact=True).fill("41")
    page.get_by_label("Note, row 1", exact=True).fill("before the project")
    save(page, "Add values")

    page.get_by_role("link", name="Paste or upload CSV").click()
    assert_accessible(page)
    page.get_by_label("Paste CSV").fill("2012-01-09,40\n2012-01-16,forty\n")
    save(page, "Import data")
    expect(page.get_by_text("Line 2: “forty” is not a number.")).to_be_visible()
    page.get_by_label("Paste CSV").fill(csv_text())
    save(page, "Import data")
    expect(page.get_by_text("22 values added.")).to_be_visible()
    assert DataPoint.objects.count() == 23

    run_chart = page.get_by_role("img", name="Run chart: Percentage of care reviews")
    expect(run_chart).to_be_visible()
    expect(
        page.get_by_text("shift (6 or more points on one side of the median)").first
    ).to_be_visible()
    assert page.locator(".chart svg circle[r='6.5']").count() > 0

    page.get_by_role("link", name="Personal goals in care reviews").click()
    run_cycle(page, "A prompt card in the care record", "Abandon", "Staff clicked past it.")
    page.get_by_role("link", name="Personal goals in care reviews").click()
    run_cycle(page, "Peer-led coaching on one ward", "Adapt", "Worked where the manager joined.")
    expect(page.get_by_text("This cycle starts from cycle 2")).to_be_visible()
    assert "Peer-led coaching on one ward" in page.get_by_label("Change idea").input_value()
    run_cycle(
        page, "Peer-led coaching with managers", "Adopt", "Managers made it stick.", prefilled=True
    )

    page.get_by_role("link", name="Personal goals in care reviews").click()
    assert_accessible(page)
    for text in ("Adopted: 1", "Adapted: 1", "Abandoned: 1"):
        expect(page.get_by_text(text)).to_be_visible()
    third = Cycle.objects.get(number=3)
    assert third.adapted_from.number == 2 and third.outcome == "adopt"
