"""Signing in with the organisation's account, against a real OpenID provider
(django-oidc-provider in tests/oidc_provider, a subprocess on a free port)."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone

from accounts.models import Invitation
from accounts.oidc.backend import OrganisationBackend, Refused
from accounts.oidc.providers import providers
from accounts.roles import Role
from audit.models import AuditEvent
from tests.sites.factories import UserFactory

from .sso import at_provider, authorised, id_token, invite, sign_in_through

pytestmark = pytest.mark.django_db
User = get_user_model()


def refusal(reason_part: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=AuditEvent.Action.SSO_REFUSED).latest("pk")
    assert reason_part in event.what, event.what
    return event


def test_a_person_with_an_account_signs_in_and_lands_home(client, world, sso):
    ada = UserFactory(username="ada", email="ADA@nhs.test")
    response = sign_in_through(client, sso, "ada")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").context["user"] == ada
    event = AuditEvent.objects.get(action=AuditEvent.Action.SSO_SIGNED_IN)
    assert (event.user, event.what) == (ada, "Test organisation")


def test_an_open_invitation_is_used_up_and_gives_its_role(client, world, sso):
    invitation = invite(world.site_a, Invitation.Role.MEMBER)
    assert sign_in_through(client, sso, "ivy").status_code == 302
    ivy = User.objects.get(email="ivy@nhs.test")
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.user == ivy
    assert not ivy.has_usable_password()
    assert world.site_a.project_group.filter(person__user=ivy, role="member").exists()


def test_an_email_matching_no_account_or_invitation_is_refused(client, world, sso):
    response = sign_in_through(client, sso, "mallory")
    assert response.status_code == 403
    assert "no account or open invitation has this email address" in response.content.decode()
    assert not User.objects.filter(email="mallory@nhs.test").exists()
    assert refusal("no account or open invitation").username == "mallory@nhs.test"


def test_an_unverified_email_is_refused_even_with_an_account(client, world, sso):
    UserFactory(username="eve", email="eve@nhs.test")
    assert sign_in_through(client, sso, "unverified-eve").status_code == 403
    refusal("has not verified the email address")


def test_an_email_outside_the_allowed_domains_is_refused(client, world, sso):
    UserFactory(username="omar", email="omar@elsewhere.test")
    assert sign_in_through(client, sso, "omar").status_code == 403
    refusal("not of an allowed domain")


def test_a_replayed_callback_is_refused(client, world, sso):
    UserFactory(username="ada", email="ada@nhs.test")
    start = client.get("/accounts/sso/test/start/")
    back = urlsplit(authorised(at_provider(sso, "ada"), start["Location"]))
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    client.logout()
    assert client.get(f"{back.path}?{back.query}").status_code == 403
    refusal("(state)")


def _backend():
    request = RequestFactory().get("/")
    return OrganisationBackend(providers()["test"], request)


def test_an_id_token_for_another_application_is_refused(world, sso):
    token = id_token(sso, "ada", client_id="other-app")
    with pytest.raises(Refused, match="audience"):
        _backend().verify_token(token, nonce="n-123")


def test_an_id_token_with_a_bad_signature_is_refused(world, sso):
    header, payload, signature = id_token(sso, "ada").split(".")
    forged = ".".join(
        [header, payload, signature[:-6] + ("AAAAAA" if signature[-6:] != "AAAAAA" else "BBBBBB")]
    )
    with pytest.raises(Refused, match="signature"):
        _backend().verify_token(forged, nonce="n-123")


def test_an_id_token_with_another_sign_ins_nonce_is_refused(world, sso):
    token = id_token(sso, "ada", nonce="the-first-sign-in")
    assert _backend().verify_token(token, nonce="the-first-sign-in")["aud"] == "imroc"
    with pytest.raises(Refused, match="nonce"):
        _backend().verify_token(token, nonce="a-later-sign-in")


def test_mfa_at_the_provider_stands_for_the_apps_second_factor(client, world, sso):
    UserFactory(username="grace", email="grace@nhs.test", roles=[Role.CONSULTANT])
    sign_in_through(client, sso, "mfa-grace")
    assert client.get("/").status_code == 200
    assert "multi-factor" in AuditEvent.objects.get(action="sso_signed_in").what


def test_without_mfa_a_consultant_is_still_asked_for_the_second_factor(client, world, sso):
    UserFactory(username="ada", email="ada@nhs.test", roles=[Role.CONSULTANT])
    sign_in_through(client, sso, "ada")
    assert "/accounts/two-factor/" in client.get("/")["Location"]


def test_refusals_are_throttled_at_the_callback(client, world, sso, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        assert client.get("/accounts/sso/test/callback/?state=x&code=y").status_code == 403
    assert client.get("/accounts/sso/test/callback/?state=x&code=y").status_code == 429


def test_signing_out_offers_the_providers_sign_out(client, world, sso):
    UserFactory(username="ada", email="ada@nhs.test")
    sign_in_through(client, sso, "ada")
    page = client.post("/accounts/logout/", follow=True).content.decode()
    assert "sign out of Test organisation too" in page
    assert f"{sso.url}/openid/end-session" in page
    assert client.get("/").status_code == 302  # the app's session has ended


def test_the_sign_in_page_offers_the_organisation_first(client, world, sso):
    page = client.get("/accounts/login/").content.decode()
    assert page.index("Sign in with Test organisation") < page.index('name="password"')


def test_without_a_provider_configured_there_is_no_sso(client, world, settings):
    settings.OIDC_PROVIDERS = {}
    assert "Sign in with" not in client.get("/accounts/login/").content.decode()
    assert client.get("/accounts/sso/test/start/").status_code == 404
    assert client.get("/accounts/sso/test/callback/?state=x&code=y").status_code == 404


def test_an_expired_invitation_does_not_open_an_account(client, world, sso):
    invite(
        world.site_a, Invitation.Role.MEMBER, expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert sign_in_through(client, sso, "ivy").status_code == 403
    assert not User.objects.filter(email="ivy@nhs.test").exists()
