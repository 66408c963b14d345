"""Every page after sign-in asks for the second factor: administrators and consultants
must set one up before anything else, and anyone who has one must use it."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import DEVICE_ID_SESSION_KEY

from . import two_factor
from .oidc.views import SSO

# Reachable with the password alone: the two-factor steps themselves and signing out.
OPEN_URL_NAMES = ("two-factor-verify", "two-factor-set-up", "logout")


class TwoFactorMiddleware:
    """Sets ``user.is_verified()`` (django-otp's API) from the session, with no query of its
    own, and sends an unverified session to the verify or set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        has_device = two_factor.has_device(user)
        # A provider's multi-factor sign-in (``amr``) stands for the app's own second factor.
        verified = bool(request.session.get(SSO, {}).get("mfa")) or (
            has_device and bool(request.session.get(DEVICE_ID_SESSION_KEY))
        )
        user.is_verified = lambda: verified
        if verified or not (has_device or two_factor.is_required(user)):
            return None
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in OPEN_URL_NAMES}
        if request.path_info in self._open_paths:
            request.two_factor_pending = True  # the header offers nothing until it is given
            return None
        step = "two-factor-verify" if has_device else "two-factor-set-up"
        next_url = request.get_full_path() if request.method == "GET" else "/"
        return redirect(f"{reverse(step)}?{urlencode({'next': next_url})}")


LAST_SEEN = "imroc_last_seen"
REFRESH_SECONDS = 300


class SessionActivityMiddleware:
    """A session ends after ``SESSION_COOKIE_AGE`` (IMROC_SESSION_IDLE_HOURS) without a
    request: activity moves the expiry on, written at most every five minutes so that most
    pages cost no extra query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(LAST_SEEN, 0) >= REFRESH_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


@receiver(user_logged_in)
def session_starts_now(sender, request, user, **kwargs):
    request.session[LAST_SEEN] = int(time.time())
