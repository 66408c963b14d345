"""Delegates' access and dietary needs are erased 90 days (IMROC_NEEDS_RETENTION_DAYS)
after their workshop by a scheduled task, and the count is logged."""

import datetime
import logging

import pytest
import time_machine
from django.conf import settings

from audit.models import AuditEvent
from learning_sets.models import Delegate
from learning_sets.tasks import erase_needs
from tests.learning_sets.factories import register, workshop_for

pytestmark = pytest.mark.django_db

HELD = datetime.date(2026, 6, 1)


def needs(delegate):
    delegate.refresh_from_db()
    return delegate.dietary_needs, delegate.access_needs


def test_needs_go_ninety_days_after_the_workshop(world, caplog):
    past = workshop_for([world.site_a], date=HELD)
    later = workshop_for([world.site_a], date=HELD + datetime.timedelta(days=10))
    old = register(past, world.site_a, dietary_needs="Halal", access_needs="Wheelchair")
    plain = register(past, world.site_a)
    recent = register(later, world.site_a, dietary_needs="Vegan")

    with time_machine.travel(datetime.datetime(2026, 8, 30, 3, 0), tick=False):  # day 90
        assert erase_needs.delay().get() == 0
    assert needs(old) == ("Halal", "Wheelchair")

    with caplog.at_level(logging.INFO, logger="learning_sets.retention"):
        with time_machine.travel(datetime.datetime(2026, 8, 31, 3, 0), tick=False):  # day 91
            assert erase_needs.delay().get() == 1
    assert "Erased the access and dietary needs of 1 delegate(s)" in caplog.text
    assert needs(old) == ("", "") and needs(plain) == ("", "")
    assert needs(recent) == ("Vegan", "")
    assert Delegate.objects.filter(pk=old.pk).exists()  # the record of attendance stays
    [event] = AuditEvent.objects.filter(action=AuditEvent.Action.NEEDS_ERASED)
    assert event.what.startswith("1 delegate(s)") and event.user is None


def test_the_retention_period_is_configurable(world, settings):
    settings.IMROC_NEEDS_RETENTION_DAYS = 30
    delegate = register(workshop_for([world.site_a], date=HELD), world.site_a, access_needs="BSL")
    with time_machine.travel(datetime.datetime(2026, 7, 2, 3, 0), tick=False):
        erase_needs.delay().get()
    assert needs(delegate) == ("", "")


def test_the_erasure_is_scheduled_daily():
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "learning_sets.erase_needs"
    )
    assert entry["schedule"].hour == {2}
