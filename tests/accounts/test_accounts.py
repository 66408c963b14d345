import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib import admin
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from accounts.rules import is_administrator, is_consultant, is_organiser, is_programme_staff
from imroc.env import env_bool, env_int
from sites import rules as site_rules

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/sites/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/sites/")


def test_wrong_password_gets_a_clear_message(client, world):
    response = client.post(reverse("login"), {"username": "lead_a", "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_sign_in_then_out(client, world):
    response = client.post(
        reverse("login"), {"username": "lead_a", "password": "correct-horse-battery"}
    )
    assert response["Location"] == "/"
    client.post(reverse("logout"))
    assert client.get("/").status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client, world):
    client.post(reverse("password_reset"), {"email": world.lead_a.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link[link.index("/accounts/reset/") :].strip()
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "a-much-better-passphrase", "new_password2": "a-much-better-passphrase"},
    )
    assert response["Location"] == reverse("password_reset_complete")
    response = client.post(
        reverse("login"), {"username": "lead_a", "password": "a-much-better-passphrase"}
    )
    assert response["Location"] == "/"


def test_home_page_fits_each_role(client, world):
    client.force_login(world.lead_a)
    page = client.get("/").content.decode()
    assert "Your sites" in page and "Alpha Partnership NHS Trust" in page
    assert "The programme" not in page
    client.force_login(world.consultant)
    page = client.get("/").content.decode()
    assert "Reviews due" in page and "Review Alpha Partnership NHS Trust" in page
    assert "1 active pilot site" in page and "1 active demonstration site" in page


@pytest.mark.parametrize(
    "role, admin_, consultant, organiser, staff",
    [
        ("lead_a", False, False, False, False),
        ("consultant", False, True, False, True),
        ("organiser", False, False, True, True),
        ("admin", True, False, False, True),
    ],
)
def test_role_predicates(world, role, admin_, consultant, organiser, staff):
    user = world.users[role]
    assert is_administrator(user) is admin_
    assert is_consultant(user) is consultant
    assert is_organiser(user) is organiser
    assert is_programme_staff(user) is staff


@pytest.mark.parametrize(
    "role, view_a, change_a, edit_work_a, review_a, view_b",
    [
        ("lead_a", True, True, True, False, False),
        ("member_a", True, False, True, False, False),
        ("lead_b", False, False, False, False, True),
        ("consultant", True, False, False, True, True),
        ("organiser", True, False, False, False, True),
        ("admin", True, True, True, True, True),
    ],
)
def test_site_predicates(world, role, view_a, change_a, edit_work_a, review_a, view_b):
    user = world.users[role]
    assert site_rules.can_view_site(user, world.site_a) is view_a
    assert site_rules.can_change_site(user, world.site_a) is change_a
    assert site_rules.can_edit_site_work(user, world.site_a) is edit_work_a
    assert site_rules.can_review_site(user, world.site_a) is review_a
    assert site_rules.can_view_site(user, world.site_b) is view_b


def test_admin_lists_and_adds_every_model(client, world, rf):
    client.force_login(world.admin)
    request = rf.get("/admin/")
    request.user = world.admin
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        views = ["changelist"]
        if model_admin.has_add_permission(request):  # logs (sign-in attempts) are read-only
            views.append("add")
        for view in views:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}")
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("raw", ["maybe", "2"])
def test_a_bad_boolean_setting_stops_start_up(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be a boolean"):
        env_bool("SOME_FLAG", False)


def test_a_bad_number_setting_stops_start_up(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("SOME_NUMBER", 1)


def test_production_configuration_passes_the_deploy_check():
    env = {
        **os.environ,
        "IMROC_PRODUCTION": "true",
        "SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "imroc.example.nhs.uk",
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by conftest for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "IMROC_PRODUCTION": "true", "ALLOWED_HOSTS": "x"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_signed_in_users_roles_come_with_the_user_in_one_query(world, django_assert_num_queries):
    from accounts.backends import AccountBackend

    with django_assert_num_queries(1):
        user = AccountBackend().get_user(world.consultant.pk)
        assert is_consultant(user) and is_programme_staff(user)
        assert not is_organiser(user) and not is_administrator(user)
