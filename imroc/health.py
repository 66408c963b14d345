"""``/healthz`` for load balancers: is the database reachable, and the broker?

It answers before any other middleware, so a balancer probing over plain HTTP by the host's
address gets its answer: no redirect to HTTPS, no check of the Host header, no session. The
database decides the status (503 when it cannot be reached: this web process can serve no
page); the broker is reported, not required, since pages still save without it and the
reports say when they could not start.
"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

PATH = "/healthz"


@never_cache
def healthz(request):
    database = _database()
    broker = _broker()
    return JsonResponse(
        {"status": "ok" if database == "ok" else "error", "database": database, "broker": broker},
        status=200 if database == "ok" else 503,
    )


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any driver's error means the same to a balancer
        logger.warning("Health check: database unreachable: %s", exc)
        return "unreachable"
    return "ok"


def _broker() -> str:
    from django.conf import settings

    from imroc.celery import app

    if app.conf.task_always_eager:
        return "in-process"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=settings.BROKER_TIMEOUT)
    except Exception as exc:  # kombu wraps each transport's errors differently
        logger.warning("Health check: broker unreachable: %s", exc)
        return "unreachable"
    return "ok"


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers ``/healthz`` before the SSL redirect and host checks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH:
            return healthz(request)
        return self.get_response(request)
