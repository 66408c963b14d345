"""A comment on a goal or a cycle reaches the goal's owner and the site's leads, not its
author: in the app and by email after commit, once, as each person chose."""

import pytest
from django.core import mail
from django.db import transaction

from notifications.models import Notification, Preference, Reminder
from notifications.services import notify
from pdsa import services
from sites.models import Person
from tests.pdsa.factories import CycleFactory, GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(world):
    owner = Person.objects.get(user=world.member_a)
    return GoalFactory(priority__site=world.site_a, owner=owner, title="Peer workers on wards")


def told(kind="comment_added") -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def test_a_consultants_comment_on_a_goal_tells_the_owner_and_the_leads(
    world, goal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(author=world.consultant, text="Try the ward rounds.", goal=goal)
    assert told() == {"lead_a", "member_a"}
    assert sorted(m.to[0] for m in mail.outbox) == [world.lead_a.email, world.member_a.email]
    assert "commented on the goal “Peer workers on wards”" in mail.outbox[0].subject
    assert '"Try the ward rounds."' in mail.outbox[0].body
    assert f"/pdsa/goals/{goal.pk}/" in mail.outbox[0].body


def test_a_comment_on_a_cycle_does_not_tell_its_own_author(
    world, goal, django_capture_on_commit_callbacks
):
    cycle = CycleFactory(goal=goal)
    Preference.objects.create(user=world.member_a, kind="comment_added", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(author=world.lead_a, text="Started on Monday.", cycle=cycle)
    assert told() == {"member_a"}  # the owner; the lead wrote it
    assert mail.outbox == []  # the owner chose the app only
    notification = Notification.objects.get()
    assert notification.url == cycle.get_absolute_url()
    assert f"cycle {cycle.number} of “Peer workers on wards”" in notification.subject


def test_a_comment_that_is_rolled_back_tells_nobody(
    world, goal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            services.comment_add(author=world.consultant, text="x", goal=goal)
            raise RuntimeError
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_raising_the_comment_event_again_tells_nobody_twice(
    world, goal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_add(author=world.consultant, text="Good.", goal=goal)
        notify("comment_added", comment=comment)
    assert len(mail.outbox) == 2 and Notification.objects.count() == 2
