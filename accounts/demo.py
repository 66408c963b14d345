"""Demo step: the demo administrator and consultant share a known authenticator key, so
anyone trying the demo can add it to an app (see the README's demo accounts). Never use a
published key for a real account."""

from base64 import b32decode

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_KEY = "IMROCDEMOTWOFACTORKEYNOTSECRETAB"  # base32, as an authenticator app takes it
DEMO_DEVICE = "Demo authenticator"
DEMO_USERNAMES = ("admin", "consultant")


def load(**_) -> str:
    users = get_user_model().objects.filter(username__in=DEMO_USERNAMES)
    for user in users:
        TOTPDevice.objects.get_or_create(
            user=user,
            name=DEMO_DEVICE,
            defaults={"key": b32decode(DEMO_KEY).hex(), "confirmed": True},
        )
    return f"the demo authenticator key for {', '.join(u.username for u in users)}"
