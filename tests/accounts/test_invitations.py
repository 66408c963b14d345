"""Invitations instead of the Django admin: add a site and invite its lead in one page; a
single-use, expiring link sets the password; resend and revoke; consultants to many sites."""

import datetime
import re

import pytest
from django.core import mail

from accounts.models import Invitation
from sites.models import ProjectGroupMember, Site
from tests.sites.factories import UserFactory


def invite(client, **changes):
    data = {
        "full_name": "Nia Lead",
        "email": "Nia.Lead@example.org",
        "role": "project_lead",
        "site": "",
        "new_site_name": "Gamma Mental Health NHS Trust",
        "new_site_category": "network",
        "new_site_region": "wales",
        "perspective": "manager",
        **changes,
    }
    return client.post("/accounts/invitations/", data)


def link_in(email) -> str:
    return re.search(r"http://\S+/accounts/invite/(\S+)/", email.body).group(0)


def test_an_administrator_adds_a_site_and_its_lead_sets_a_password_once(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client)
    assert response.status_code == 302
    site = Site.objects.get(name="Gamma Mental Health NHS Trust")
    invitation = Invitation.objects.get()
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_hash != token and token not in invitation.token_hash  # only a hash
    assert "Nia Lead" in client.get("/accounts/invitations/").content.decode()
    client.logout()
    url = f"/accounts/invite/{token}/"
    assert "Welcome, Nia Lead" in client.get(url).content.decode()
    password = "a-long-new-passphrase-42"
    response = client.post(url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="nia.lead@example.org").check_password(password)
    member = ProjectGroupMember.objects.get(
        site=site, person__user__username="nia.lead@example.org"
    )
    assert member.role == "project_lead"
    client.logout()
    assert client.get(url).status_code == 404  # single use


def test_an_expired_or_revoked_link_does_not_work_and_a_resend_makes_a_new_one(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, new_site_name="", site=world.site_a.pk, role="member")
    first = link_in(mail.outbox[0])
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=invitation.sent_at - datetime.timedelta(minutes=1)
    )
    assert client.get(first).status_code == 404  # expired
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/accounts/invitations/{invitation.pk}/resend/")
    second = link_in(mail.outbox[1])
    assert second != first
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200
    client.post(f"/accounts/invitations/{invitation.pk}/revoke/")
    assert client.get(second).status_code == 404
    assert "No invitations are waiting." in client.get("/accounts/invitations/").content.decode()


def test_a_consultant_invites_to_their_sites_only_and_a_new_site_becomes_theirs(client, world):
    client.force_login(world.consultant)
    page = client.get("/accounts/invitations/").content.decode()
    offered = [
        site["name"] for site in client.get("/sites/search.json?scope=mine&q=al").json()["results"]
    ]
    assert offered == [world.site_a.name]  # the site chooser suggests their sites only
    assert "ImROC consultant" not in page  # programme roles are the administrator's to give
    response = invite(client, new_site_name="", site=world.site_b.pk)
    assert response.status_code == 200 and not Invitation.objects.exists()
    assert invite(client).status_code == 302
    assert (
        Site.objects.get(name="Gamma Mental Health NHS Trust").consultants.get() == world.consultant
    )


def test_a_lead_invites_a_member_to_their_own_site_from_the_project_group(client, world):
    client.force_login(world.lead_a)
    assert "?site=alpha" in client.get("/sites/alpha/").content.decode()
    page = client.get("/accounts/invitations/?site=alpha").content.decode()
    assert "Or add a new site" not in page and world.site_b.name not in page
    response = invite(client, new_site_name="", site=world.site_a.pk, role="member")
    assert response.status_code == 302
    assert Invitation.objects.get().site == world.site_a


@pytest.mark.parametrize("who", ["member_a", "organiser"])
def test_others_cannot_invite(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get("/accounts/invitations/").status_code == 403


def test_bad_invitations_are_refused_with_a_message(client, world):
    client.force_login(world.admin)
    response = invite(client, new_site_name="", email="not an email")
    form = response.context["form"]
    assert form.errors["email"] and form.errors["site"]
    response = invite(client, new_site_name=world.site_a.name.upper())
    assert "A site with this name exists" in str(response.context["form"].errors)
    assert not Invitation.objects.exists()


def test_the_administrator_assigns_a_consultant_to_many_sites_picked_by_name(client, world):
    other = UserFactory(first_name="Zed", last_name="Consultant", roles=["consultant"])
    client.force_login(world.admin)
    page = client.get("/accounts/consultants/assign/").content.decode()
    assert "Zed Consultant" in page and world.lead_a.get_full_name() not in page
    response = client.post(
        "/accounts/consultants/assign/",
        {"consultant": other.pk, "sites": [world.site_a.pk, world.site_b.pk]},
    )
    assert response.status_code == 302
    assert set(other.consulted_sites.all()) == {world.site_a, world.site_b}
    response = client.post(
        "/accounts/consultants/assign/", {"consultant": world.lead_a.pk, "sites": [world.site_a.pk]}
    )
    assert response.status_code == 200 and response.context["form"].errors["consultant"]


@pytest.mark.parametrize("n", [1, 20])
def test_the_invitations_page_costs_the_same_for_many_invitations(
    client, world, django_assert_max_num_queries, n
):
    for i in range(n):
        Invitation.objects.create(
            full_name=f"P {i}",
            email=f"p{i}@example.org",
            role="member",
            site=world.site_a,
            token_hash=f"{i:064d}",
            invited_by=world.admin,
            expires_at=Invitation.expiry(datetime.datetime.now(datetime.UTC)),
        )
    client.force_login(world.admin)
    with django_assert_max_num_queries(10):
        assert client.get("/accounts/invitations/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/accounts/consultants/assign/").status_code == 200
