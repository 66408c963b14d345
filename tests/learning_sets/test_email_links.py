"""Issue 24, links that work: every kind of email the app sends has a text and an HTML part,
points at the address the app runs on (SITE_URL), and each of its links answers 200 on the
running app, for the person it was sent to (their session if they have an account; none for
a delegate, whose personal link needs no account). Account holders' emails carry a one-click
List-Unsubscribe; a delegate's points at their personal link."""

import datetime
import io
import re
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client

from accounts.services import invitation_create
from learning_sets import services
from learning_sets.models import Workshop, WorkshopMessage
from notifications import services as notifications
from notifications.models import Preference, Reminder
from tests.learning_sets.factories import RELEASED, register, standard_topics, workshop_for

LINK = re.compile(r"https?://[^\s<>\"')]+")
DEMO_DAY = datetime.date(2025, 3, 12)
# Every kind a learning set sends; the demo's scan adds other apps' kinds (their own tests
# make the rest, through the same layout and link building).
LEARNING_SET_KINDS = {
    "delegate_registered",
    "delegate_promoted",
    "delegate_cancelled",
    "delegate_restored",
    "delegate_unreachable",
    "workshop_changed",
    "workshop_cancelled",
    "workshop_message",
    "workshop_in_7_days",
    "workshop_in_2_days",
    "workshop_evaluation",
}


def _opener(live_server, user):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        opener.addheaders = [("Cookie", f"sessionid={cookie.value}")]
    return opener


def _links(message) -> set[str]:
    html = message.alternatives[0][0]
    return set(LINK.findall(message.body)) | {
        link.replace("&amp;", "&") for link in LINK.findall(html)
    }


def _learning_set_emails(world):
    """Every learning-set email: registrations, a promotion, someone unreachable, a
    cancelled and restored place, a move, a message, the reminders and the cancellation."""
    today = datetime.date.today()
    day = today + datetime.timedelta(days=5)
    workshop = workshop_for(
        [world.site_a, world.site_b], capacity=4, date=day, places_release_date=RELEASED
    )
    workshop.learning_set.organisers.set([world.organiser])
    world.lead_b.email = ""  # site B's only lead has no email: its carer cannot be reached
    world.lead_b.save()
    ann = register(workshop, world.site_a, email="ann@example.org", by=world.organiser)
    register(workshop, world.site_a, email="", full_name="Cal Jones", by=world.member_a)
    register(workshop, world.site_b, email="", full_name="Dee Unreached")
    bo = register(workshop, world.site_b, email="bo@example.org")
    register(workshop, world.site_b, email="eve@example.org", waiting_list_ok=True)
    services.delegate_cancel(delegate=bo, by=world.organiser)  # Eve is promoted
    services.delegate_cancel(delegate=ann, by=world.organiser, reason="Asked by phone")
    ann.refresh_from_db()
    services.delegate_restore(delegate=ann, by=world.organiser)
    workshop.refresh_from_db()
    services.workshop_update(
        workshop=workshop,
        date=day + datetime.timedelta(days=1),
        start_time=workshop.start_time,
        end_time=workshop.end_time,
        venue=workshop.venue,
        topic=workshop.topic,
        places_release_date=RELEASED,
    )
    services.workshop_message_send(
        workshop=workshop,
        audience=WorkshopMessage.Audience.REGISTERED,
        site=None,
        subject="Parking",
        body="Park at the back.",
        by=world.organiser,
    )
    notifications.scan(today=today)  # joining instructions and the 2-day reminder
    notifications.scan(today=day - datetime.timedelta(days=1))
    held = workshop_for([world.site_a], date=today + datetime.timedelta(days=30))
    came = register(held, world.site_a, email="came@example.org")
    # Its registration email's links work while the day is ahead; from here the day is past.
    mail.outbox[:] = [m for m in mail.outbox if m.to != ["came@example.org"]]
    Workshop.objects.filter(pk=held.pk).update(date=today - datetime.timedelta(days=2))
    services.attendance_mark(delegate=came, attended=True)
    notifications.scan(today=today)  # the evaluation link
    return workshop


@pytest.mark.django_db(transaction=True)
def test_every_email_kind_has_both_parts_and_every_link_answers_200(live_server, settings, world):
    settings.SITE_URL = live_server.url
    standard_topics()
    with time_machine.travel(datetime.datetime(2025, 3, 12, 9, 0), tick=False):
        call_command("load_demo", stdout=io.StringIO())
    notifications.scan(today=DEMO_DAY)  # the demo's reminders and events of other apps
    users = {u.email.lower(): u for u in get_user_model().objects.exclude(email="")}
    Preference.objects.create(user=world.lead_a, kind="workshop_message", digest=True)
    workshop = _learning_set_emails(world)
    invitation_create(
        full_name="New Person",
        email="new@example.org",
        role="member",
        site=world.site_a,
        by=world.lead_a,
    )
    host = live_server.url.split("://")[1]
    Client().post("/accounts/password-reset/", {"email": world.lead_a.email}, HTTP_HOST=host)
    services.workshop_cancel(workshop=workshop, by=world.organiser)
    notifications.digest_send(user=world.lead_a)

    kinds, checked = Counter(), 0
    for message in mail.outbox:
        kinds[message.subject.split(":")[0]] += 1
        assert message.alternatives and message.alternatives[0][1] == "text/html", message.subject
        user = users.get(message.to[0].lower())
        opener = _opener(live_server, user)
        unsubscribe = message.extra_headers.get("List-Unsubscribe", "")
        delegate = "/learning-sets/place/" in unsubscribe
        for link in _links(message):
            assert link.startswith(live_server.url), (message.subject, link)
            response = opener.open(link)
            assert response.status == 200, (message.subject, link)
            if delegate or user is not None:  # no sign-in asked of them
                assert "/accounts/login/" not in response.url, (message.subject, link)
            checked += 1
        if user is not None and unsubscribe:
            assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        if unsubscribe:
            assert opener.open(unsubscribe.strip("<>")).status == 200
    assert checked > 50
    sent = set(Reminder.objects.filter(status="sent").values_list("kind", flat=True))
    assert LEARNING_SET_KINDS - sent == set(), LEARNING_SET_KINDS - sent
    assert len(sent - LEARNING_SET_KINDS) >= 8  # the demo's reminders and events
    subjects = [m.subject for m in mail.outbox]
    assert "You are invited to the ImROC programme" in subjects
    assert any("Password reset" in s or "password" in s.lower() for s in subjects), subjects
    assert any(s.startswith("Your ImROC week") for s in subjects)
