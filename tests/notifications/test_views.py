import pytest
from django.urls import reverse

from notifications.models import Notification, Preference
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db
KIND = "project_group_not_co_produced"


def test_the_nav_shows_the_unread_count_and_opening_one_marks_it_read(client, world):
    first, _ = NotificationFactory.create_batch(2, user=world.lead_a)
    NotificationFactory(user=world.lead_b)
    client.force_login(world.lead_a)
    page = client.get(reverse("home")).content.decode()
    assert '2<span class="nhsuk-u-visually-hidden"> unread</span>' in page
    response = client.post(reverse("notifications:notification-open", args=[first.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/sites/alpha/"
    page = client.get(reverse("home")).content.decode()
    assert '1<span class="nhsuk-u-visually-hidden"> unread</span>' in page


def test_mark_all_as_read_clears_the_badge_of_that_person_only(client, world):
    NotificationFactory.create_batch(3, user=world.lead_a)
    NotificationFactory(user=world.lead_b)
    client.force_login(world.lead_a)
    response = client.post(reverse("notifications:read-all"), follow=True)
    assert "3 notifications marked as read." in response.content.decode()
    assert 'visually-hidden"> unread' not in response.content.decode()
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_a_notification_linking_off_site_is_not_followed(client, world):
    notification = NotificationFactory(user=world.lead_a, url="https://evil.example/")
    client.force_login(world.lead_a)
    response = client.post(reverse("notifications:notification-open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:notification-list")


@pytest.mark.parametrize("count", [1, 40])
def test_notification_list_query_count_does_not_grow(
    client, world, django_assert_max_num_queries, count
):
    NotificationFactory.create_batch(count, user=world.lead_a)
    client.force_login(world.lead_a)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("notifications:notification-list"))
    assert len(response.context["page"]) == min(count, 25)


def shown_choices(client) -> dict:
    """The preferences page's choices as it shows them, to send back changed."""
    form = client.get(reverse("notifications:preferences")).context["form"]
    return {row["kind"].name: row["field"].value() for row in form.rows}


def test_preferences_page_saves_one_delivery_per_kind(client, world):
    client.force_login(world.lead_a)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Your site&#x27;s project group is not yet co-produced" in page
    choices = shown_choices(client)
    response = client.post(reverse("notifications:preferences"), {**choices, KIND: "digest"})
    assert response.status_code == 302
    assert Preference.objects.get(user=world.lead_a, kind=KIND).delivery == "digest"
    client.post(reverse("notifications:preferences"), {**choices, KIND: "none"})
    preference = Preference.objects.get(user=world.lead_a, kind=KIND)
    assert (preference.email, preference.digest, preference.delivery) == (False, False, "none")


def test_email_and_the_digest_cannot_both_be_chosen_for_a_kind(client, world):
    client.force_login(world.lead_a)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert f'type="radio" name="{KIND}"' in page
    assert f"{KIND}-email" not in page and f"{KIND}-digest" not in page
    choices = shown_choices(client)
    response = client.post(reverse("notifications:preferences"), {**choices, KIND: ""})
    assert f'<a href="#id_{KIND}_0">Choose how to hear:' in response.content.decode()


def test_leads_are_not_offered_kinds_only_consultants_get(client, world):
    client.force_login(world.lead_a)
    lead = shown_choices(client)
    client.force_login(world.consultant)
    consultant = shown_choices(client)
    for kind in ("review_response", "goal_closed"):
        assert kind not in lead
        assert kind in consultant


def test_the_administrator_sees_the_beat_schedule(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("notifications:schedule")).content.decode()
    assert "Every day at 07:00" in page
    assert "Every Monday at 07:30" in page
    assert "On day 1 of every month at 06:00" in page
    assert "notifications.scan" in page
