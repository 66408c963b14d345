"""Load the demo programme. Safe to run again: every step only adds what is missing."""

import datetime
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app's demo step, in dependency order; each exposes ``load(*, today) -> str``.
DEMO_STEPS = [
    "sites.demo",
    "accounts.demo",
    "challenges.demo",
    "pdsa.demo",
    "learning_sets.demo",
    "peer_support.demo",
    "colleges.demo",
    "teams.demo",
    "support.demo",
    "coproduction.demo",
    "site_exports.demo",
]


class Command(BaseCommand):
    help = "Load the demo programme (sites, project groups, one account per role)."

    def handle(self, *args, **options):
        today = datetime.date.today()
        for step in DEMO_STEPS:
            with transaction.atomic():
                summary = import_module(step).load(today=today)
            self.stdout.write(f"{step}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo programme loaded."))
