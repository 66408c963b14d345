"""A published review reaches the site's leads; the site's response reaches the consultant:
in the app and by email after commit, once, as each person chose."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from notifications.models import Notification, Preference, Reminder
from notifications.services import notify
from support import services
from support.models import ProgressReview
from tests.sites.factories import PersonFactory, join
from tests.support.factories import ProgressReviewFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def publish(world, **overrides):
    fields = {
        "site": world.site_a,
        "consultant": world.consultant,
        "actions": [],
        "review_date": D(2012, 1, 15),
        "period_start": D(2011, 10, 1),
        "period_end": D(2012, 1, 14),
        "status": ProgressReview.Status.SOME_CONCERNS,
        "progress": "Group formed.",
        "risks": "",
        "next_review_due": D(2012, 4, 15),
        **overrides,
    }
    return services.review_create(**fields)


def test_a_published_review_tells_the_sites_leads_only(world, django_capture_on_commit_callbacks):
    carer = PersonFactory(full_name="Carer Lead", email="carer.lead@example.org")
    world.site_a.project_group.create(person=carer, role="project_lead", perspective="carer")
    with django_capture_on_commit_callbacks(execute=True):
        review = publish(world)
    assert sorted(m.to[0] for m in mail.outbox) == ["carer.lead@example.org", "lead_a@example.org"]
    email = next(m for m in mail.outbox if m.to == ["lead_a@example.org"])
    assert email.subject.startswith("Alpha Partnership NHS Trust: ")
    assert "published a progress review" in email.subject
    assert f"http://127.0.0.1:8000/support/reviews/{review.pk}/" in email.body
    assert "Overall status: Some concerns" in email.body
    assert email.alternatives[0][1] == "text/html"
    [notification] = Notification.objects.all()  # the carer has no account: email only
    assert notification.user == world.lead_a
    assert notification.url == review.get_absolute_url()


def test_a_lead_who_chose_no_email_sees_the_review_in_the_app_only(
    world, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=world.lead_a, kind="review_published", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish(world)
    assert mail.outbox == []
    assert Notification.objects.get().user == world.lead_a


def test_a_review_that_fails_to_save_tells_nobody(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(world)
            raise RuntimeError("an action could not be saved")
    assert callbacks == []
    assert mail.outbox == []
    assert not Reminder.objects.exists() and not Notification.objects.exists()


def test_the_leads_response_tells_the_consultant_once_per_response(
    world, django_capture_on_commit_callbacks
):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    join(world.site_b, world.consultant)  # being elsewhere changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        services.review_respond(review=review, author=world.lead_a, text="Sponsor named.")
    [email] = mail.outbox
    assert email.to == [world.consultant.email]
    assert "responded to your review" in email.subject
    assert '"Sponsor named."' in email.body
    assert Notification.objects.get().user == world.consultant
    with django_capture_on_commit_callbacks(execute=True):
        services.review_respond(review=review, author=world.lead_a, text="And the date.")
    assert len(mail.outbox) == 2  # a second response is news again


def test_raising_the_review_events_again_tells_nobody_twice(
    world, django_capture_on_commit_callbacks
):
    """E.g. a retried task or a service that runs twice for one review or response."""
    with django_capture_on_commit_callbacks(execute=True):
        review = publish(world)
        response = services.review_respond(review=review, author=world.lead_a, text="Thanks.")
        notify("review_published", review=review)
        notify("review_response", response=response)
    assert sorted(m.to[0] for m in mail.outbox) == [world.consultant.email, world.lead_a.email]
    assert Notification.objects.count() == 2


def test_an_action_agreed_with_the_lead_tells_the_lead_once_and_done_tells_the_consultant(
    world, django_capture_on_commit_callbacks
):
    owned = {"owner_person": world.lead_a.person, "due_on": D(2012, 3, 1)}
    outside = {"owner_name": "Pat Board", "due_on": D(2012, 3, 1)}
    with django_capture_on_commit_callbacks(execute=True):
        review = publish(
            world,
            actions=[{"action": "Name a sponsor", **owned}, {"action": "Brief", **outside}],
        )
    action = review.actions.get(action="Name a sponsor")
    assigned = [m for m in mail.outbox if "an action for you" in m.subject]
    assert [m.to for m in assigned] == [["lead_a@example.org"]]  # nobody for the outsider
    assert f"/support/actions/{action.pk}/" in assigned[0].body
    assert Notification.objects.filter(user=world.lead_a, url=action.get_absolute_url()).exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # an edit that keeps the owner
        services.review_update(
            review=review,
            actions=[{"id": action.pk, "action": "Name a sponsor soon", **owned}],
        )
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        services.action_set_done(action=action, done=True, note="Jo agreed.", by=world.lead_a)
    [email] = mail.outbox
    assert email.to == ["consultant@example.org"] and "is done" in email.subject
    assert "Jo agreed." in email.body
    assert Notification.objects.filter(
        user=world.consultant, url=action.get_absolute_url()
    ).exists()
