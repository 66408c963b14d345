"""Sessions end after 8 hours without activity (not 14 days), when the browser closes, and
everywhere else when the password changes."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.sites.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_eight_idle_hours_but_not_while_in_use(client, world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(world.consultant)
    for hours, status in [(7, 200), (14, 200), (20, 200), (28, 302)]:
        with time_machine.travel(start + datetime.timedelta(hours=hours), tick=False):
            response = client.get("/sites/")
            assert response.status_code == status, f"after {hours} h"
    assert response["Location"].startswith("/accounts/login/")


def test_the_idle_limit_comes_from_the_environment(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600  # IMROC_SESSION_IDLE_HOURS unset


def test_the_session_cookie_is_not_kept_after_the_browser_closes(client, world):
    response = client.post(reverse("login"), {"username": "lead_a", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]


def test_changing_the_password_ends_the_other_sessions_but_not_this_one(world):
    here, elsewhere = Client(), Client()
    here.force_login(world.lead_a)
    elsewhere.force_login(world.lead_a)
    response = here.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    assert here.get("/sites/").status_code == 200
    assert elsewhere.get("/sites/")["Location"].startswith("/accounts/login/")


def test_pages_within_five_minutes_do_not_rewrite_the_session(client, world):
    client.force_login(world.lead_a)
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
        client.get("/sites/")
    writes = [q["sql"] for q in captured if q["sql"].startswith("UPDATE") and "session" in q["sql"]]
    assert not writes
