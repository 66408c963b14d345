"""The benchmark's parts on a tiny generated programme: every page it measures answers its
reader, CPU is read from /proc, and its JSON becomes the performance table."""

import json
import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from benchmarks.bench import pages, subjects
from benchmarks.bench.load import LoadResult
from benchmarks.bench.procs import cpu_seconds
from benchmarks.management.commands.benchmark import load_verdict, over_budget
from benchmarks.management.commands.benchmark_table import END, START

PROGRAMME_WIDE = {
    "site directory",
    "recovery colleges",
    "co-production",
    "peer support",
    "reports list",
    "audit log",
    "notifications",
    "site's TRIP teams",
    "learning sets",
    "reviews",
}


@pytest.mark.django_db
def test_every_page_measured_answers_the_person_who_would_open_it():
    call_command("generate_programme", "--sites", "4", "--seed", "3", stdout=StringIO())
    found = subjects.pages()
    names = {page.name for page in found}
    assert PROGRAMME_WIDE <= names
    assert {"site progress", "PDSA cycle", "assessment", "site support"} <= names
    results = pages.measure(found, repeats=1, rounds=1, warmup=1)
    answered = {r.page.name: r.status for r in results if r.measured}
    assert answered == dict.fromkeys(names, 200)


def test_cpu_seconds_are_read_from_proc():
    before = cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))
    assert cpu_seconds(os.getpid()) > before
    assert cpu_seconds(2**22 + 12345) is None  # no such process


def test_a_page_whose_cpu_caps_its_rate_is_noted_not_failed():
    result = LoadResult("site page", rps=10, requests=100, note="python threads")
    assert load_verdict(0.1, 60, result) == (None, "python threads; 60 ms CPU in-process caps it")
    assert load_verdict(0.1, 12, result) == (False, "python threads")
    assert load_verdict(0.5, 12, result) == (True, "python threads")


RUN = {
    "when": "2026-12-07 04:00",
    "cores": 2,
    "load_average": [3.2, 3.0, 2.9],
    "sites": 500,
    "pages": [
        {
            "page": "colleges overview",
            "who": "administrator",
            "queries": 6,
            "cpu_ms_median": 94.2,
            "cpu_ms_p95": 120.0,
            "html_kb": 400.0,
            "pass": False,
            "missed": ["CPU 94 ms > 50", "400 KB HTML > 300"],
        },
        {
            "page": "floor (signed in, empty)",
            "who": "consultant",
            "queries": 1,
            "cpu_ms_median": 8,
            "cpu_ms_p95": 12,
            "html_kb": 4,
            "pass": True,
            "missed": [],
        },
    ],
    "load": {
        "pages": [
            {
                "page": "audit log",
                "rps": 10.0,
                "floor_rps": 150.0,
                "ratio": 0.07,
                "worker_cpu_ms": 21.5,
                "pass": False,
                "note": "wrk",
            }
        ],
        "web_worker_peak_mb": [101.0, 99.0],
    },
    "reports": [
        {
            "report": "programme report",
            "cpu_seconds": 3.2,
            "seconds": 4.1,
            "peak_mb": 180.0,
            "pass": True,
            "missed": [],
            "note": "PDF 80 KB",
        }
    ],
}


def test_every_page_and_job_over_budget_has_a_row():
    assert over_budget(RUN) == [
        ["colleges overview", "CPU 94 ms > 50, 400 KB HTML > 300"],
        ["audit log (load)", "0.07 of the floor's req/s"],
    ]


def test_the_table_is_written_from_the_json_runs(tmp_path):
    runs = []
    for sites in (2000, 500):
        path = tmp_path / f"bench-{sites}.json"
        path.write_text(json.dumps({**RUN, "sites": sites}))
        runs.append(str(path))
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Performance\n\n{START}\nold table\n{END}\n\nAfter.\n")
    call_command("benchmark_table", *runs, "--write", str(doc), stdout=StringIO())
    text = doc.read_text()
    assert "old table" not in text and text.endswith("After.\n")
    assert "| colleges overview (administrator) | 6, 94 / 120, 400 | 6, 94 / 120, 400 |" in text
    assert "FAIL: CPU 94 ms > 50 at 500 sites; 400 KB HTML > 300 at 500 sites" in text
    assert "| audit log | 10 | 150 | 0.07 | 21.5 | FAIL: wrk |" in text
    assert "| programme report | 3.2 | 4.1 | 180 | PASS (PDF 80 KB) |" in text
    assert text.index("at 500 sites") < text.index("at 2,000 sites")  # smaller scale first
    doc.write_text("no markers")
    with pytest.raises(CommandError):
        call_command("benchmark_table", *runs, "--write", str(doc), stdout=StringIO())
