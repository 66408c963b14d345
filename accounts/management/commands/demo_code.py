"""Print the code an authenticator app would show now for the demo key (README, demo
accounts): for trying the demo without a phone. It knows only the published demo key."""

from base64 import b32decode

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from accounts.demo import DEMO_KEY


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo administrator and consultant."

    def handle(self, *args, **options):
        self.stdout.write(f"{TOTP(b32decode(DEMO_KEY)).token():06d}")
