"""``/healthz`` for load balancers and monitors: the database, the broker and the cache.

It answers before any other middleware, so a balancer probing over plain HTTP by the host's
address gets its answer: no redirect to HTTPS, no check of the Host header, no session. The
database decides whether this web process can serve pages: 503 when it cannot be reached.
With Redis down (broker or cache unreachable) pages still work, so the answer stays 200 with
``"status": "degraded"`` and the JSON names what is down; a balancer keeps sending traffic.
A monitor that should alert on degraded asks ``/healthz?strict``: 503 unless all is well.
"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

PATH = "/healthz"


@never_cache
def healthz(request):
    parts = {"database": _database(), "broker": _broker(), "cache": _cache()}
    if parts["database"] != "ok":
        status = "error"
    elif "unreachable" in parts.values():
        status = "degraded"
    else:
        status = "ok"
    failing = status == "error" or (status == "degraded" and "strict" in request.GET)
    return JsonResponse({"status": status, **parts}, status=503 if failing else 200)


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


def _cache() -> str:
    """``ok`` or ``unreachable`` for the shared cache on Redis; ``local`` for a cache of files
    or memory on this machine, which has nothing to be cut off from."""
    from django.core.cache import cache

    reachable = getattr(cache, "reachable", None)
    if reachable is None:
        return "local"
    return "ok" if reachable() else "unreachable"


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers ``/healthz`` before the SSL redirect and host checks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH:
            return healthz(request)
        return self.get_response(request)
