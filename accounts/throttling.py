"""Sign-in throttling with django-axes: the username counted, and what a locked-out person
sees (the sign-in page with the reason, not a bare 403)."""

import logging

from django.conf import settings
from django.shortcuts import render

from imroc.addresses import client_ip

from .forms import SignInForm

log = logging.getLogger(__name__)
USERNAME_LENGTH = 150  # django.contrib.auth's username field


def client_username(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the username as typed, cut to the longest an account can have
    (150 characters), so an over-long one is still recorded and counted (axes keeps 255 and
    PostgreSQL refuses more) under the same name each time it is tried."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username)[:USERNAME_LENGTH]


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"Too many failed sign-ins for this account from your network: signing in is paused "
        f"for {minutes} minutes. Try again after that, or ask the programme administrator to "
        f"unlock your account. If you have forgotten your password, reset it."
    )


def locked_out(request, response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE, for every sign-in form (ours and the admin's)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    log.warning(
        "Sign-in locked out: username %r from %s", username[:USERNAME_LENGTH], client_ip(request)
    )
    form = SignInForm.locked(request, username=username, message=lockout_message())
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return render(request, "registration/login.html", {"form": form, "next": next_url}, status=429)
