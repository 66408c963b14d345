"""A project lead, in Chromium, starts a re-assessment on the 2012 version from the site's
2009 assessment: the stages and evidence come pre-filled challenge by challenge, they
change one, save, and see the movement by challenge (workforce was 6, is 8)."""

import datetime
import re

from playwright.sync_api import expect

from challenges.models import Framework
from challenges.services import framework_make_current
from tests.browser import BROWSER_TEST, assert_accessible

from .factories import assess

pytestmark = BROWSER_TEST


def stage_of(page, number):
    return page.get_by_role("group", name=f"Stage for challenge {number}", exact=True)


def test_lead_re_assesses_from_the_previous_assessment_and_sees_movement_by_challenge(
    world, signed_in_page, live_server
):
    # 2009 order: 6 workforce (3), 7 risk (0), 8 involvement (1)
    earlier = assess(world.site_a, [1, 1, 1, 1, 1, 3, 0, 1, 1, 1], on=datetime.date(2011, 6, 1))
    earlier.ratings.filter(challenge__key="workforce").update(evidence="Twelve peer workers.")
    framework_make_current(framework=Framework.objects.get(version="2012"))

    page = signed_in_page(world.lead_a)
    page.goto(f"{live_server.url}{world.site_a.get_absolute_url()}")
    page.get_by_role("link", name="Start a re-assessment").click()
    expect(page.get_by_role("heading", name="Re-assessment")).to_be_visible()
    expect(page.get_by_text("its stages and evidence are filled in")).to_be_visible()
    workforce = page.locator("#challenge-8")
    expect(workforce.get_by_text("as challenge 6 of 2009")).to_be_visible()
    expect(workforce.get_by_text("Ongoing development: peer workers in many roles")).to_be_visible()
    expect(stage_of(page, 8).get_by_label("3 Transformation", exact=True)).to_be_checked()
    expect(page.get_by_label("Evidence for challenge 8")).to_have_value("Twelve peer workers.")
    expect(stage_of(page, 6).get_by_label("Not started", exact=True)).to_be_checked()
    assert_accessible(page)

    page.get_by_label(f"{world.lead_a.person.full_name} (Manager)").check()
    stage_of(page, 6).get_by_label("2 Development", exact=True).check()
    page.get_by_role("button", name="Save assessment").click()

    expect(page.get_by_text("Assessment saved.")).to_be_visible()
    risk = page.locator(".nhsuk-card", has=page.locator("#challenge-6"))
    expect(risk.get_by_text("Changed from Not started")).to_be_visible()
    expect(risk.get_by_text("(was challenge 7 in 2009)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Alpha Partnership NHS Trust"
    ).click()
    strip = page.get_by_role("table", name="Latest stage per challenge")
    expect(
        strip.get_by_role("row", name=re.compile(r"^6\. Changing the way we approach risk"))
    ).to_contain_text("up from Not started, as challenge 7 in 2009")
    expect(
        strip.get_by_role("row", name=re.compile(r"^8\. Transforming the workforce"))
    ).to_contain_text("same as before (3 Transformation), as challenge 6 in 2009")
    assert_accessible(page)
