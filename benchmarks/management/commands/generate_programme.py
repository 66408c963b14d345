"""Build a programme at scale for the benchmark (see docs/performance.md)."""

import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.generator import Scale, generate, has_data, wipe
from benchmarks.generator.scale import PER_SITE


class Command(BaseCommand):
    help = "Generate a large, realistic programme (500 sites by default) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=500)
        parser.add_argument("--seed", type=int, default=2011)
        parser.add_argument("--users", type=int)
        parser.add_argument("--learning-sets", type=int)
        for name in PER_SITE:
            parser.add_argument(f"--{name.replace('_', '-')}", type=int, dest=name)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Empty the programme's tables and accounts first (the data would be lost).",
        )

    def handle(self, *args, **options):
        if options["sites"] < 1:
            raise CommandError("--sites must be at least 1.")
        overrides = {name: options[name] for name in (*PER_SITE, "users", "learning_sets")}
        scale = Scale.for_sites(options["sites"], **overrides)
        if has_data():
            if not options["force"]:
                raise CommandError(
                    "The database already has sites or accounts. Use a database of its own "
                    "for the benchmark, or --force to empty the programme's tables first."
                )
            started = time.perf_counter()
            wipe()
            self.stdout.write(
                f"Emptied the programme's tables in {time.perf_counter() - started:.1f} s"
            )
        self.stdout.write(
            "Generating: " + ", ".join(f"{k} {v:,}" for k, v in scale.as_dict().items())
        )
        timings = generate(scale=scale, seed=options["seed"])
        self.stdout.write(timings.report())
        self.stdout.write(
            self.style.SUCCESS("Programme generated. Password of every account: benchmark-password")
        )
