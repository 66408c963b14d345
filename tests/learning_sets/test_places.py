"""Fair places: the rules in learning_sets/places.py and how the services apply them."""

import datetime

import pytest

from learning_sets import services
from learning_sets.models import Delegate
from learning_sets.places import Places
from tests.sites.factories import SiteFactory

from .factories import RELEASED, register, sites, workshop_for

SEVEN = tuple(range(1, 8))


def test_a_venue_that_takes_eight_from_every_site_needs_no_shares():
    places = Places(64, tuple(range(1, 9)), {}, released=False)
    assert not places.shares_apply
    assert places.problem(1) is None


def test_forty_places_for_seven_sites_guarantees_each_five():
    places = Places(40, SEVEN, {}, released=False)
    assert places.shares_apply and places.share == 5
    assert places.open_to_all == 5  # 40 - 7 x 5


def test_a_site_beyond_its_share_takes_only_places_nobody_is_guaranteed():
    places = Places(40, SEVEN, {1: 8, 2: 2}, released=False)
    # held: site 1's 8 + six shares of 5 = 38; two places are open to all.
    assert places.open_to_all == 2
    assert places.problem(2) is None  # still within its share
    assert places.problem(1)[0] == "site"  # 8 is a site's most
    full_of_extras = Places(40, SEVEN, {1: 7, 2: 8}, released=False)
    assert full_of_extras.open_to_all == 0
    assert full_of_extras.problem(1)[0] == "share"
    assert full_of_extras.problem(3) is None


def test_after_the_release_date_unclaimed_places_are_open_to_all():
    places = Places(40, SEVEN, {1: 7, 2: 7}, released=True)
    assert places.problem(1) is None
    assert places.for_site(1).free == 1


def test_each_sites_free_places_count_its_share_and_the_open_places():
    places = Places(40, SEVEN, {1: 3}, released=False)
    assert places.for_site(1).free == 5  # 2 left of its share + 3 open to all (40 - 35 - 0 - ...)
    assert places.for_site(2).free == 8


@pytest.mark.django_db
def test_every_site_keeps_its_share_when_an_early_site_registers_everyone():
    members = sites(7)
    workshop = workshop_for(members, capacity=40)
    early = members[0]
    placed = [register(workshop, early, waiting_list_ok=True) for _ in range(8)]
    assert all(d.status == Delegate.Status.REGISTERED for d in placed)  # 5 + 3 open places
    for site in members[1:]:
        for _ in range(5):
            assert register(workshop, site).status == Delegate.Status.REGISTERED
    # 8 + 6 x 5 = 38: the last two places are open to all.
    register(workshop, members[1])
    register(workshop, members[2])
    with pytest.raises(services.PlaceLimitReached) as error:
        register(workshop, members[1])
    assert error.value.limit == "venue"


@pytest.mark.django_db
def test_a_site_past_its_share_waits_and_is_promoted_when_places_are_released():
    members = sites(7)
    workshop = workshop_for(members, capacity=35)  # share 5, nothing open to all
    for _ in range(5):
        register(workshop, members[0])
    with pytest.raises(services.PlaceLimitReached) as error:
        register(workshop, members[0])
    assert error.value.limit == "share"
    waiting = register(workshop, members[0], waiting_list_ok=True)
    assert waiting.status == Delegate.Status.WAITING

    services.workshop_update(
        workshop=workshop,
        date=workshop.date,
        start_time=workshop.start_time,
        end_time=workshop.end_time,
        venue=workshop.venue,
        topic=None,
        places_release_date=RELEASED,
    )
    waiting.refresh_from_db()
    assert waiting.status == Delegate.Status.REGISTERED


@pytest.mark.django_db
def test_promotion_from_the_waiting_list_respects_the_shares():
    a, b = SiteFactory(), SiteFactory()
    workshop = workshop_for([a, b], capacity=4)  # share 2 each
    first_a = register(workshop, a)
    register(workshop, a)
    register(workshop, b)
    register(workshop, b)
    a_waits = register(workshop, a, waiting_list_ok=True)
    b_waits = register(workshop, b, waiting_list_ok=True)

    promoted = services.delegate_cancel(delegate=first_a)

    assert promoted == [a_waits]
    b_waits.refresh_from_db()
    assert b_waits.status == Delegate.Status.WAITING


@pytest.mark.django_db
def test_a_batch_is_registered_whole_or_not_at_all():
    site = SiteFactory()
    workshop = workshop_for([site], capacity=80)
    register(workshop, site, email="taken@example.org")
    people = [
        {
            "line": 1,
            "full_name": "Ann",
            "email": "ann@example.org",
            "perspective": "carer",
            "dietary_needs": "",
            "access_needs": "",
        },
        {
            "line": 2,
            "full_name": "Taken",
            "email": "taken@example.org",
            "perspective": "carer",
            "dietary_needs": "",
            "access_needs": "",
        },
    ]
    with pytest.raises(services.BatchRefused, match="Line 2: taken@example.org"):
        services.delegates_register_batch(workshop=workshop, site=site, people=people, by=None)
    assert workshop.delegates.count() == 1


@pytest.mark.django_db
def test_people_without_email_can_be_registered_by_their_lead():
    site = SiteFactory()
    workshop = workshop_for([site], date=datetime.date(2030, 3, 1))
    first = register(workshop, site, email="")
    second = register(workshop, site, email="")
    assert first.email == second.email == ""


@pytest.mark.django_db
def test_the_daily_task_gives_released_places_to_the_waiting_list():
    import time_machine

    from learning_sets.tasks import fill_released_places

    members = sites(7)
    workshop = workshop_for(members, capacity=35, places_release_date=datetime.date(2030, 2, 1))
    for _ in range(5):
        register(workshop, members[0])
    waiting = register(workshop, members[0], waiting_list_ok=True)
    with time_machine.travel(datetime.datetime(2030, 1, 31, 7), tick=False):
        assert fill_released_places.delay().get() == 0
    with time_machine.travel(datetime.datetime(2030, 2, 1, 7), tick=False):
        assert fill_released_places.delay().get() == 1
    waiting.refresh_from_db()
    assert waiting.status == Delegate.Status.REGISTERED
