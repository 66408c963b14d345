"""Issue 12's "done when", in Chromium: an administrator adds a site and invites its lead,
assigns a consultant to it; the lead sets a password from the emailed link; the consultant
writes a review with an action owned by the lead; the lead sees it on their home page and in
their notifications and marks it done; the consultant is told."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from tests.browser import (
    BROWSER_TEST,
    assert_accessible,
    choose,
    choose_site,
    fill_date,
    open_nav_link,
    sign_in,
)

pytestmark = BROWSER_TEST

SITE = "Gamma Mental Health NHS Trust"
PASSWORD = "recovery-is-possible-2012"


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_an_invited_lead_gets_a_review_action_and_the_consultant_hears_it_is_done(
    world, page, live_server
):
    base = live_server.url
    world.consultant.first_name, world.consultant.last_name = "Cara", "Consultant"
    world.consultant.save()

    sign_in(page, base, world.admin)
    page.get_by_role("link", name="Add a site and invite its lead").click()
    page.get_by_label("Full name").fill("Nia Lead")
    page.get_by_label("Email address").fill("nia.lead@example.org")
    choose(page, "Role", "Project lead of the site")
    page.get_by_label("Perspective in the project group").select_option(label="Manager")
    page.get_by_label("Or add a new site").fill(SITE)
    page.get_by_label("New site's category").select_option(label="Network")
    page.get_by_label("New site's region").select_option(label="Wales")
    assert_accessible(page)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to nia.lead@example.org.")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("Nia Lead"))).to_be_visible()
    assert_accessible(page)

    page.goto(f"{base}/")
    page.get_by_role("link", name="Assign a consultant to sites").click()
    page.get_by_label("Consultant").select_option(label="Cara Consultant")
    choose_site(page, SITE)
    assert_accessible(page)
    page.get_by_role("button", name="Assign to the sites chosen").click()
    expect(page.get_by_text("Cara Consultant now reviews 1 more site.")).to_be_visible()
    sign_out(page)

    [invitation] = [m for m in mail.outbox if m.to == ["nia.lead@example.org"]]
    link = re.search(r"http://\S+/accounts/invite/\S+/", invitation.body).group(0)
    page.goto(base + "/accounts/" + link.split("/accounts/", 1)[1])  # SITE_URL is not the test's
    expect(page.get_by_role("heading", name="Welcome, Nia Lead")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    expect(page.get_by_text("Your password is set.")).to_be_visible()

    sign_in(page, base, world.consultant)
    page.goto(f"{base}/sites/")
    page.get_by_role("link", name=SITE).click()
    page.get_by_role("link", name="Progress reviews").click()
    page.get_by_role("link", name="Write a review").click()
    page.get_by_label("On track").check()
    page.get_by_label("What moved since the last review").fill("The project group has met.")
    action = page.get_by_role("group", name="Action 1")
    action.get_by_role("textbox", name=re.compile(r"^Action")).fill("Name a board sponsor")
    action.get_by_label("Owner", exact=True).select_option(label="Nia Lead")
    due = datetime.date.today() + datetime.timedelta(days=7)
    fill_date(action, "Due", due.isoformat())
    page.get_by_role("button", name="Publish review").click()
    expect(page.get_by_text("Review published.")).to_be_visible()
    sign_out(page)

    lead = get_user_model().objects.get(username="nia.lead@example.org")
    sign_in(page, base, lead, PASSWORD)
    expect(page.get_by_role("link", name="Action: Name a board sponsor")).to_be_visible()
    expect(page.get_by_role("link", name=f"Progress review of {SITE}")).to_be_visible()
    assert_accessible(page)
    open_nav_link(page, re.compile("^Notifications"))
    assigned = page.get_by_role("strong").filter(has_text=f"{SITE}: an action for you")
    expect(assigned).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Action: Name a board sponsor").click()
    page.get_by_label("Yes, it is done").check()
    page.get_by_label("Note").fill("Jo Brown, director of nursing, agreed.")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action saved.")).to_be_visible()
    sign_out(page)

    sign_in(page, base, world.consultant)
    open_nav_link(page, re.compile("^Notifications"))
    done = page.get_by_role("strong").filter(has_text=f'{SITE}: "Name a board sponsor" is done')
    expect(done).to_be_visible()
    assert_accessible(page)
    assert any(m.to == [world.consultant.email] and "is done" in m.subject for m in mail.outbox)
