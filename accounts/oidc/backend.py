"""The token exchange and the ID token's checks (mozilla-django-oidc), made strict: the
signature against the provider's JWKS, issuer, audience, expiry and this sign-in's nonce; then
the person matched by verified email to an account or an open invitation, never created."""

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from requests import RequestException

from .. import services
from ..models import Invitation
from .providers import Provider

ALGORITHM = "RS256"


class Refused(Exception):
    """A sign-in refused, with the reason the audit log records and the person reads."""

    def __init__(self, reason: str, *, email: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.email = email


class OrganisationBackend(OIDCAuthenticationBackend):
    """One provider's client. Used by the callback view directly, not through Django's
    ``authenticate``, so it can say why it refused."""

    def __init__(self, provider: Provider, request):
        self.provider = provider
        self.request = request
        endpoints = provider.endpoints()
        self.issuer = endpoints["issuer"]
        self.OIDC_OP_TOKEN_ENDPOINT = endpoints["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = endpoints["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = endpoints["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = ALGORITHM
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = get_user_model()

    def get_payload_data(self, token, key):
        """The library checks the signature only; the issuer, audience and expiry too."""
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.provider.client_id,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidAudienceError as error:
            raise Refused("the ID token was issued to another application (audience)") from error
        except jwt.InvalidIssuerError as error:
            raise Refused("the ID token comes from another issuer") from error
        except jwt.ExpiredSignatureError as error:
            raise Refused("the ID token has expired") from error
        except jwt.InvalidSignatureError as error:
            raise Refused("the ID token's signature does not match the provider's keys") from error
        except jwt.PyJWTError as error:
            raise Refused(f"the ID token is not valid ({error})") from error

    def verify_token(self, token, **kwargs):
        """The library's checks (signing key from the JWKS, signature, nonce), with reasons."""
        try:
            return super().verify_token(token, **kwargs)
        except SuspiciousOperation as error:
            if "Nonce" in str(error):
                raise Refused("the ID token's nonce is not this sign-in's (replayed)") from error
            raise Refused("the ID token's signing key is not the provider's") from error
        except (jwt.PyJWTError, KeyError, ValueError) as error:
            raise Refused("the ID token is not valid") from error

    def sign_in(self, *, code: str, code_verifier: str, nonce: str, redirect_uri: str):
        """(the user, the ID token, its claims) or ``Refused``."""
        try:
            tokens = self.get_token(
                {
                    "client_id": self.provider.client_id,
                    "client_secret": self.provider.client_secret,
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": redirect_uri,
                    "code_verifier": code_verifier,
                }
            )
        except RequestException as error:
            raise Refused("the provider did not accept the sign-in code") from error
        id_token = tokens.get("id_token") or ""
        payload = self.verify_token(id_token, nonce=nonce)
        try:
            claims = self.get_userinfo(tokens.get("access_token"), id_token, payload)
        except RequestException as error:
            raise Refused("the provider did not say who signed in") from error
        if claims.get("sub") != payload["sub"]:
            raise Refused("the provider's answers name two different people")
        return match(self.provider, claims), id_token, payload


def match(provider: Provider, claims: dict):
    """The account with this verified email, or the account made from its open invitation
    (then used up). Nobody gets an account because the provider knows them; roles stay ours."""
    email = (claims.get("email") or "").strip()
    if not email:
        raise Refused("the provider gave no email address")
    if claims.get("email_verified") not in (True, "true"):
        raise Refused("the provider has not verified the email address", email=email)
    if not provider.allows(email):
        raise Refused("the email address is not of an allowed domain", email=email)
    users = list(get_user_model().objects.filter(email__iexact=email)[:2])
    if len(users) > 1:
        raise Refused("more than one account has this email address", email=email)
    if users:
        if not users[0].is_active:
            raise Refused("the account with this email address is switched off", email=email)
        return users[0]
    invitation = (
        Invitation.objects.filter(
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-sent_at")
        .first()
    )
    user = services.invitation_accept(invitation=invitation, password=None) if invitation else None
    if user is None:
        raise Refused("no account or open invitation has this email address", email=email)
    return user
