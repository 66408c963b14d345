"""Redis down is not an outage: with the cache (sessions, chart results) and the broker on a
closed port, signing in and every signed-in page work from the database, throttling still
counts, a report says it could not start, and /healthz says what is degraded."""

import os
import subprocess
import sys

import pytest
from celery import Celery
from django.conf import settings as django_settings
from django.urls import reverse

from reports.models import Report
from tests.reports.test_broker_down import broker_down, closed_port  # noqa: F401  (fixture)
from tests.sites.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def cache_down(settings):
    """The project's Redis cache, as settings.py configures it with REDIS_URL, on a closed
    port."""
    settings.CACHES = {
        "default": {
            "BACKEND": "imroc.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "KEY_PREFIX": "imroc",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


def test_with_redis_the_project_uses_the_cache_that_survives_redis_down():
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'imroc.settings'\n"
            "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        ],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip() == "imroc.cache.ResilientRedisCache", done.stderr[-2000:]


def test_signing_in_and_signed_in_pages_work_with_the_cache_down(client, world, cache_down, caplog):
    assert client.get(LOGIN).status_code == 200
    response = client.post(LOGIN, {"username": "lead_a", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    for url in ["/", f"/sites/{world.site_a.slug}/", "/challenges/sites/alpha/assessments/"]:
        assert client.get(url).status_code == 200, url
    assert "Cache unreachable, answered as a miss" in caplog.text


def test_sign_in_throttling_still_counts_with_the_cache_down(client, world, cache_down):
    for _ in range(5):
        response = client.post(LOGIN, {"username": "lead_a", "password": "wrong"})
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()


@pytest.mark.usefixtures("cache_down", "broker_down")
def test_a_report_asked_for_with_redis_down_could_not_start(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.lead_a)
    with django_capture_on_commit_callbacks(execute=True):  # queued as the commit would
        response = client.post(
            reverse("reports:report-request"),
            {"kind": "site_progress", "site-site": world.site_a.slug},
        )
    page = client.get(response["Location"])
    assert Report.objects.get().status == Report.Status.FAILED
    assert page.status_code == 200 and "could not start" in page.content.decode()


@pytest.fixture
def project_broker_down(monkeypatch):
    """The broker /healthz checks, on a closed port (a Celery app of its own: the project's
    producer is left alone)."""
    import imroc.celery

    app = Celery("healthz-broker-down", set_as_current=False)
    app.conf.update(broker_url=f"redis://127.0.0.1:{closed_port()}/0", task_always_eager=False)
    monkeypatch.setattr(imroc.celery, "app", app)
    yield app
    app.close()


def test_healthz_says_which_of_broker_and_cache_is_down_and_stays_200(
    client, cache_down, project_broker_down
):
    response = client.get("/healthz")
    assert response.status_code == 200  # pages work: the balancer keeps sending traffic
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "broker": "unreachable",
        "cache": "unreachable",
    }
    assert client.get("/healthz?strict").status_code == 503  # for a monitor to alert on
