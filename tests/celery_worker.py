"""A real Celery worker for tests: a subprocess on its own Redis database and queue, using
pytest-django's test database. Import ``real_worker`` into an app's ``tests/<app>/conftest.py``.
``embedded_worker`` is the default install's worker instead: the SQLAlchemy broker on SQLite
files of its own and the scheduler (beat) in the same process, as bin/serve starts it.

The test process talks to it through a client app of its own (``worker.send(name, **kw)``),
never by changing the project app's broker at run time (its producer is cached)."""

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection
from django.utils import timezone

from imroc import jobs

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
    process: subprocess.Popen  # a test may kill it to play a lost machine

    def send(self, name: str, timeout: float = 60, **kwargs):
        """Run task ``name`` on the worker and wait for its result."""
        return self.client.send_task(name, kwargs=kwargs, queue=self.queue).get(
            timeout=timeout, disable_sync_subtasks=False
        )

    def emails(self) -> list[str]:
        return [p.read_text() for p in sorted(self.mail_dir.glob("*.log"))]


def _worker_env(mail_dir: Path, **extra) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SITE_URL": settings.SITE_URL,
        "CONN_MAX_AGE": "0",
        **extra,
    }


@contextmanager
def _running(command: list[str], env: dict, log: Path):
    """Start the worker, wait for it to say it is ready, stop it afterwards; the project's
    app leaves eager mode meanwhile, so what a test queues goes to that worker."""
    from imroc.celery import app

    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=settings.BASE_DIR
        )
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield process
    finally:
        app.conf.task_always_eager = previous
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _needs_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "A worker subprocess needs a database it can share: the SQLite test database "
            "lives in this process's memory. Run with DATABASE_URL=postgres://..."
        )


WORKER = [sys.executable, "-m", "celery", "-A", "imroc", "worker", "--pool=solo"]
WORKER += ["--without-mingle", "--without-gossip", "--loglevel=INFO"]


@pytest.fixture
def real_worker(transactional_db, tmp_path):
    _needs_postgresql()
    broker = worker_broker_url()
    if not _redis_reachable(broker):
        pytest.skip(f"Redis is not reachable at {broker}")
    queue = f"imroc-test-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    # Reminders and emails the worker queues go to a notices queue of the test's own
    # (CELERY_TASK_ROUTES), which the worker consumes too.
    notices = f"{queue}-notices"
    env = _worker_env(
        mail_dir, REDIS_URL=broker, CELERY_TASK_DEFAULT_QUEUE=queue, IMROC_NOTICES_QUEUE=notices
    )
    client = Celery("imroc-test-client", broker=broker, backend=broker, set_as_current=False)
    try:
        with _running(
            [*WORKER, "-Q", f"{queue},{notices}"], env, tmp_path / "worker.log"
        ) as process:
            yield Worker(client=client, queue=queue, mail_dir=mail_dir, process=process)
    finally:
        client.close()


@dataclass
class EmbeddedWorker(Worker):
    var_dir: Path
    log: Path

    def wait_for(self, condition, timeout: float = 240, what: str = ""):
        """Poll ``condition()`` until it returns something true (the worker polls its
        SQLite broker about once a second)."""
        deadline = time.monotonic() + timeout
        while not (result := condition()):
            if time.monotonic() > deadline:
                pytest.fail(f"Timed out waiting for {what}:\n{self.log.read_text()}")
            time.sleep(0.3)
        return result


def backdate_beat_entry(schedule_file: Path, entry: str, last_run_at: datetime) -> None:
    """Write a beat schedule file that says ``entry`` last ran at ``last_run_at``, as if the
    machine had been off since: beat then runs it as soon as it starts."""
    from celery.beat import PersistentScheduler

    app = Celery("imroc-test-beat", set_as_current=False)
    app.conf.update(timezone=settings.CELERY_TIMEZONE, beat_schedule=settings.CELERY_BEAT_SCHEDULE)
    scheduler = PersistentScheduler(app=app, schedule_filename=str(schedule_file))
    scheduler.schedule[entry].last_run_at = last_run_at
    scheduler._store["entries"] = scheduler.schedule
    scheduler.sync()
    scheduler.close()
    app.close()


@pytest.fixture
def embedded_worker(transactional_db, tmp_path):
    """``celery worker -B`` with no REDIS_URL: the embedded broker in a var/ of its own. The
    reminder scan's schedule entry is backdated two days, so beat fires it on start."""
    _needs_postgresql()
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    schedule = var_dir / "celerybeat-schedule"
    backdate_beat_entry(schedule, "Reminder scan", datetime.now(UTC) - timedelta(days=2))
    env = _worker_env(mail_dir, IMROC_VAR_DIR=str(var_dir))
    env.pop("REDIS_URL", None)
    env.pop("CELERY_TASK_DEFAULT_QUEUE", None)
    env.pop("IMROC_NOTICES_QUEUE", None)
    client = Celery(
        "imroc-test-client",
        broker=f"sqla+sqlite:///{var_dir / 'celery-broker.sqlite3'}",
        backend=f"db+sqlite:///{var_dir / 'celery-results.sqlite3'}",
        set_as_current=False,
    )
    log = tmp_path / "worker.log"
    try:
        with _running([*WORKER, "-B", "-s", str(schedule)], env, log) as process:
            yield EmbeddedWorker(
                client=client,
                queue="celery",
                mail_dir=mail_dir,
                process=process,
                var_dir=var_dir,
                log=log,
            )
    finally:
        client.close()


# No heartbeat for a little longer than a job may be silent: well within the time limit.
SILENT = jobs.SILENT_FOR + timedelta(seconds=30)


def kill_mid_job(real_worker, task: str, job, **kwargs) -> None:
    """Queue ``task`` for ``job`` (a report or a site archive) on the real worker, wait until
    the worker claims it, then SIGKILL the worker, as when a machine dies: no handler runs."""
    real_worker.client.send_task(task, kwargs=kwargs, queue=real_worker.queue)
    deadline = time.monotonic() + 60
    while type(job).objects.get(pk=job.pk).status == job.Status.QUEUED:
        if time.monotonic() > deadline:
            pytest.fail(f"The worker never claimed {job}")
        time.sleep(0.02)
    os.kill(real_worker.process.pid, signal.SIGKILL)
    real_worker.process.wait()
    job.refresh_from_db()
    assert job.status == job.Status.RUNNING, "finished before the kill: make it slower"


def sweep_in_process(sweep) -> dict:
    """Run a recovery sweep once the lost job has been silent too long; what it queues again
    runs here, in-process."""
    from imroc.celery import app

    app.conf.task_always_eager = True
    try:
        return sweep(now=timezone.now() + SILENT)
    finally:
        app.conf.task_always_eager = False
