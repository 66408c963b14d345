"""A real OpenID provider for the sign-in tests (django-oidc-provider), its own project with
its own settings and SQLite file. Not part of the app: tests/oidc_provider/server.py starts it."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "provider_settings"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
