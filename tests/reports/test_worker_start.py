"""A report worker loads WeasyPrint and the URL map when it starts, not in its first job."""

import sys
import weakref

from celery import signals

from reports import worker


def _receivers(signal) -> list:
    found = []
    for _key, receiver in signal.receivers:
        if isinstance(receiver, weakref.ReferenceType):
            receiver = receiver()
        found.append(receiver)
    return found


def test_a_starting_worker_loads_what_the_first_report_needs(monkeypatch):
    assert worker.load_before_the_first_job in _receivers(signals.worker_init)
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)

    worker.load_before_the_first_job()

    assert "weasyprint" in sys.modules
