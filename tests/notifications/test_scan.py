import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from notifications import registry, services, tasks
from notifications.models import Notification, Reminder
from notifications.registry import Attachment, Due, Recipient
from sites.models import ProjectGroupMember
from tests.sites.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2012, 6, 4)


def co_produce(site):
    """Give a site's group a carer and a board sponsor."""
    for role, perspective in [("member", "carer"), ("board_sponsor", "manager")]:
        ProjectGroupMember.objects.create(
            site=site, person=PersonFactory(), role=role, perspective=perspective
        )


def test_scan_emails_each_lead_of_a_group_not_yet_co_produced(committing, world):
    co_produce(world.site_b)
    result = committing(services.scan, today=TODAY)
    assert result.recorded == 1
    [email] = mail.outbox
    assert email.to == [world.lead_a.email]
    assert email.subject == "Alpha Partnership NHS Trust: the project group is not yet co-produced"
    assert "no service users or carers and no board sponsor" in email.body
    assert "http://127.0.0.1:8000/sites/alpha/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="http://127.0.0.1:8000/sites/alpha/"' in html
    assert Reminder.objects.get().status == Reminder.Status.SENT


def test_running_the_scan_twice_sends_each_reminder_once(committing, world):
    committing(tasks.scan.delay)
    committing(tasks.scan.delay)
    assert sorted(m.to[0] for m in mail.outbox) == [world.lead_a.email, world.lead_b.email]
    assert Reminder.objects.count() == 2
    assert Notification.objects.filter(user=world.lead_a).count() == 1


def test_the_reminder_comes_again_the_next_month_but_not_the_same_month(committing, world):
    co_produce(world.site_b)
    committing(services.scan, today=TODAY)
    committing(services.scan, today=TODAY + datetime.timedelta(days=20))
    committing(services.scan, today=TODAY + datetime.timedelta(days=30))
    assert len(mail.outbox) == 2


def test_a_co_produced_group_gets_no_reminder(committing, world):
    co_produce(world.site_a)
    co_produce(world.site_b)
    assert committing(services.scan, today=TODAY).recorded == 0
    assert mail.outbox == []


def test_a_lead_without_an_account_is_emailed_by_address_and_has_no_in_app_entry(committing, world):
    co_produce(world.site_a)
    ProjectGroupMember.objects.filter(site=world.site_b).delete()
    ProjectGroupMember.objects.create(
        site=world.site_b,
        person=PersonFactory(full_name="Ann Tregear", email="ann@example.org"),
        role="project_lead",
        perspective="manager",
    )
    committing(services.scan, today=TODAY)
    [email] = mail.outbox
    assert email.to == ["ann@example.org"]
    assert "Dear Ann Tregear" in email.body
    assert Notification.objects.count() == 0


def test_a_sent_reminder_is_never_claimed_again(committing, world):
    co_produce(world.site_b)
    committing(services.scan, today=TODAY)
    reminder = Reminder.objects.get()
    assert services.reminder_send(reminder=reminder) is False
    assert len(mail.outbox) == 1


@pytest.fixture
def workshop_kind():
    """A kind like the learning sets' "workshop_soon": to a delegate with no account,
    with the workshop's calendar entry attached."""

    @registry.register("test_workshop_soon", label="A workshop is coming up")
    def due(today):
        yield Due(
            kind="test_workshop_soon",
            recipient=Recipient("delegate@example.org", "Dan Ellery"),
            key=f"workshop:1:{today}",
            subject="Workshop 3 is in 14 days",
            url="/learning-sets/",
            context={"message": "Creating a recovery college, Exeter."},
            attachments=[Attachment("workshop.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")],
        )

    yield
    registry.unregister("test_workshop_soon")


def test_a_registered_kind_sends_its_attachment_to_someone_without_an_account(
    committing, db, workshop_kind
):
    committing(services.scan, today=TODAY)
    [email] = mail.outbox
    assert email.to == ["delegate@example.org"]
    assert "Creating a recovery college, Exeter." in email.body
    assert list(email.attachments[0]) == ["workshop.ics", "BEGIN:VCALENDAR\r\n", "text/calendar"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_scans_still_send_each_reminder_once(world):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent connections need PostgreSQL (SQLite's test db is in memory)")
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            services.scan(today=TODAY)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(m.to[0] for m in mail.outbox) == [world.lead_a.email, world.lead_b.email]
    assert Reminder.objects.filter(status="sent").count() == 2
