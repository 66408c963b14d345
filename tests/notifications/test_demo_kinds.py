"""Done when: on the demo programme the scan sends the expected reminders, once."""

import datetime
import io
from collections import Counter

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from learning_sets.models import Delegate, Workshop
from notifications import services
from notifications.models import Reminder

pytestmark = pytest.mark.django_db
LOADED = datetime.date(2025, 3, 12)


def sent_by_kind() -> Counter:
    return Counter(Reminder.objects.filter(status="sent").values_list("kind", flat=True))


def test_the_demo_scan_sends_the_expected_reminders_once(committing):
    with time_machine.travel(datetime.datetime(2025, 3, 12, 9, 0), tick=False):
        call_command("load_demo", stdout=io.StringIO())
    committing(services.scan, today=LOADED)
    committing(services.scan, today=LOADED)
    committing(services.scan, today=LOADED + datetime.timedelta(days=1))
    assert sent_by_kind() == {
        "project_group_not_co_produced": 2,  # two network sites' groups
        "cycle_stage_overdue": 2,  # a running cycle at Devon and at Mersey Care: their leads
        "goal_target_soon": 2,
        "review_due": 1,  # to the consultant
        # Events of the demo's own making, emailed by the scan as pending email is:
        "review_published": 2,  # the two reviews, to each site's lead
        "review_response": 1,  # Devon's lead answered: to the consultant
        "action_assigned": 1,  # a review's action owned by a demo account
        "trip_action_overdue": 1,  # a team's plan action owned by the demo member
        "goal_closed": 2,  # Devon's achieved goal and Mersey Care's abandoned one: consultant
        "site_export_ready": 1,  # Devon's lead downloaded the site's data
    }
    assert len(mail.outbox) == 15
    overdue = [m for m in mail.outbox if "overdue" in m.subject and "stage" in m.subject]
    assert {m.to[0] for m in overdue} == {"lead@imroc.example", "lead2@imroc.example"}

    # A week before the next workshop its registered delegates get the joining instructions
    # with the .ics (the demo's made-up registrations emailed nobody); a delegate without an
    # email address (some carers) is reached through their site's lead or who registered them.
    workshop = Workshop.objects.filter(date__gt=LOADED).order_by("date").first()
    today = workshop.date - datetime.timedelta(days=7)
    registered = list(
        Delegate.objects.filter(
            status=Delegate.Status.REGISTERED,
            workshop__date__gte=today + datetime.timedelta(days=3),
            workshop__date__lte=workshop.date,
        )
    )
    assert workshop.delegates.exists()
    mail.outbox.clear()
    committing(services.scan, today=today)
    committing(services.scan, today=today + datetime.timedelta(days=1))
    invited = [m for m in mail.outbox if m.attachments]
    emails = sorted(d.email for d in registered if d.email)
    assert sorted(m.to[0] for m in invited if m.to[0] in emails) == emails
    through_others = [m for m in invited if m.to[0] not in emails]
    for delegate in (d for d in registered if not d.email):
        assert any(delegate.full_name in m.body for m in through_others), delegate
    assert all(m.attachments[0][2] == "text/calendar" for m in invited)
