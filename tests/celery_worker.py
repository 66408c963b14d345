"""A real Celery worker for tests: a subprocess on its own Redis database and queue, using
pytest-django's test database. Import ``real_worker`` into an app's ``tests/<app>/conftest.py``.

The test process talks to it through a client app of its own (``worker.send(name, **kw)``),
never by changing the project app's broker at run time (its producer is cached)."""

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection

WORKER_DB = os.environ.get("IMROC_TEST_WORKER_REDIS_DB", "15")


def worker_broker_url() -> str:
    """``IMROC_TEST_WORKER_REDIS_URL``, else REDIS_URL's server with a database of its own."""
    explicit = os.environ.get("IMROC_TEST_WORKER_REDIS_URL")
    if explicit:
        return explicit
    base = urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    return urlunsplit(base._replace(path=f"/{WORKER_DB}"))


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@dataclass
class Worker:
    client: Celery
    queue: str
    mail_dir: Path

    def send(self, name: str, timeout: float = 60, **kwargs):
        """Run task ``name`` on the worker and wait for its result."""
        return self.client.send_task(name, kwargs=kwargs, queue=self.queue).get(
            timeout=timeout, disable_sync_subtasks=False
        )

    def emails(self) -> list[str]:
        return [p.read_text() for p in sorted(self.mail_dir.glob("*.log"))]


@pytest.fixture
def real_worker(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "A worker subprocess needs a database it can share: the SQLite test database "
            "lives in this process's memory. Run with DATABASE_URL=postgres://..."
        )
    broker = worker_broker_url()
    if not _redis_reachable(broker):
        pytest.skip(f"Redis is not reachable at {broker}")
    from imroc.celery import app

    queue = f"imroc-test-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": broker,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SITE_URL": settings.SITE_URL,
        "CONN_MAX_AGE": "0",
    }
    command = [sys.executable, "-m", "celery", "-A", "imroc", "worker", "--pool=solo"]
    command += ["--without-mingle", "--without-gossip", "--loglevel=INFO", "-Q", queue]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=settings.BASE_DIR
        )
    client = Celery("imroc-test-client", broker=broker, backend=broker, set_as_current=False)
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 30
        while " ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield Worker(client=client, queue=queue, mail_dir=mail_dir)
    finally:
        app.conf.task_always_eager = previous
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        client.close()
