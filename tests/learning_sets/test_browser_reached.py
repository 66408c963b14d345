"""Issue 24 done, in Chromium: an organiser moves a workshop and each delegate with a place
receives the update with a higher SEQUENCE; a delegate with no account opens their personal
link, changes their needs and gives the place back, and the next person is promoted and told;
cancelling someone's place asks first; a delegate nobody can reach shows on the workshop page
and the organiser is told."""

import re

from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from learning_sets.models import Delegate
from tests.browser import BROWSER_TEST, assert_accessible, fill_date

from .factories import organised_workshop, register

pytestmark = BROWSER_TEST


def sequence_of(message) -> int:
    [event] = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    return int(event["SEQUENCE"])


def to(address, words) -> list:
    return [m for m in mail.outbox if m.to == [address] and words in m.subject]


def test_delegates_are_reached_when_the_workshop_moves_and_manage_their_own_place(
    world, signed_in_page, live_server, settings, browser
):
    settings.SITE_URL = live_server.url
    world.lead_b.email = ""
    world.lead_b.save()
    workshop = organised_workshop(world)
    ann = register(workshop, world.site_a, email="ann@example.org", full_name="Ann Smith")
    register(workshop, world.site_a, email="", full_name="Cal Jones", by=world.lead_a)
    bo = register(
        workshop, world.site_b, email="bo@example.org", full_name="Bo Li", waiting_list_ok=True
    )
    register(workshop, world.site_b, email="", full_name="Dee Unreached", waiting_list_ok=True)
    assert bo.status == Delegate.Status.WAITING
    # The organiser was told at once that nobody can reach Dee.
    assert to(world.organiser.email, "Dee Unreached cannot be reached")
    first = {m.to[0]: sequence_of(m) for m in mail.outbox if m.attachments}

    page = signed_in_page(world.organiser)
    page.goto(f"{live_server.url}{workshop.get_absolute_url()}")
    unreachable = page.locator("#unreachable")
    expect(unreachable).to_contain_text("People we cannot reach")
    expect(unreachable).to_contain_text("Dee Unreached")
    assert_accessible(page)

    # Cancelling asks first: going back leaves the place as it was.
    page.get_by_role("link", name="Cancel place of Ann Smith").click()
    expect(page.get_by_role("heading", name="Cancel Ann Smith's place?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="No, go back to the workshop").click()
    ann.refresh_from_db()
    assert ann.status == Delegate.Status.REGISTERED

    # The organiser moves the workshop by a few days.
    mail.outbox.clear()
    page.get_by_role("link", name="Edit workshop", exact=True).click()
    fill_date(page, "Date", "2030-03-05")
    page.get_by_role("button", name="Save workshop").click()
    expect(page.get_by_text("Workshop 1 saved.")).to_be_visible()
    updates = [m for m in mail.outbox if "has changed" in m.subject and m.attachments]
    reached = {m.to[0] for m in updates}
    assert reached == {"ann@example.org", world.lead_a.email}  # Cal through their lead
    for message in updates:
        assert sequence_of(message) > first.get(message.to[0], 0)
        assert "Tuesday 5 March 2030" in message.body
    assert to("bo@example.org", "has changed")  # waiting: told too

    # Ann has no account: her own link, from her email, in a browser with no session.
    [link] = re.findall(
        r"http\S+/learning-sets/place/\S+/", to("ann@example.org", "changed")[0].body
    )
    mail.outbox.clear()
    context = browser.new_context()
    own = context.new_page()
    own.goto(link)
    expect(own.get_by_text("Tuesday 5 March 2030, 10:00 to 16:00")).to_be_visible()
    assert_accessible(own)
    own.get_by_label("Dietary needs").fill("Vegan")
    own.get_by_role("button", name="Save my needs").click()
    expect(own.get_by_text("Your needs are saved")).to_be_visible()
    own.get_by_role("link", name="Give my place back").click()
    assert_accessible(own)
    own.get_by_role("button", name="Yes, give my place back").click()
    expect(own.get_by_text("Thank you, Ann Smith")).to_be_visible()
    context.close()

    ann.refresh_from_db()
    bo.refresh_from_db()
    assert ann.dietary_needs == "Vegan" and ann.status == Delegate.Status.CANCELLED
    assert bo.status == Delegate.Status.REGISTERED
    [promoted] = to("bo@example.org", "a place is yours")
    assert sequence_of(promoted) == 1
