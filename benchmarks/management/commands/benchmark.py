"""Measure the key pages, the load, the reports and the workers' memory (docs/performance.md)."""

import datetime
import json
import os
import platform

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks.bench import load, pages, reports, subjects
from benchmarks.bench.targets import (
    MAX_WORKER_MB,
    MIN_RPS_RATIO,
    PROGRAMME_REPORT_SECONDS,
    SITE_PDF_SECONDS,
    verdict,
)
from reports.models import Report
from sites.models import Site

LOADED_PAGES = (
    "programme dashboard",
    "site page",
    "goal page",
    "indicator page + charts",
    "cycle library search",
    "consultant page",
    "review form",
)
FLOOR = "floor (signed in, empty)"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells):
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


class Command(BaseCommand):
    help = "Benchmark pages, load, reports and memory against the generated programme."

    def add_arguments(self, parser):
        parser.add_argument("--repeats", type=int, default=30, help="Requests timed per page.")
        parser.add_argument("--rounds", type=int, default=3, help="Interleaved rounds.")
        parser.add_argument("--seconds", type=int, default=10, help="Load time per page.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--report-timeout", type=int, default=300, help="Seconds a report.")
        parser.add_argument("--skip-load", action="store_true")
        parser.add_argument("--skip-reports", action="store_true")
        parser.add_argument("--json", metavar="PATH", help="Also write the results as JSON.")
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/12",
            help="Broker of the Celery worker the benchmark starts.",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
        if not Site.objects.exists():
            raise CommandError("No programme to measure: run generate_programme first.")
        out = self.stdout.write
        sites = Site.objects.count()
        summary = {
            "when": f"{datetime.datetime.now():%Y-%m-%d %H:%M}",
            "host": platform.node(),
            "cores": os.cpu_count(),
            "load_average": os.getloadavg(),
            "database": connection.settings_dict["NAME"],
            "sites": sites,
        }
        out(
            f"imroc benchmark, {summary['when']}, {summary['host']} ({summary['cores']} cores, "
            f"load {summary['load_average'][0]:.1f}), database {summary['database']}, "
            f"{sites} sites"
        )
        subject_pages = subjects.pages()

        out(
            f"\nPages in-process, warm, {options['repeats']} requests each in "
            f"{options['rounds']} interleaved rounds (CPU and wall in ms; spread: between "
            "the rounds' CPU medians):"
        )
        results = pages.measure(subject_pages, repeats=options["repeats"], rounds=options["rounds"])
        out(table(pages.HEADERS, [r.row(sites) for r in results]))
        summary["pages"] = [r.as_json(sites) for r in results]
        failures = sum(r.measured and not r.ok(sites) for r in results)

        if not options["skip_load"]:
            failures += self._load(subject_pages, options, summary)
        if not options["skip_reports"]:
            failures += self._reports(options, summary)
        summary["failures"] = failures
        if options["json"]:
            with open(options["json"], "w") as f:
                json.dump(summary, f, indent=2, default=str)
            out(f"\nJSON written to {options['json']}")
        out(
            self.style.SUCCESS("\nEvery measured target met.")
            if not failures
            else self.style.ERROR(f"\n{failures} target(s) missed.")
        )

    def _load(self, subject_pages, options, summary) -> int:
        out = self.stdout.write
        out(
            f"\nLoad: gunicorn 2 workers, {options['connections']} connections, "
            f"{options['seconds']} s a page, against the signed-in floor page:"
        )
        by_name = {p.name: p for p in subject_pages}
        failures, rows, found = 0, [], []
        with load.Gunicorn(workers=2) as server:
            kw = {"seconds": options["seconds"], "connections": options["connections"]}
            floor_page = by_name[FLOOR]
            cookie = pages.signed_in_client(floor_page.user).cookies["sessionid"].value
            floor = load.run_load(server, FLOOR, floor_page.url, cookie, **kw)
            if floor.rps is None:
                out(f"The floor page did not answer: {floor.note}")
                return 1
            rows.append([FLOOR, f"{floor.rps:.0f}", "1.00", "", floor.note])
            found.append({"page": FLOOR, "rps": floor.rps})
            for name in LOADED_PAGES:
                page = by_name[name]
                if page.url is None:
                    rows.append([name, "-", "-", "", page.note])
                    continue
                cookie = pages.signed_in_client(page.user).cookies["sessionid"].value
                result = load.run_load(server, name, page.url, cookie, **kw)
                if result.rps is None:
                    rows.append([name, "-", "-", "FAIL", result.note])
                    found.append({"page": name, "rps": None, "note": result.note})
                    failures += 1
                    continue
                ratio = result.rps / floor.rps
                ok = ratio >= MIN_RPS_RATIO and not result.errors
                failures += not ok
                note = f"{result.note}; {result.errors} non-2xx" if result.errors else result.note
                rows.append([name, f"{result.rps:.0f}", f"{ratio:.2f}", verdict(ok), note])
                found.append({"page": name, "rps": result.rps, "ratio": ratio, "pass": ok})
            out(table(["page", "req/s", "ratio to floor", "result", "detail"], rows))
            peaks = server.worker_peak_mb()
        worst = max(peaks) if peaks else 0
        failures += worst > MAX_WORKER_MB
        summary["load"] = {"pages": found, "web_worker_peak_mb": peaks}
        out(
            f"Web workers' peak memory (VmHWM) after the load: "
            f"{', '.join(f'{mb:.0f} MB' for mb in peaks)}  {verdict(worst <= MAX_WORKER_MB)}"
        )
        return failures

    def _reports(self, options, summary) -> int:
        out = self.stdout.write
        out("\nReports on a real Celery worker (fresh worker each; time from queueing to ready):")
        site = subjects.busiest_site()
        timeout = options["report_timeout"]
        runs = [
            (
                reports.measure_report(
                    f"site progress: {site.name}",
                    redis_url=options["redis_url"],
                    timeout=timeout,
                    kind=Report.Kind.SITE_PROGRESS,
                    site=site,
                ),
                SITE_PDF_SECONDS,
            ),
            (
                reports.measure_report(
                    "programme report",
                    redis_url=options["redis_url"],
                    timeout=timeout,
                    kind=Report.Kind.PROGRAMME,
                ),
                PROGRAMME_REPORT_SECONDS,
            ),
        ]
        failures, rows, found = 0, [], []
        for result, limit in runs:
            if result.seconds is None:
                failures += 1
                rows.append([result.name, "-", f"{result.peak_mb or 0:.0f}", "FAIL", result.note])
                found.append({"report": result.name, "seconds": None, "note": result.note})
                continue
            ok = result.ready and result.seconds < limit and result.peak_mb <= MAX_WORKER_MB
            failures += not ok
            rows.append(
                [
                    result.name,
                    f"{result.seconds:.2f} (< {limit})",
                    f"{result.peak_mb:.0f}",
                    verdict(ok),
                    result.note,
                ]
            )
            found.append(
                {
                    "report": result.name,
                    "seconds": result.seconds,
                    "peak_mb": result.peak_mb,
                    "pass": ok,
                    "note": result.note,
                }
            )
        out(table(["report", "seconds", "worker peak MB", "result", "detail"], rows))
        summary["reports"] = found
        return failures
