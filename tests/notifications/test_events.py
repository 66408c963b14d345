"""``notify``: an event's messages are recorded once per key and recipient, appear in the
app at once, go by email only after the transaction commits, as each person chose, and
vanish with a rollback."""

import pytest
from django.core import mail
from django.db import transaction

from notifications import registry
from notifications.models import Notification, Preference, Reminder
from notifications.registry import Due, Recipient, register_event
from notifications.services import notify

pytestmark = pytest.mark.django_db
KIND = "test_thing_happened"


@pytest.fixture
def thing_happened():
    @register_event(KIND, label="A thing happened")
    def messages(*, thing, people):
        for person in people:
            yield Due(
                kind=KIND,
                recipient=person,
                key=f"thing:{thing}",
                subject=f"Thing {thing} happened",
                url="/sites/alpha/",
                context={"message": f"Thing {thing} happened."},
            )

    yield
    registry.unregister(KIND)


def test_an_event_is_in_the_app_at_once_and_emailed_after_commit(
    thing_happened, world, django_capture_on_commit_callbacks
):
    outsider = Recipient("carer@example.org", "A Carer")
    with django_capture_on_commit_callbacks() as callbacks:
        assert notify(KIND, thing=1, people=[world.lead_a, outsider]) == 2
        assert Notification.objects.get().user == world.lead_a
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == ["carer@example.org", world.lead_a.email]
    assert all(m.subject == "Thing 1 happened" for m in mail.outbox)
    assert set(Reminder.objects.values_list("status", flat=True)) == {"sent"}


def test_raising_the_same_event_twice_tells_nobody_twice(thing_happened, world, committing):
    committing(notify, KIND, thing=1, people=[world.lead_a, world.lead_a])
    committing(notify, KIND, thing=1, people=[world.lead_a])
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=world.lead_a).count() == 1
    committing(notify, KIND, thing=2, people=[world.lead_a])
    assert len(mail.outbox) == 2


def test_nothing_is_told_when_the_transaction_rolls_back(
    thing_happened, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            notify(KIND, thing=1, people=[world.lead_a])
            raise RuntimeError("the service failed after raising the event")
    assert not Reminder.objects.exists()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_each_persons_choice_for_the_event_kind_is_kept(thing_happened, world, committing):
    Preference.objects.create(user=world.lead_a, kind=KIND, email=False)
    Preference.objects.create(user=world.lead_b, kind=KIND, email=True, digest=True)
    committing(notify, KIND, thing=1, people=[world.lead_a, world.lead_b, world.member_a])
    assert [m.to[0] for m in mail.outbox] == [world.member_a.email]
    assert Notification.objects.count() == 3
    deliveries = dict(Reminder.objects.values_list("user__username", "delivery"))
    assert deliveries == {"lead_a": "none", "lead_b": "digest", "member_a": "email"}


def test_an_unknown_event_kind_is_a_clear_error(world):
    with pytest.raises(LookupError, match="No event kind 'no_such_event'"):
        notify("no_such_event", thing=1)


def test_the_preferences_page_lists_event_kinds_before_reminders(client, world):
    client.force_login(world.lead_a)
    page_url = "/notifications/preferences/"
    page = client.get(page_url).content.decode()
    assert page.index("When something happens") < page.index("Reminders")
    for label in (
        "A consultant published a progress review of your site",
        "Someone commented on a goal or PDSA cycle of your site",
        "A report you asked for is ready",
    ):
        assert label in page
    choices = {row["kind"].name: "none" for row in client.get(page_url).context["form"].rows}
    response = client.post(page_url, {**choices, "review_published": "email"}, follow=True)
    assert "Your notification preferences are saved." in response.content.decode()
    saved = {p.kind: p.delivery for p in Preference.objects.filter(user=world.lead_a)}
    assert saved["review_published"] == "email"
    assert saved["comment_added"] == "none"


@pytest.mark.parametrize("saved", [0, 1])
def test_the_preferences_page_query_count_is_constant(
    client, world, django_assert_max_num_queries, saved
):
    if saved:
        for kind in registry.event_kinds() + registry.kinds():
            Preference.objects.create(user=world.lead_a, kind=kind.name, email=False)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(6):
        response = client.get("/notifications/preferences/")
    offered = [k for k in registry.event_kinds() + registry.kinds() if k.offered_to is None]
    assert len(response.context["form"].rows) == len(offered)
