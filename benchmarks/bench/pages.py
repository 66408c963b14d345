"""Each key page in-process through Django's test client (the whole request: middleware,
session, permission checks, template): SQL queries, CPU time of this process (which other
load on the machine barely disturbs), wall time and HTML size. Pages are measured in
interleaved rounds (every page once a round, then again), so a burst of outside load
falls on all pages alike; the spread between the rounds' medians shows how steady it was."""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor

from .subjects import Page
from .targets import MAX_PROGRAMME_HTML_KB, MAX_QUERIES, cpu_budget_ms, verdict


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class PageResult:
    page: Page
    status: int | None = None
    queries: int | None = None
    html_kb: float | None = None
    cpu_ms: list[float] = field(default_factory=list)
    wall_ms: list[float] = field(default_factory=list)
    round_medians: list[float] = field(default_factory=list)  # CPU ms, one per round

    @property
    def measured(self) -> bool:
        return self.queries is not None

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def cpu_p95(self) -> float:
        return percentile(self.cpu_ms, 0.95)

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def spread(self) -> float:
        return max(self.round_medians) - min(self.round_medians)

    def checks(self, sites: int) -> dict[str, bool]:
        budget = cpu_budget_ms(sites, floor=self.page.floor)
        return {
            "status": self.status == 200,
            "queries": self.queries <= MAX_QUERIES,
            "cpu": self.cpu_median <= budget.median,
            "ceiling": self.cpu_median <= budget.ceiling,
            "html": not self.page.programme_wide or self.html_kb <= MAX_PROGRAMME_HTML_KB,
        }

    def missed(self, sites: int) -> list[str]:
        """Each target missed, with its number: "cpu 81 ms > 75"."""
        budget = cpu_budget_ms(sites, floor=self.page.floor)
        said = {
            "status": f"HTTP {self.status}",
            "queries": f"{self.queries} queries > {MAX_QUERIES}",
            "cpu": f"CPU {self.cpu_median:.0f} ms > {budget.median:.0f}",
            "ceiling": f"CPU {self.cpu_median:.0f} ms > {budget.ceiling:.0f} ceiling",
            "html": f"{self.html_kb:.0f} KB HTML > {MAX_PROGRAMME_HTML_KB}",
        }
        return [said[name] for name, ok in self.checks(sites).items() if not ok]

    def ok(self, sites: int) -> bool:
        return all(self.checks(sites).values())

    def row(self, sites: int) -> list[str]:
        if not self.measured:
            return [self.page.name, "-", "-", "-", "-", "-", "-", "-", "-", self.page.note]
        failed = [name for name, ok in self.checks(sites).items() if not ok]
        detail = f"as {self.page.who}"
        if self.status != 200:
            detail = f"HTTP {self.status}! {detail}"
        elif failed:
            detail = f"missed: {', '.join(failed)}; {detail}"
        return [
            self.page.name,
            str(self.queries),
            f"{self.cpu_median:.0f}",
            f"{self.cpu_p95:.0f}",
            f"{self.spread:.0f}",
            f"{self.wall_median:.0f}",
            f"{self.html_kb:.0f}",
            f"{cpu_budget_ms(sites, floor=self.page.floor).median:.0f}",
            verdict(self.ok(sites)),
            detail,
        ]

    def as_json(self, sites: int) -> dict:
        if not self.measured:
            return {"page": self.page.name, "measured": False, "note": self.page.note}
        return {
            "page": self.page.name,
            "url": self.page.url,
            "who": self.page.who,
            "status": self.status,
            "queries": self.queries,
            "cpu_ms_median": round(self.cpu_median, 2),
            "cpu_ms_p95": round(self.cpu_p95, 2),
            "cpu_ms_round_medians": [round(m, 2) for m in self.round_medians],
            "wall_ms_median": round(self.wall_median, 2),
            "html_kb": round(self.html_kb, 1),
            "budget_ms": cpu_budget_ms(sites, floor=self.page.floor).median,
            "pass": self.ok(sites),
            "missed": self.missed(sites),
        }


HEADERS = ["page", "queries", "CPU med", "CPU p95", "spread", "wall med", "KB", "budget"]
HEADERS += ["result", "detail"]


def signed_in_client(user) -> Client:
    """Signed in through both steps: administrators and consultants also have a verified
    authenticator app (a device made for the benchmark's accounts)."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    if two_factor.is_required(user) or two_factor.has_device(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Benchmark", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def measure(pages: list[Page], *, repeats: int, rounds: int = 3, warmup: int = 2):
    """``repeats`` requests a page in all, split over ``rounds`` interleaved rounds."""
    results = [PageResult(page) for page in pages]
    clients = {}
    for result in results:
        page = result.page
        if page.url is None or page.user is None:
            continue
        client = clients[page.name] = signed_in_client(page.user)
        for _ in range(warmup):  # the first requests store chart results and warm caches
            response = client.get(page.url)
        result.status = response.status_code
        result.html_kb = len(response.content) / 1024
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        result.queries = len(queries.captured_queries)
    per_round = max(1, repeats // rounds)
    for _ in range(rounds):
        for result in results:
            if result.page.name not in clients:
                continue
            cpu = []
            for _ in range(per_round):
                started_cpu, started = time.process_time(), time.perf_counter()
                clients[result.page.name].get(result.page.url)
                cpu.append((time.process_time() - started_cpu) * 1000)
                result.wall_ms.append((time.perf_counter() - started) * 1000)
            result.cpu_ms += cpu
            result.round_medians.append(statistics.median(cpu))
    return results
