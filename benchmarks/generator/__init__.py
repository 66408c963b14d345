"""Build a large, realistic programme quickly: bulk inserts, deterministic from a seed.

Rows are inserted directly (not through the services) because the services do one row at
a time; the generator keeps the same rules instead: unique cycle numbers per goal, one
value per date per indicator, at most 8 registered delegates per site per workshop, an
outcome for every completed cycle.
"""

import datetime
import random

from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection, transaction

from sites import activity
from sites.figures import figures_changed
from sites.models import Site

from . import estate, history, learning, people, work
from .bulk import Timings
from .scale import Scale

__all__ = ["Scale", "generate", "has_data", "wipe"]

# Apps whose tables hold programme data; migration data (framework, stages, topics, role
# groups) lives in other tables or is kept by ``wipe``.
PROGRAMME_APPS = (
    "sites",
    "challenges",
    "pdsa",
    "learning_sets",
    "support",
    "notifications",
    "reports",
    "teams",
    "colleges",
    "peer_support",
    "audit",
)
KEPT_MODELS = {
    ("challenges", "framework"),
    ("challenges", "challenge"),
    ("challenges", "stage"),
    ("learning_sets", "topic"),
}


def has_data() -> bool:
    return Site.objects.exists() or User.objects.exists()


def wipe() -> None:
    """Empty every programme table and the accounts (keeping the framework, topics and role
    groups the migrations made): a benchmark database is rebuilt, never mixed."""
    models = [
        model
        for app in PROGRAMME_APPS
        for model in apps.get_app_config(app).get_models()
        if (model._meta.app_label, model._meta.model_name) not in KEPT_MODELS
    ]
    models += [User, apps.get_model("sessions", "Session")]
    tables = {m._meta.db_table for m in models}
    tables |= {
        f.remote_field.through._meta.db_table
        for m in models
        for f in m._meta.many_to_many
        if f.remote_field.through._meta.auto_created
    }
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(t) for t in sorted(tables))
            # Deferred foreign-key checks still pending in this transaction block TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        else:  # foreign keys are checked at commit, so the order does not matter
            for table in sorted(tables):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def generate(*, scale: Scale, seed: int, today: datetime.date | None = None) -> Timings:
    rng = random.Random(seed)
    today = today or datetime.date.today()
    timings = Timings()
    with transaction.atomic():
        everyone = people.build(rng=rng, scale=scale, today=today, timings=timings)
        work.build(everyone, rng=rng, scale=scale, today=today, timings=timings)
        learning.build(everyone, rng=rng, scale=scale, today=today, timings=timings)
        estate.build(everyone, rng=rng, scale=scale, today=today, timings=timings)
        history.build(rng=rng, today=today, timings=timings)
        with timings.table("sites' last activity") as t:
            t["rows"] = activity.recount(Site.objects.all())
        figures_changed()  # rows written in bulk, past the services: no figure cached before
    if connection.vendor == "postgresql":
        with timings.table("ANALYZE"), connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return timings
