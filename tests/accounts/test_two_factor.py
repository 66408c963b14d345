"""Two-factor authentication: administrators and consultants cannot reach any page but the
set-up until they have an authenticator app; whoever has one types its code after the
password; backup codes work once; an administrator can reset a person's devices."""

import datetime
import io
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sites.demo import DEMO_PASSWORD
from tests.sites.factories import PASSWORD
from tests.two_factor import current_code, give_device

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/two-factor/set-up/"
VERIFY = "/accounts/two-factor/verify/"


def password_only(user) -> Client:
    """Signed in through the real form with the password alone."""
    client = Client()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def later():
    return timezone.now() + datetime.timedelta(seconds=5)


def set_up_app(client, user) -> list[str]:
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SET_UP, {"code": current_code(device), "next": "/sites/"})
    assert response.status_code == 200
    return response.context["codes"]


@pytest.mark.parametrize("role", ["consultant", "admin"])
def test_staff_without_an_app_reach_only_the_set_up(world, role):
    client = password_only(world.users[role])
    for url in ["/", "/sites/", "/dashboard/", "/admin/", "/accounts/two-factor/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SET_UP), url
    assert client.get(SET_UP).status_code == 200
    assert client.post(VERIFY, {"code": "123456"}).status_code == 302  # nothing to verify yet


def test_setting_up_the_app_shows_a_qr_code_and_backup_codes_then_opens_the_app(world):
    client = password_only(world.consultant)
    page = client.get(SET_UP).content.decode()
    assert "<svg" in page and "Code from the app" in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )  # the QR code is drawn inline, nothing fetched
    wrong = client.post(SET_UP, {"code": "000000"})
    assert wrong.status_code == 400 and "does not match" in wrong.content.decode()
    with time_machine.travel(later(), tick=False):  # a wrong code makes the next one wait
        codes = set_up_app(client, world.consultant)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/sites/").status_code == 200
    assert client.get("/accounts/two-factor/").status_code == 200


def test_with_an_app_the_code_is_asked_after_the_password(world):
    device = give_device(world.consultant)
    client = password_only(world.consultant)
    response = client.get("/sites/")
    assert response["Location"] == f"{VERIFY}?next=%2Fsites%2F"
    wrong = client.post(VERIFY, {"code": "000000", "next": "/sites/"})
    assert wrong.status_code == 400 and "not right" in wrong.content.decode()
    assert client.get("/sites/").status_code == 302
    with time_machine.travel(later(), tick=False):
        right = client.post(VERIFY, {"code": current_code(device), "next": "/sites/"})
        assert right["Location"] == "/sites/"
        assert client.get("/sites/").status_code == 200


def test_verify_never_redirects_to_another_site(world):
    device = give_device(world.consultant)
    client = password_only(world.consultant)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_backup_code_works_once(world):
    client = password_only(world.consultant)
    codes = set_up_app(client, world.consultant)
    client.post(reverse("logout"))
    client = password_only(world.consultant)
    assert client.post(VERIFY, {"code": codes[0].upper()})["Location"] == "/"
    assert StaticToken.objects.filter(device__user=world.consultant).count() == 9
    client.post(reverse("logout"))
    client = password_only(world.consultant)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 400
    assert client.get("/").status_code == 302


def test_the_password_alone_cannot_add_another_app(world):
    give_device(world.consultant)
    client = password_only(world.consultant)
    response = client.get(SET_UP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.post(SET_UP, {"code": "123456"})["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=world.consultant, confirmed=False).exists()


def test_two_factor_is_optional_for_a_lead_and_asked_once_turned_on(world):
    client = password_only(world.lead_a)
    assert client.get("/sites/").status_code == 200
    set_up_app(client, world.lead_a)
    client.post(reverse("logout"))
    client = password_only(world.lead_a)
    assert client.get("/sites/")["Location"].startswith(VERIFY)
    device = TOTPDevice.objects.get(user=world.lead_a)
    client.post(VERIFY, {"code": current_code(device)})
    assert client.post("/accounts/two-factor/turn-off/")["Location"] == "/accounts/two-factor/"
    client.post(reverse("logout"))
    assert password_only(world.lead_a).get("/sites/").status_code == 200


def test_staff_cannot_turn_it_off(client, world):
    client.force_login(world.consultant)
    assert client.post("/accounts/two-factor/turn-off/").status_code == 403
    assert TOTPDevice.objects.filter(user=world.consultant).exists()


def test_new_backup_codes_replace_the_old(client, world):
    client.force_login(world.consultant)
    first = client.post("/accounts/two-factor/backup-codes/").context["codes"]
    second = client.post("/accounts/two-factor/backup-codes/").context["codes"]
    stored = set(
        StaticToken.objects.filter(device__user=world.consultant).values_list("token", flat=True)
    )
    assert stored == set(second) and not stored & set(first)


def test_an_administrator_resets_a_persons_devices_from_the_admin(client, world, caplog):
    give_device(world.consultant)
    client.force_login(world.admin)
    with caplog.at_level(logging.WARNING):
        response = client.post(
            reverse("admin:auth_user_changelist"),
            {"action": "reset_two_factor", "_selected_action": [world.consultant.pk]},
        )
    assert response.status_code == 302
    assert "Two-factor devices of consultant reset by admin" in caplog.text
    assert not TOTPDevice.objects.filter(user=world.consultant).exists()
    client = password_only(world.consultant)
    assert client.get("/")["Location"].startswith(SET_UP)


def test_two_factor_page_query_count(client, world, django_assert_max_num_queries):
    client.force_login(world.consultant)
    with django_assert_max_num_queries(6):
        assert client.get("/accounts/two-factor/").status_code == 200


def test_the_demo_admin_signs_in_with_the_published_key(client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # safe to run again
    code = io.StringIO()
    call_command("demo_code", stdout=code)
    client.post(reverse("login"), {"username": "admin", "password": DEMO_PASSWORD})
    assert client.get("/")["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": code.getvalue().strip()})["Location"] == "/"
    assert client.get("/").status_code == 200


def test_before_the_second_factor_the_header_offers_no_menu_and_the_code_box_is_numeric(world):
    give_device(world.consultant)
    client = password_only(world.consultant)
    page = client.get(VERIFY).content.decode()
    assert "Signed in as" not in page
    assert 'aria-label="Menu"' not in page
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    assert ">Sign out</button>" in page  # the page's own way out
    setup = password_only(world.admin).get(SET_UP).content.decode()
    assert "Signed in as" not in setup
    signed_in = Client()
    signed_in.force_login(world.lead_a)
    assert "Signed in as" in signed_in.get("/").content.decode()
