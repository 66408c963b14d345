"""The provider's signing key, its people and two confidential clients (the app, and another
whose tokens the app must refuse)."""

from django.contrib.auth.models import User
from django.core.management import BaseCommand, call_command
from oidc_provider.models import Client, ResponseType
from people import CLIENTS, PASSWORD, PEOPLE


class Command(BaseCommand):
    def handle(self, *args, **options):
        call_command("creatersakey")
        for username, email in PEOPLE.items():
            user = User.objects.create_user(username, email, PASSWORD)
            user.first_name = username.split("-")[-1].title()
            user.last_name = "Tester"
            user.save()
        code = ResponseType.objects.get(value="code")
        for client_id, secret in CLIENTS.items():
            client = Client.objects.create(
                name=client_id,
                client_id=client_id,
                client_secret=secret,
                client_type="confidential",
                require_consent=False,
                reuse_consent=True,
                _redirect_uris="http://testserver/accounts/sso/test/callback/",
                _post_logout_redirect_uris="http://testserver/accounts/login/",
            )
            client.response_types.add(code)
            client.scope = ["openid", "email", "profile"]
            client.save()
