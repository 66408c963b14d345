"""Token sign-in for the API (``Authorization: Bearer imroc_...``) and its per-token throttle."""

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, throttling

from .services import SCHEME, token_for_secret


class TokenAuthentication(authentication.BaseAuthentication):
    """The token reads as its owner; an unknown, expired or revoked token, or one whose owner
    can no longer sign in, is refused with 401."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != SCHEME.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token after “Bearer ”.")
        token = token_for_secret(header[1], timezone.localdate())
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Unknown, expired or revoked token.")
        return token.user, token

    def authenticate_header(self, request) -> str:
        return f'{SCHEME} realm="api"'


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An API token (imroc_...)."}


class TokenRateThrottle(throttling.SimpleRateThrottle):
    """Each token has its own allowance, so one busy report cannot slow another."""

    scope = "api_token"

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
