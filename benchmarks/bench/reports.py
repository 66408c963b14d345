"""Reports and site archives on a real Celery worker: the worker's CPU seconds for the job
(``/proc``: what it cost, however busy the machine), the time from queueing to ready, and
the worker's peak memory. A fresh worker per job, so each peak is that job's own."""

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
from site_exports.models import SiteExport

from .procs import cpu_seconds, peak_rss_mb


@dataclass
class ReportResult:
    name: str
    seconds: float | None
    peak_mb: float | None
    note: str = ""
    ready: bool = False
    cpu: float | None = None  # the worker's CPU seconds for the job


def measure_report(name: str, *, redis_url: str, timeout: float, **report_fields) -> ReportResult:
    def start():
        report = Report.objects.create(**report_fields)
        return report, "reports.generate", {"report_id": report.pk}

    def finished(report):
        if report.status != Report.Status.READY:
            return False, f"report {report.status}: {report.error}"
        return True, f"PDF {report.pdf.size // 1024} KB"

    return _measure(name, start, finished, redis_url=redis_url, timeout=timeout)


def measure_archive(name: str, *, redis_url: str, timeout: float, site, by) -> ReportResult:
    """A site's archive (every record of it, as the lead downloads it)."""

    def start():
        export = SiteExport.objects.create(site=site, requested_by=by)
        return export, "site_exports.build", {"export_id": export.pk}

    def finished(export):
        if export.status != SiteExport.Status.READY:
            return False, f"archive {export.status}: {export.error}"
        return True, f"archive {export.archive.size // 1024} KB"

    return _measure(name, start, finished, redis_url=redis_url, timeout=timeout)


def _measure(name, start, finished, *, redis_url: str, timeout: float) -> ReportResult:
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
        job, task, kwargs = start()
        cpu_before = cpu_seconds(process.pid)
        started = time.perf_counter()
        try:
            client.send_task(task, kwargs=kwargs, queue=queue).get(timeout=timeout)
        except CeleryTimeout:
            return ReportResult(name, None, peak_rss_mb(process.pid), f"not ready in {timeout} s")
        except Exception as error:  # the task's own failure: a row of the table, not a crash
            return ReportResult(name, None, peak_rss_mb(process.pid), f"failed: {error!r}"[:200])
        seconds = time.perf_counter() - started
        cpu = cpu_seconds(process.pid) - cpu_before
        job.refresh_from_db()
        ready, note = finished(job)
        return ReportResult(name, seconds, peak_rss_mb(process.pid), note, ready=ready, cpu=cpu)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        client.close()
        log.unlink(missing_ok=True)
