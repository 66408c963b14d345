"""The real test OpenID provider for the sign-in tests, and how a person signs in there."""

import re
import secrets
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from django.utils import timezone

from accounts.models import Invitation
from tests.oidc_provider import server
from tests.oidc_provider.people import CLIENTS, PASSWORD

CALLBACK = "http://testserver/accounts/sso/test/callback/"


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    running = server.start(tmp_path_factory.mktemp("oidc-provider"))
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


@pytest.fixture
def sso(settings, oidc_provider):
    """The app configured for the test provider ("Test organisation")."""
    oidc_provider.allow_redirects(CALLBACK, "http://testserver/accounts/login/")
    settings.OIDC_PROVIDERS = {
        "test": {
            "name": "Test organisation",
            "discovery_url": oidc_provider.discovery_url,
            "client_id": "imroc",
            "client_secret": CLIENTS["imroc"],
            "email_domains": ["nhs.test"],
        }
    }
    return oidc_provider


def at_provider(provider, username: str) -> requests.Session:
    """A browser-like session signed in at the provider."""
    session = requests.Session()
    login = f"{provider.url}/accounts/login/"
    session.get(login)
    session.post(
        login,
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/",
        },
        headers={"Referer": login},
        allow_redirects=False,
    )
    return session


def authorised(session: requests.Session, authorize_url: str) -> str:
    """Where the provider sends the person back after authorising (the callback URL)."""
    response = session.get(authorize_url, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]


def sign_in_through(client, provider, username: str):
    """The whole flow: the app's start, the provider, the app's callback."""
    start = client.get("/accounts/sso/test/start/")
    assert start.status_code == 302
    back = urlsplit(authorised(at_provider(provider, username), start["Location"]))
    return client.get(f"{back.path}?{back.query}")


def id_token(provider, username: str, *, client_id="imroc", nonce="n-123") -> str:
    """A real ID token from the provider for ``client_id``, outside the app."""
    endpoints = requests.get(provider.discovery_url).json()
    query = urlencode(
        {
            "response_type": "code",
            "scope": "openid email profile",
            "client_id": client_id,
            "redirect_uri": CALLBACK,
            "state": "s-123",
            "nonce": nonce,
        }
    )
    back = authorised(
        at_provider(provider, username), f"{endpoints['authorization_endpoint']}?{query}"
    )
    code = re.search(r"code=([^&]+)", back).group(1)
    tokens = requests.post(
        endpoints["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "client_id": client_id,
            "client_secret": CLIENTS[client_id],
        },
    ).json()
    return tokens["id_token"]


def invite(site, role, *, email="ivy@nhs.test", expires_at=None) -> Invitation:
    """An invitation for the provider's person ``ivy``, open unless ``expires_at`` says not."""
    return Invitation.objects.create(
        full_name="Ivy Tester",
        email=email,
        role=role,
        site=site,
        perspective="manager",
        token_hash=secrets.token_hex(32),
        expires_at=expires_at or Invitation.expiry(timezone.now()),
    )
