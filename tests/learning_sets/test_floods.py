"""A site's registration link is open to anyone who has it: registrations through it are
limited per link and per address (the page says so), the site's waiting list is capped, and
the organisers and the lead who issued the link are told once when it is being flooded."""

import pytest
from django.core import mail

from learning_sets import services
from learning_sets.models import Delegate
from notifications.models import Notification
from tests.reports.test_broker_down import closed_port

from .factories import register, workshop_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(world):
    workshop = workshop_for([world.site_a, world.site_b])
    workshop.learning_set.organisers.add(world.organiser)
    return services.registration_link_issue(workshop=workshop, site=world.site_a, by=world.lead_a)


def join(client, link, n: int, *, address="192.0.2.1", waiting=False):
    answer = {"full_name": f"Person {n}", "email": f"p{n}@example.org", "perspective": "carer"}
    if waiting:
        answer["waiting_list_ok"] = "on"
    return client.post(link.get_absolute_url(), answer, REMOTE_ADDR=address)


def told(world) -> dict[str, int]:
    """Flood notices in each person's notifications."""
    return {
        name: Notification.objects.filter(
            user=world.users[name], reminder__kind="registration_link_flooded"
        ).count()
        for name in ("organiser", "lead_a", "lead_b")
    }


def test_the_join_page_states_the_limits(client, link, settings):
    page = client.get(link.get_absolute_url()).content.decode()
    assert "this link takes up to 30 registrations an hour and up to 10 an hour from one" in page
    assert "the waiting list holds up to 10 people from Alpha Partnership NHS Trust" in page


def test_a_flooded_link_refuses_more_and_tells_the_organiser_and_lead_once(
    client, world, link, settings, django_capture_on_commit_callbacks
):
    settings.IMROC_LINK_JOINS_PER_HOUR = 3
    for n in range(3):
        assert join(client, link, n, address=f"192.0.2.{n}").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        refused = [join(client, link, n, address=f"198.51.100.{n}") for n in range(3, 8)]
    assert {r.status_code for r in refused} == {429}
    page = refused[0].content.decode()
    assert "There is a problem" in page and "This link has taken 3 registrations" in page
    assert link.workshop.delegates.count() == 3
    assert told(world) == {"organiser": 1, "lead_a": 1, "lead_b": 0}
    flood_mail = [m for m in mail.outbox if "being flooded" in m.subject]
    assert sorted(m.to[0] for m in flood_mail) == sorted(
        [world.organiser.email, world.lead_a.email]
    )


def test_one_address_may_register_only_so_many(client, world, link, settings):
    settings.IMROC_ADDRESS_JOINS_PER_HOUR = 2
    assert join(client, link, 1).status_code == 200
    assert join(client, link, 2).status_code == 200
    refused = join(client, link, 3)
    assert refused.status_code == 429
    assert "2 people have registered from your network" in refused.content.decode()
    assert join(client, link, 4, address="203.0.113.9").status_code == 200
    assert link.workshop.delegates.count() == 3


def test_the_address_is_the_proxys_not_one_the_client_forged(client, world, link, settings):
    settings.IMROC_ADDRESS_JOINS_PER_HOUR = 1
    settings.IMROC_TRUSTED_PROXIES = 1
    for n, forged in enumerate(["10.0.0.1", "10.0.0.2"]):
        answer = {"full_name": f"P{n}", "email": f"f{n}@example.org", "perspective": "carer"}
        response = client.post(
            link.get_absolute_url(),
            answer,
            REMOTE_ADDR="172.18.0.5",
            HTTP_X_FORWARDED_FOR=f"{forged}, 192.0.2.77",  # the proxy appended what it saw
        )
    assert response.status_code == 429
    assert link.workshop.delegates.count() == 1


def test_the_sites_waiting_list_is_capped(
    client, world, link, settings, django_capture_on_commit_callbacks
):
    settings.IMROC_WAITING_LIST_PER_SITE = 2
    for _ in range(8):  # the site's share of places
        register(link.workshop, world.site_a)
    assert "You are on the waiting list" in join(client, link, 1, waiting=True).content.decode()
    assert "You are on the waiting list" in join(client, link, 2, waiting=True).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = join(client, link, 3, waiting=True).content.decode()
        join(client, link, 4, waiting=True)
    assert "The waiting list of Alpha Partnership NHS Trust for this workshop is full" in page
    assert "The waiting list for Alpha Partnership NHS Trust is full too" in page
    assert link.workshop.delegates.filter(status=Delegate.Status.WAITING).count() == 2
    assert told(world)["organiser"] == 1
    # another site's waiting list is its own
    register(link.workshop, world.site_b, waiting_list_ok=True)


def test_a_batch_beyond_the_waiting_list_is_refused_whole(client, world, link, settings):
    settings.IMROC_WAITING_LIST_PER_SITE = 1
    client.force_login(world.lead_a)
    ten = "\n".join(f"Person {n},p{n}@example.org,Carer" for n in range(10))
    response = client.post(
        f"/learning-sets/workshops/{link.workshop.pk}/delegates/batch/",
        {"site": world.site_a.pk, "people": ten, "waiting_list_ok": "on"},
    )
    assert "Line 10: The waiting list of Alpha Partnership NHS Trust" in response.content.decode()
    assert not link.workshop.delegates.exists()


def test_with_the_cache_down_a_link_still_registers_within_its_limits(
    client, world, link, settings
):
    """Redis down: the address's count is lost (a miss), the registration is not."""
    settings.CACHES = {
        "default": {
            "BACKEND": "imroc.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.IMROC_LINK_JOINS_PER_HOUR = 2
    assert "You are registered" in join(client, link, 1).content.decode()
    assert join(client, link, 2).status_code == 200
    assert join(client, link, 3).status_code == 429
    assert link.workshop.delegates.count() == 2
