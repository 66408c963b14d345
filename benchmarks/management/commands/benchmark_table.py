"""The performance table of docs/performance.md, written from ``benchmark --json`` runs."""

import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

START, END = "<!-- benchmark-table -->", "<!-- /benchmark-table -->"


def markdown(runs: list[dict]) -> str:
    """One table of pages with a column group per run (scale), then load and jobs."""
    scales = [f"{run['sites']:,} sites" for run in runs]
    lines = [
        "Measured "
        + "; ".join(
            f"{scale} on {run['when']} ({run['cores']} cores, load "
            f"{run['load_average'][0]:.1f} at the start)"
            for scale, run in zip(scales, runs, strict=True)
        )
        + ".",
        "",
        "| page (who) | "
        + " | ".join(f"queries, CPU med / p95 ms, KB at {scale}" for scale in scales)
        + " | result |",
        "|---|" + "---|" * len(runs) + "---|",
    ]
    by_page = [{p["page"]: p for p in run["pages"]} for run in runs]
    for name in dict.fromkeys(p["page"] for run in runs for p in run["pages"]):
        cells, missed = [], []
        for scale, found in zip(scales, by_page, strict=True):
            page = found.get(name)
            if not page or page.get("measured") is False:
                cells.append("-")
                continue
            cells.append(
                f"{page['queries']}, {page['cpu_ms_median']:.0f} / {page['cpu_ms_p95']:.0f}, "
                f"{page['html_kb']:.0f}"
            )
            missed += [f"{m} at {scale}" for m in page.get("missed", [])]
        who = next((f[name]["who"] for f in by_page if "who" in f.get(name, {})), "")
        result = "FAIL: " + "; ".join(missed) if missed else "PASS"
        lines.append(f"| {name} ({who}) | " + " | ".join(cells) + f" | {result} |")
    for scale, run in zip(scales, runs, strict=True):
        lines += _load(scale, run.get("load")) + _jobs(scale, run.get("reports"))
    return "\n".join(lines)


def _load(scale: str, load: dict | None) -> list[str]:
    if not load:
        return []
    lines = [
        "",
        f"Load at {scale} (gunicorn, 2 workers; each page beside a floor run of its own):",
        "",
        "| page | req/s | floor req/s | ratio | web worker CPU ms a request | result |",
        "|---|---|---|---|---|---|",
    ]
    for page in load["pages"]:
        if page.get("rps") is None:
            lines.append(f"| {page['page']} | - | - | - | - | FAIL: {page.get('note', '')} |")
            continue
        result = {True: "PASS", False: "FAIL", None: "NOTE"}[page.get("pass")]
        cpu = page.get("worker_cpu_ms")
        lines.append(
            f"| {page['page']} | {page['rps']:.0f} | {page['floor_rps']:.0f} | "
            f"{page['ratio']:.2f} | {'-' if cpu is None else f'{cpu:.1f}'} | {result}"
            + (f": {page['note']}" if page.get("note") and result != "PASS" else "")
            + " |"
        )
    peaks = ", ".join(f"{mb:.0f} MB" for mb in load.get("web_worker_peak_mb", []))
    return [*lines, "", f"Web workers' peak memory after the load: {peaks}."]


def _jobs(scale: str, jobs: list | None) -> list[str]:
    if not jobs:
        return []
    lines = [
        "",
        f"Reports and archives at {scale} (a fresh Celery worker each):",
        "",
        "| job | worker CPU s | wall s | worker peak MB | result |",
        "|---|---|---|---|---|",
    ]
    for job in jobs:
        cpu, wall = job.get("cpu_seconds"), job.get("seconds")
        result = "PASS" if job["pass"] else "FAIL: " + "; ".join(job.get("missed", []))
        lines.append(
            f"| {job['report']} | {'-' if cpu is None else f'{cpu:.1f}'} | "
            f"{'-' if wall is None else f'{wall:.1f}'} | {job.get('peak_mb') or 0:.0f} | "
            f"{result} ({job.get('note', '')}) |"
        )
    return lines


class Command(BaseCommand):
    help = "Write the performance table from benchmark --json files (one a scale)."

    def add_arguments(self, parser):
        parser.add_argument("runs", nargs="+", help="JSON files written by benchmark --json.")
        parser.add_argument(
            "--write",
            metavar="PATH",
            help=f"Replace the table between {START} and {END} in this file (e.g. "
            "docs/performance.md) instead of printing it.",
        )

    def handle(self, *args, **options):
        runs = []
        for path in options["runs"]:
            try:
                runs.append(json.loads(Path(path).read_text()))
            except (OSError, ValueError) as error:
                raise CommandError(f"{path}: {error}") from error
        text = markdown(sorted(runs, key=lambda run: run["sites"]))
        if not options["write"]:
            self.stdout.write(text)
            return
        target = Path(options["write"])
        document = target.read_text()
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
        if not pattern.search(document):
            raise CommandError(f"{target} has no {START} ... {END} markers.")
        target.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", document))
        self.stdout.write(f"Table written into {target}.")
