"""Moving a model between modules (a models package) must not change the schema."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_need_no_migration_the_repository_lacks():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"models differ from the migrations:\n{out.getvalue()}")
