"""Server time and query count of each key page, in-process through Django's test client
(the whole request: middleware, session, permission checks, template)."""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .subjects import Page
from .targets import MAX_QUERIES, MEDIAN_MS, P95_MS, verdict


@dataclass
class PageResult:
    page: Page
    status: int | None = None
    queries: int | None = None
    median_ms: float | None = None
    p95_ms: float | None = None

    @property
    def measured(self) -> bool:
        return self.queries is not None

    def row(self) -> list[str]:
        if not self.measured:
            return [self.page.name, "-", "-", "-", "-", self.page.note]
        ok = (
            self.status == 200
            and self.queries <= MAX_QUERIES
            and self.median_ms < MEDIAN_MS
            and self.p95_ms < P95_MS
        )
        detail = (
            f"queries {verdict(self.queries <= MAX_QUERIES)}, "
            f"median {verdict(self.median_ms < MEDIAN_MS)}, p95 {verdict(self.p95_ms < P95_MS)}"
        )
        if self.status != 200:
            detail = f"HTTP {self.status}!"
        return [
            self.page.name,
            str(self.queries),
            f"{self.median_ms:.0f}",
            f"{self.p95_ms:.0f}",
            verdict(ok),
            f"{detail}; as {self.page.who}",
        ]


def signed_in_client(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def measure(page: Page, *, repeats: int, warmup: int = 3) -> PageResult:
    result = PageResult(page)
    if page.url is None or page.user is None:
        return result
    client = signed_in_client(page.user)
    for _ in range(warmup):
        result.status = client.get(page.url).status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(page.url)
    result.queries = len(queries.captured_queries)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        client.get(page.url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    result.median_ms = statistics.median(times)
    result.p95_ms = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return result
