"""Report generation on a real Celery worker: time from queueing to ready, and the
worker's peak memory. A fresh worker per report, so each peak is that report's own."""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from celery import Celery
from celery.exceptions import TimeoutError as CeleryTimeout
from django.conf import settings

from reports.models import Report

from .procs import peak_rss_mb


@dataclass
class ReportResult:
    name: str
    seconds: float | None
    peak_mb: float | None
    note: str = ""
    ready: bool = False


def measure_report(name: str, *, redis_url: str, timeout: float, **report_fields) -> ReportResult:
    queue = f"imroc-bench-{uuid.uuid4().hex[:8]}"
    log = Path(tempfile.mkstemp(prefix="imroc-bench-worker-", suffix=".log")[1])
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "IMROC_NOTICES_QUEUE": f"{queue}-notices",  # the report's emails: this worker's too
        "CONN_MAX_AGE": "0",
        "DEBUG": "false",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "imroc",
        "worker",
        "--pool=solo",
        "--without-mingle",
        "--without-gossip",
        "--loglevel=INFO",
        "-Q",
        f"{queue},{queue}-notices",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=settings.BASE_DIR
        )
    client = Celery("imroc-bench-client", broker=redis_url, backend=redis_url, set_as_current=False)
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                return ReportResult(name, None, None, f"worker did not start; see {log}")
            time.sleep(0.2)
        report = Report.objects.create(**report_fields)
        started = time.perf_counter()
        try:
            client.send_task("reports.generate", kwargs={"report_id": report.pk}, queue=queue).get(
                timeout=timeout
            )
        except CeleryTimeout:
            return ReportResult(name, None, peak_rss_mb(process.pid), f"not ready in {timeout} s")
        except Exception as error:  # the task's own failure: a row of the table, not a crash
            return ReportResult(name, None, peak_rss_mb(process.pid), f"failed: {error!r}"[:200])
        seconds = time.perf_counter() - started
        report.refresh_from_db()
        peak = peak_rss_mb(process.pid)
        if report.status != Report.Status.READY:
            return ReportResult(name, seconds, peak, f"report {report.status}: {report.error}")
        size = report.pdf.size // 1024
        return ReportResult(name, seconds, peak, f"PDF {size} KB", ready=True)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        client.close()
        log.unlink(missing_ok=True)
