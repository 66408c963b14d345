"""A project lead, in Chromium, assesses their site against all 10 challenges with a service
user and a carer taking part, and sees the stages on the site page."""

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible
from tests.sites.factories import ProjectGroupMemberFactory

pytestmark = BROWSER_TEST

STAGES = [
    "1 Engagement",
    "2 Development",
    "Not started",
    "3 Transformation",
    "1 Engagement",
    "2 Development",
    "1 Engagement",
    "2 Development",
    "Not started",
    "1 Engagement",
]


def stage_of(page, number):
    return page.get_by_role("group", name=f"Stage for challenge {number}", exact=True)


def open_assessment_form(page):
    """From the site page, open the form and check it is accessible."""
    page.get_by_role("link", name="Assess the site").click()
    expect(page.get_by_role("heading", name="New self-assessment")).to_be_visible()
    assert_accessible(page)


def rate(page, stages):
    for number, stage in enumerate(stages, start=1):
        stage_of(page, number).get_by_label(stage, exact=True).check()


def test_lead_assesses_the_site_co_produced_and_sees_the_stages_on_the_site_page(
    world, signed_in_page, live_server
):
    ProjectGroupMemberFactory(
        site=world.site_a, person__full_name="Grace Lowe", perspective="service_user"
    )
    page = signed_in_page(world.lead_a)
    page.get_by_role("link", name="Alpha Partnership NHS Trust").first.click()
    expect(page.get_by_text("The site has not assessed itself")).to_be_visible()
    assert_accessible(page)

    open_assessment_form(page)
    page.get_by_label("Grace Lowe (Service user)").check()
    page.get_by_label(f"{world.lead_a.person.full_name} (Manager)").check()
    page.get_by_label("Name of other participant 1").fill("Mary Trelawny")
    page.get_by_label("Perspective of other participant 1").select_option(label="Carer")
    rate(page, STAGES[:9])
    page.get_by_label("Evidence for challenge 3").fill("No recovery college yet.")
    page.get_by_role("button", name="Save assessment").click()

    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    expect(page.get_by_role("link", name="Choose a stage for challenge 10.")).to_be_visible()
    assert_accessible(page)
    stage_of(page, 10).get_by_label(STAGES[9], exact=True).check()
    page.get_by_role("button", name="Save assessment").click()

    expect(page.get_by_text("Assessment saved.")).to_be_visible()
    expect(page.get_by_text("Co-produced", exact=True)).to_be_visible()
    expect(
        page.get_by_text(
            "2 of 3 (67%) service users or carers; 0 staff members with lived experience"
        )
    ).to_be_visible()
    expect(page.get_by_text("No recovery college yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Alpha Partnership NHS Trust"
    ).click()
    strip = page.get_by_role("table", name="Latest stage per challenge")
    expect(
        strip.get_by_role("row", name="4. Ensuring organisational commitment").get_by_text(
            "3 Transformation"
        )
    ).to_be_visible()
    assert strip.get_by_text("new: no earlier assessment").count() == 10
    assert_accessible(page)

    page.get_by_role("link", name="All self-assessments").click()
    expect(
        page.get_by_role(
            "cell",
            name="Co-produced 2 of 3 (67%) service users or carers; "
            "0 staff members with lived experience",
        )
    ).to_be_visible()
    assert_accessible(page)
