"""Requests per second under concurrent load: gunicorn (2 workers) on loopback, driven by
wrk (or a small threaded client when wrk is missing), a few seconds per page. Each page's
run follows a run of the floor page of its own (floor, page, floor, page...), so a page is
compared with the floor as the machine was at that moment; the web workers' CPU (from
``/proc``) over a run, divided by its requests, is what a request cost the server."""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from django.conf import settings

from .procs import children, cpu_seconds, peak_rss_mb

TIMEOUT = 60  # seconds a request may take under load (gunicorn's worker timeout is longer)


@dataclass
class LoadResult:
    name: str
    rps: float | None
    errors: int = 0
    note: str = ""
    requests: int = 0
    worker_cpu_ms: float | None = None  # the web workers' CPU a request, over the run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, *, workers: int = 2):
        self.port = free_port()
        self.workers = workers
        self.process = None

    def __enter__(self):
        env = {**os.environ, "DEBUG": "false", "CONN_MAX_AGE": "60"}
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "imroc.wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--log-level",
            "warning",
            "--timeout",
            str(TIMEOUT * 2),
        ]
        self.process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if (
                    self.get("/healthz", {})[0] == 200
                    and len(children(self.process.pid)) >= self.workers
                ):
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)

    def get(self, path: str, headers: dict) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def workers_cpu(self) -> float:
        return sum(cpu_seconds(pid) or 0 for pid in children(self.process.pid))

    def worker_peak_mb(self) -> list[float]:
        return [mb for pid in children(self.process.pid) if (mb := peak_rss_mb(pid)) is not None]


def run_load(
    server: Gunicorn, name: str, path: str, cookie: str, *, seconds: int, connections: int
) -> LoadResult:
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    try:
        status, _ = server.get(path, headers)
    except (OSError, http.client.HTTPException) as error:
        return LoadResult(name, None, note=f"no answer before the load ({error}): not measured")
    if status != 200:
        return LoadResult(name, None, note=f"HTTP {status} before the load: not measured")
    drive = _wrk if shutil.which("wrk") else _threads
    cpu_before = server.workers_cpu()
    result = drive(server, name, path, headers, seconds=seconds, connections=connections)
    if result.requests:
        result.worker_cpu_ms = (server.workers_cpu() - cpu_before) * 1000 / result.requests
    return result


def _wrk(server, name, path, headers, *, seconds, connections) -> LoadResult:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{TIMEOUT}s"]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    command.append(f"http://127.0.0.1:{server.port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return LoadResult(name, rps, errors, "wrk", requests=requests)


def _threads(server, name, path, headers, *, seconds, connections) -> LoadResult:
    """A fallback load: ``connections`` threads each sending requests back to back."""
    done, errors = [0], [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def loop():
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
        while time.monotonic() < stop:
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                failed = response.status != 200
            except (OSError, http.client.HTTPException):  # timed out or the worker was killed
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
                failed = True
            with lock:
                done[0] += 1
                errors[0] += failed
        conn.close()

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rps = done[0] / (time.monotonic() - started)
    return LoadResult(name, rps, errors[0], "python threads", requests=done[0])
