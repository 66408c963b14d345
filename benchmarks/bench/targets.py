"""The targets of issue 7, on the 2-core machine with PostgreSQL and 500 sites."""

MAX_QUERIES = 15
MEDIAN_MS = 100
P95_MS = 250
MIN_RPS_RATIO = 0.25
SITE_PDF_SECONDS = 5
PROGRAMME_REPORT_SECONDS = 60
MAX_WORKER_MB = 300


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
