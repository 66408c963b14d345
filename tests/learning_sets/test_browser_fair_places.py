"""Issue 13's journey in Chromium: a set of seven sites at a 40-seat venue fills fairly, a
lead's people register themselves through the site's link, a pasted batch with a bad line
saves nothing, dates are checked and the report groups what delegates will take back."""

import datetime
import re

from playwright.sync_api import expect

from learning_sets import services
from learning_sets.models import Delegate
from tests.browser import BROWSER_TEST, assert_accessible, choose, choose_site, fill_date, sign_in

from .factories import WorkshopFactory, register, sites, standard_topics

pytestmark = BROWSER_TEST

BATCH = "\n".join(
    [
        "Sam Patel\tsam@example.org\tService user\tVegetarian\t",
        "Jo Hill\t\tCarer\t\tStep-free access",
        "Ann Lee\tann@example.org\tNHS professional\t\t",
        "Bob Stone\tnot-an-email\tThird sector\t\t",
    ]
)


def switch_to(page, base_url, user):
    page.context.clear_cookies()
    sign_in(page, base_url, user)


def test_a_set_of_seven_sites_fills_a_forty_seat_venue_fairly(world, page, live_server):
    standard_topics()
    base = live_server.url
    members = [world.site_a, *sites(6)]
    switch_to(page, base, world.organiser)

    # A 40-seat venue.
    page.goto(f"{base}/learning-sets/venues/new/")
    page.get_by_label("Name").fill("Exeter Conference Centre")
    page.get_by_label("Address").fill("Matford Lane, Exeter")
    page.get_by_label("Capacity").fill("40")
    page.get_by_role("button", name="Save venue").click()

    # The set of seven mixed sites.
    page.goto(f"{base}/learning-sets/new/")
    page.get_by_label("Name").fill("South West learning set")
    for site in members:
        choose_site(page, site.name)
    fill_date(page, "Start date", "2031-01-06")
    choose(page, "Status", "Planning")
    page.get_by_role("button", name="Save learning set").click()
    expect(page.get_by_role("heading", name="South West learning set")).to_be_visible()

    # The six workshops: a Saturday as the first date is flagged and must be confirmed.
    page.get_by_role("link", name="Create the six workshops").click()
    fill_date(page, "Date of the first workshop", "2031-03-01")
    page.get_by_label("Venue").select_option(label="Exeter Conference Centre (holds 40)")
    page.get_by_role("button", name="Create the six workshops").click()
    expect(page.get_by_text("Saturday 1 March 2031 falls on a weekend.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("I have checked these dates and want to keep them").check()
    page.get_by_role("button", name="Create the six workshops").click()
    expect(page.get_by_text("Six workshops created.")).to_be_visible()
    workshop = world.site_a.learning_sets.get().workshops.get(number=1)

    # Fair places until a release date the organiser sets.
    page.goto(f"{base}/learning-sets/workshops/{workshop.pk}/edit/")
    fill_date(page, "Unclaimed places open to all on", "2031-02-14")
    page.get_by_label("I have checked these dates and want to keep them").check()
    page.get_by_role("button", name="Save workshop").click()
    expect(page.get_by_text("each site is guaranteed 5 places")).to_be_visible()

    # The lead shares their site's link; three people register themselves.
    switch_to(page, base, world.lead_a)
    page.goto(f"{base}{workshop.get_absolute_url()}")
    page.get_by_role("button", name=f"Create a link for {world.site_a.name}").click()
    link = page.locator(f"a[data-link-for='{world.site_a.slug}']").get_attribute("href")
    page.context.clear_cookies()
    for name, perspective in [
        ("Pat Jones", "Service user"),
        ("Lee Carr", "Carer"),
        ("Dr Ravi Shah", "NHS professional"),
    ]:
        page.goto(f"{base}{link}")
        page.get_by_label("Your full name").fill(name)
        page.get_by_label("Your email address").fill(f"{name.split()[-1].lower()}@example.org")
        page.get_by_label(perspective, exact=True).check()
        assert_accessible(page)
        page.get_by_role("button", name="Register").click()
        expect(page.get_by_text("You are registered")).to_be_visible()

    # A batch of four with one bad line: nothing is saved, the line is named.
    switch_to(page, base, world.lead_a)
    page.goto(f"{base}/learning-sets/workshops/{workshop.pk}/delegates/batch/")
    page.get_by_label("People, one a line").fill(BATCH)
    page.get_by_role("button", name="Register these people").click()
    expect(
        page.get_by_text("Line 4: “not-an-email” is not an email address.").first
    ).to_be_visible()
    assert_accessible(page)
    assert workshop.delegates.count() == 3
    page.get_by_label("People, one a line").fill(BATCH.replace("not-an-email", "bob@example.org"))
    page.get_by_role("button", name="Register these people").click()
    expect(page.get_by_text("4 people registered")).to_be_visible()
    assert workshop.delegates.filter(site=world.site_a).count() == 7

    # Every other site keeps its share; they are flagged as not having used it yet.
    switch_to(page, base, world.organiser)
    page.goto(f"{base}{workshop.get_absolute_url()}")
    expect(page.get_by_text("Sites with no delegates yet")).to_be_visible()
    places = page.locator("#site-places")
    expect(places.get_by_text("None used")).to_have_count(6)
    assert_accessible(page)
    other = members[1]
    for _ in range(5):
        register(workshop, other)
    assert Delegate.objects.filter(workshop=workshop, status="registered").count() == 12

    # Attendance is refused before the day.
    page.get_by_role("link", name="Mark attendance").click()
    expect(page.get_by_text("Attendance can be taken from the day of the workshop")).to_be_visible()
    assert page.locator("[data-attendance]").count() == 0
    assert_accessible(page)

    # An earlier workshop's evaluations: the report groups what people will take back.
    held = WorkshopFactory(
        learning_set=workshop.learning_set, number=7, date=datetime.date(2026, 11, 2)
    )
    for n in range(5):
        delegate = register(held, members[n % 7])
        services.attendance_mark(delegate=delegate, attended=True)
        services.evaluation_submit(
            delegate=delegate,
            overall_rating=5,
            usefulness=4,
            take_back="Peer support workers." if n < 3 else "recovery college",
        )
    page.goto(f"{base}/learning-sets/{workshop.learning_set_id}/report/")
    take_back = page.locator("#take-back")
    expect(
        take_back.get_by_role("row", name=re.compile("Peer support workers. 3 people"))
    ).to_be_visible()
    expect(
        take_back.get_by_role("row", name=re.compile("recovery college 2 people"))
    ).to_be_visible()
    assert_accessible(page)
