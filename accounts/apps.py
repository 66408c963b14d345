from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        # The sign-in receiver (a session starts "seen now") lives beside its middleware; it
        # must be connected before the first sign-in, not when the first request loads the
        # middleware, or a session opened before any request is rewritten on its first page.
        from . import middleware  # noqa: F401

        # Each app adds its items and sections of the home page in its ``home.py``.
        autodiscover_modules("home")
