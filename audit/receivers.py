"""Sign-in events, from Django's and django-axes' signals, so every sign-in form (ours and
the admin's) is covered."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .services import Action, record


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    if getattr(request, "path", None) is not None and request.method == "POST":
        record(action=Action.SIGNED_IN, request=request, user=user, what=request.path)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))
    record(action=Action.SIGN_IN_FAILED, request=request, username=username)


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    record(action=Action.LOCKED_OUT, request=request, username=str(username or ""))
