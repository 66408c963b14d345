"""The app's own database settings, as a connection sees them."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_plan_without_jit():
    """A sort over every site's counts costs ~280 ms of JIT compiling for a ~70 ms query."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's JIT setting: this run is on SQLite (set DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
