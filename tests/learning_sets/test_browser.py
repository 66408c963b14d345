"""An organiser, in Chromium, runs a learning set from its creation to its evaluation."""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, assert_accessible, choose, choose_site, fill_date
from tests.sites.factories import SiteFactory

from .factories import standard_topics

pytestmark = BROWSER_TEST


def test_organiser_runs_a_learning_set_from_creation_to_evaluation_summary(
    world, signed_in_page, live_server
):
    standard_topics()
    others = [SiteFactory(name=f"Network Site {n}", category="network") for n in range(5)]
    members = [world.site_a, world.site_b, *others]
    page = signed_in_page(world.organiser)
    assert_accessible(page)

    # A venue that holds nine people.
    page.get_by_role("link", name="Learning sets", exact=True).first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Venues", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="New venue", exact=True).click()
    page.get_by_label("Name").fill("Exeter Guildhall")
    page.get_by_label("Address").fill("High Street, Exeter")
    page.get_by_label("Capacity").fill("9")
    page.get_by_label("Accessibility notes").fill("Step-free entrance; hearing loop.")
    assert_accessible(page)
    page.get_by_role("button", name="Save venue").click()
    expect(page.get_by_text("Venue Exeter Guildhall saved.")).to_be_visible()

    # A learning set of seven sites of mixed categories.
    page.get_by_role("link", name="Learning sets", exact=True).first.click()
    page.get_by_role("link", name="New learning set", exact=True).click()
    page.get_by_label("Name").fill("South West learning set")
    page.get_by_label(world.organiser.get_full_name()).check()
    for site in members:
        choose_site(page, site.name)
    fill_date(page, "Start date", "2026-10-01")
    choose(page, "Status", "Planning")
    assert_accessible(page)
    page.get_by_role("button", name="Save learning set").click()
    expect(page.get_by_text("Learning set “South West learning set” created.")).to_be_visible()
    expect(page.get_by_role("heading", name="Member sites (7)")).to_be_visible()
    assert_accessible(page)

    # The six workshops at once; the first one was held on a Monday in the past, so its
    # places are first come first served, attendance is open and evaluations too.
    page.get_by_role("link", name="Create the six workshops", exact=True).click()
    fill_date(page, "Date of the first workshop", "2026-11-02")
    page.get_by_label("Months between workshops").fill("4")
    page.get_by_label("Venue").select_option(label="Exeter Guildhall (holds 9)")
    assert_accessible(page)
    page.get_by_role("button", name="Create the six workshops").click()
    expect(page.get_by_text("Six workshops created.")).to_be_visible()
    assert page.get_by_role("link", name=re.compile(r"^Workshop \d$")).count() == 6
    expect(page.get_by_role("cell", name="Tue 2 Mar 2027, 10:00–16:00")).to_be_visible()
    assert_accessible(page)

    # The agenda of the first workshop, from the standard parts.
    page.get_by_role("link", name="Workshop 1", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Add the standard agenda").click()
    page.get_by_role("link", name="Edit Expert presentation", exact=True).click()
    page.get_by_label("Speaker").fill("Professor Julie Repper")
    page.get_by_label("Title").fill("Recovery colleges: the eight features")
    assert_accessible(page)
    page.get_by_role("button", name="Save agenda item").click()
    page.get_by_role("link", name="Edit Market stalls", exact=True).click()
    page.get_by_label(world.site_a.name).check()
    page.get_by_label(world.site_b.name).check()
    page.get_by_role("button", name="Save agenda item").click()
    expect(page.get_by_role("cell", name="Professor Julie Repper")).to_be_visible()
    expect(
        page.get_by_text("Stalls: Alpha Partnership NHS Trust; Beta Health Board")
    ).to_be_visible()
    assert_accessible(page)

    # Delegates up to the limits: eight from one site, then the venue's nine.
    def register(site, name, perspective="NHS professional"):
        page.get_by_role("link", name="Register a delegate", exact=True).click()
        page.get_by_label("Site").select_option(label=site.name)
        page.get_by_label("Full name").fill(name)
        page.get_by_label("Email").fill(f"{name.lower().replace(' ', '.')}@example.org")
        choose(page, "Perspective", perspective)
        assert_accessible(page)
        page.get_by_role("button", name="Register delegate").click()

    perspectives = ["Service user", "Carer"] + ["NHS professional"] * 6
    for n, perspective in enumerate(perspectives, start=1):
        register(world.site_a, f"Alpha Delegate {n}", perspective)
        expect(page.get_by_text(f"Alpha Delegate {n} registered")).to_be_visible()
    register(world.site_a, "Alpha Delegate 9")
    expect(page.get_by_text("the most a site may send to a workshop")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Workshop 1", exact=True).click()
    register(world.site_b, "Beta Delegate 1", "Third sector")
    register(world.site_b, "Beta Delegate 2")
    expect(page.get_by_text("The workshop is full: the venue holds 9 people")).to_be_visible()
    page.get_by_role("link", name="Workshop 1", exact=True).click()
    expect(page.get_by_text("9 registered of 9 places")).to_be_visible()
    assert_accessible(page)

    # Each registration emailed the delegate with the day in a calendar file; someone who
    # waits is told by email when a cancelled place becomes theirs.
    first = [m for m in mail.outbox if "alpha.delegate.1@example.org" in m.to]
    assert first and any(name.endswith(".ics") for name, *_ in first[0].attachments)
    page.get_by_role("link", name="Register a delegate", exact=True).click()
    page.get_by_label("Site").select_option(label=world.site_b.name)
    page.get_by_label("Full name").fill("Beta Waiting")
    page.get_by_label("Email").fill("beta.waiting@example.org")
    choose(page, "Perspective", "Carer")
    page.get_by_label("If no place is free, put them on the waiting list").check()
    page.get_by_role("button", name="Register delegate").click()
    expect(page.get_by_text("Beta Waiting is on the waiting list")).to_be_visible()
    page.get_by_role("link", name="Cancel place of Alpha Delegate 8").click()
    page.get_by_role("button", name="Cancel the place").click()  # it asks first
    expect(
        page.get_by_text("Beta Waiting (Beta Health Board) moved from the waiting list")
    ).to_be_visible()
    promoted = [m for m in mail.outbox if "beta.waiting@example.org" in m.to]
    assert any("a place is yours" in m.subject for m in promoted)

    # Attendance on the day: one tap per delegate.
    page.get_by_role("link", name="Mark attendance", exact=True).click()
    assert_accessible(page)
    for name in ["Alpha Delegate 1", "Alpha Delegate 2", "Alpha Delegate 3", "Beta Delegate 1"]:
        page.get_by_role("button", name=re.compile(name)).click()
        page.wait_for_selector(f"button[aria-pressed=true]:has-text('{name}')")
    expect(page.get_by_text("4 of 9 attended")).to_be_visible()
    page.reload()
    expect(page.get_by_text("4 of 9 attended")).to_be_visible()
    assert_accessible(page)

    # Two attendees answer through their own link.
    page.get_by_role("link", name="Workshop 1", exact=True).click()
    page.get_by_role("link", name="Evaluation links", exact=True).click()
    assert_accessible(page)
    links = [
        page.get_by_label(f"Evaluation link for {name}").input_value()
        for name in ["Alpha Delegate 1", "Beta Delegate 1"]
    ]
    for link, rating in zip(links, ["5", "4"], strict=True):
        page.goto(link)
        assert_accessible(page)
        page.locator(f"input[name=overall_rating][value='{rating}']").check()
        page.locator("input[name=usefulness][value='5']").check()
        page.get_by_label("What I will take back to my organisation").fill(
            f"Co-produce our training (rated {rating})"
        )
        page.get_by_role("button", name="Send my evaluation").click()
        expect(page.get_by_text("Your evaluation has been received.")).to_be_visible()
        assert_accessible(page)

    # The evaluation summary.
    page.goto(f"{live_server.url}/learning-sets/")
    page.get_by_role("link", name="South West learning set", exact=True).click()
    page.get_by_role("link", name="Report", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Workshop 1", exact=True).last.click()
    expect(page.get_by_text("Mean overall rating 4.5 out of 5")).to_be_visible()
    expect(page.get_by_text("2 evaluations (50% of attendees)")).to_be_visible()
    expect(page.get_by_text("Co-produce our training (rated 5)")).to_be_visible()
    expect(page.get_by_text("2 (50% of attendees)")).to_be_visible()
    assert_accessible(page)
