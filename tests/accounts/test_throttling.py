"""Sign-in throttling: five failures for one username from one address in 15 minutes pause
signing in there, on our form and the admin's, with a message on the sign-in page."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.sites.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/?next=/admin/"


def fail(client, url, username, times, **extra):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong"}, **extra)
    return response


def sign_in(client, username, **extra):
    return client.post(LOGIN, {"username": username, "password": PASSWORD}, **extra)


def test_five_failures_lock_the_account_at_that_address_with_a_clear_message(client, world):
    assert fail(client, LOGIN, "lead_a", 4).status_code == 200
    response = fail(client, LOGIN, "lead_a", 1)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed sign-ins" in page and "15 minutes" in page
    assert 'name="username"' in page  # the sign-in page, not a bare error
    # Even the right password is refused while the pause lasts.
    response = sign_in(client, "lead_a")
    assert response.status_code == 429
    assert client.get("/").status_code == 302


def test_lockout_ends_after_the_cool_off(client, world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, LOGIN, "lead_a", 5)
        assert sign_in(client, "lead_a").status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        assert sign_in(client, "lead_a")["Location"] == "/"


def test_an_attacker_cannot_lock_the_person_out_from_elsewhere(client, world):
    fail(client, LOGIN, "lead_a", 6, REMOTE_ADDR="203.0.113.9")
    response = sign_in(client, "lead_a", REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302 and response["Location"] == "/"


def test_failures_on_other_usernames_do_not_add_up(client, world):
    for username in ["lead_a", "member_a", "lead_b", "organiser"]:
        fail(client, LOGIN, username, 4)
    assert sign_in(client, "lead_b")["Location"] == "/"


def test_the_admin_sign_in_form_is_throttled_too(client, world):
    assert fail(client, ADMIN_LOGIN, "admin", 4).status_code == 200
    response = fail(client, ADMIN_LOGIN, "admin", 1)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    response = client.post(ADMIN_LOGIN, {"username": "admin", "password": PASSWORD})
    assert response.status_code == 429


def test_a_success_clears_the_count(client, world):
    fail(client, LOGIN, "lead_a", 4)
    assert sign_in(client, "lead_a")["Location"] == "/"
    client.post(reverse("logout"))
    assert fail(client, LOGIN, "lead_a", 4).status_code == 200


def test_an_administrator_unlocks_an_account_from_the_admin(client, world):
    fail(client, LOGIN, "lead_a", 5)
    assert AccessAttempt.objects.filter(username="lead_a").exists()
    admin_client = client.__class__()
    admin_client.force_login(world.admin)
    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [world.lead_a.pk]},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="lead_a").exists()
    assert sign_in(client, "lead_a")["Location"] == "/"


def test_behind_a_proxy_the_address_the_proxy_saw_counts(client, world, settings):
    settings.IMROC_TRUSTED_PROXIES = 1
    # The attacker forges an X-Forwarded-For entry; the proxy appends the real address.
    for forged in range(5):
        fail(client, LOGIN, "lead_a", 1, HTTP_X_FORWARDED_FOR=f"10.0.0.{forged}, 203.0.113.9")
    locked = sign_in(client, "lead_a", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert locked.status_code == 429
    other = sign_in(client, "lead_a", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other["Location"] == "/"
