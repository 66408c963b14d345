"""Asking for a report while Redis is down: the request ends quickly with a 200 page and the
report says it could not start. A Celery app of its own points at a closed port, so the
shared Redis and the project's Celery app are left alone."""

import socket

import pytest
from celery import Celery
from django.conf import settings
from django.urls import reverse

from imroc import queueing
from imroc.broker import transport_options
from reports import tasks  # noqa: F401 (defines reports.generate for every Celery app)
from reports.models import Report

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the socket closes


@pytest.fixture
def broker_down(monkeypatch):
    """The report task as a Celery app with Redis down would send it: the project's Celery
    settings (timeouts, retries), with the broker and result backend on a closed port."""
    down = f"redis://127.0.0.1:{closed_port()}/0"
    app = Celery("broker-down", set_as_current=False)  # the project app stays current
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url=down,
        result_backend=down,
        # What the project gives a Redis broker, whichever broker this run's settings chose.
        broker_transport_options=transport_options(down, timeout=settings.BROKER_TIMEOUT),
        task_always_eager=False,
    )
    monkeypatch.setattr(queueing, "app", app)  # the same tasks, queued through Redis down
    yield app
    app.close()


def test_asking_for_a_report_with_redis_down_fails_fast_with_a_message(
    client, world, committing, broker_down
):
    client.force_login(world.lead_a)
    response = committing(
        client.post,
        reverse("reports:report-request"),
        {"kind": "site_progress", "site-site": world.site_a.slug},
    )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert report.status == Report.Status.FAILED
    assert "could not start" in report.progress and "Try again" in report.progress
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert "could not start" in page.content.decode()


def test_the_broker_and_result_backend_give_up_within_seconds(settings):
    """What makes it fast: short connection timeouts and at most one retry, for Redis
    whether or not this run's settings use it."""
    redis = transport_options("redis://127.0.0.1:6379/0", timeout=settings.BROKER_TIMEOUT)
    assert settings.CELERY_BROKER_CONNECTION_TIMEOUT <= 3
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["max_retries"] <= 1
    assert redis["max_retries"] <= 1
    assert redis["socket_connect_timeout"] <= 3
    assert settings.CELERY_REDIS_SOCKET_CONNECT_TIMEOUT <= 3
    assert settings.CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS["retry_policy"]["max_retries"] <= 1
    assert settings.CELERY_TASK_PUBLISH_RETRY_POLICY["max_retries"] <= 1


def test_the_embedded_broker_options_are_ones_sqlalchemy_accepts():
    """The embedded broker passes its options to SQLAlchemy's create_engine: a socket
    option there would stop every queueing on the default install."""
    app = Celery("embedded", set_as_current=False)
    app.conf.broker_url = "sqla+sqlite://"
    app.conf.broker_transport_options = transport_options(app.conf.broker_url, timeout=2)
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.default_channel is not None  # made with the options
    app.close()
