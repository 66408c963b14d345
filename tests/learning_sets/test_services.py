import datetime
import threading
import time

import pytest
from django.db import connection, connections

from learning_sets import services
from learning_sets.models import Delegate, Evaluation, Topic, TopicChoice, composition_warnings
from learning_sets.services import delegates as delegate_services
from tests.sites.factories import SiteFactory

from .factories import RELEASED, VenueFactory, learning_set_with, register, sites, workshop_for

pytestmark = pytest.mark.django_db


def test_a_site_may_send_at_most_eight_delegates_and_the_error_says_so():
    site = SiteFactory()
    workshop = workshop_for([site])
    for _ in range(8):
        register(workshop, site)
    with pytest.raises(services.PlaceLimitReached) as error:
        register(workshop, site)
    assert error.value.limit == "site"
    assert "8 delegates" in str(error.value)
    assert workshop.delegates.count() == 8


def test_the_venue_capacity_is_never_exceeded_even_when_sites_have_room():
    a, b = SiteFactory(), SiteFactory()
    workshop = workshop_for([a, b], capacity=3)
    register(workshop, a)
    register(workshop, a)
    register(workshop, b)
    with pytest.raises(services.PlaceLimitReached) as error:
        register(workshop, b)
    assert error.value.limit == "venue"
    assert "holds 3" in str(error.value)


def test_a_full_workshop_puts_a_delegate_on_the_waiting_list_when_asked():
    site = SiteFactory()
    workshop = workshop_for([site], capacity=1)
    register(workshop, site)
    waiting = register(workshop, site, waiting_list_ok=True)
    assert waiting.status == Delegate.Status.WAITING


def test_cancelling_a_place_promotes_the_first_waiting_delegate_who_fits():
    a, b = SiteFactory(), SiteFactory()
    workshop = workshop_for([a, b], capacity=9, places_release_date=RELEASED)
    placed = [register(workshop, a) for _ in range(8)]
    register(workshop, b)
    first_waiting_from_a = register(workshop, a, waiting_list_ok=True)
    second_waiting_from_b = register(workshop, b, waiting_list_ok=True)

    promoted = services.delegate_cancel(delegate=Delegate.objects.get(pk=placed[0].pk))

    assert promoted == [first_waiting_from_a]
    first_waiting_from_a.refresh_from_db()
    second_waiting_from_b.refresh_from_db()
    assert first_waiting_from_a.status == Delegate.Status.REGISTERED
    assert second_waiting_from_b.status == Delegate.Status.WAITING


def test_a_waiting_delegate_whose_site_is_at_its_limit_lets_another_site_through():
    a, b = SiteFactory(), SiteFactory()
    workshop = workshop_for([a, b], capacity=9, places_release_date=RELEASED)
    for _ in range(8):
        register(workshop, a)
    b_placed = register(workshop, b)
    stuck = register(workshop, a, waiting_list_ok=True)
    from_b = register(workshop, b, waiting_list_ok=True)

    promoted = services.delegate_cancel(delegate=b_placed)

    assert promoted == [from_b]
    stuck.refresh_from_db()
    assert stuck.status == Delegate.Status.WAITING


def test_a_bigger_venue_lets_the_waiting_list_in():
    site = SiteFactory()
    workshop = workshop_for([site], capacity=1)
    register(workshop, site)
    waiting = register(workshop, site, waiting_list_ok=True)
    services.workshop_update(
        workshop=workshop,
        date=workshop.date,
        start_time=workshop.start_time,
        end_time=workshop.end_time,
        venue=VenueFactory(capacity=10),
        topic=None,
    )
    waiting.refresh_from_db()
    assert waiting.status == Delegate.Status.REGISTERED


def test_each_registration_gets_its_own_unguessable_token():
    site = SiteFactory()
    workshop = workshop_for([site])
    tokens = {register(workshop, site).token for _ in range(5)}
    assert len(tokens) == 5
    assert all(len(token) >= 40 for token in tokens)


def test_an_evaluation_is_accepted_once_per_delegate():
    site = SiteFactory()
    delegate = register(workshop_for([site]), site)
    services.attendance_mark(delegate=delegate, attended=True)
    services.evaluation_submit(delegate=delegate, overall_rating=5, usefulness=4)
    with pytest.raises(services.EvaluationAlreadyReceived):
        services.evaluation_submit(delegate=delegate, overall_rating=1, usefulness=1)
    assert Evaluation.objects.get().overall_rating == 5


def test_the_series_is_six_workshops_spaced_by_months_in_the_members_topic_order():
    members = sites(7)
    learning_set = learning_set_with(members)
    risk = Topic.objects.get(name="Risk and safety")
    college = Topic.objects.get(name="Creating a recovery college")
    services.topic_choices_record(
        learning_set=learning_set, site=members[0], topics=[risk, college]
    )
    services.topic_choices_record(learning_set=learning_set, site=members[1], topics=[risk])

    workshops = services.workshop_series_create(
        learning_set=learning_set,
        first_date=datetime.date(2011, 10, 31),
        months_apart=4,
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )

    assert [w.date for w in workshops] == [
        datetime.date(2011, 10, 31),
        datetime.date(2012, 2, 29),
        datetime.date(2012, 7, 2),  # 30 June 2012 is a Saturday: the next working day
        datetime.date(2012, 10, 31),
        datetime.date(2013, 2, 28),
        datetime.date(2013, 7, 1),  # 30 June 2013 is a Sunday
    ]
    assert [w.topic for w in workshops[:2]] == [risk, college]
    assert len({w.topic_id for w in workshops}) == 6


def test_topic_choices_replace_the_sites_earlier_ranking():
    site = SiteFactory()
    learning_set = learning_set_with([site])
    first, second = Topic.objects.all()[:2]
    services.topic_choices_record(learning_set=learning_set, site=site, topics=[first, second])
    services.topic_choices_record(learning_set=learning_set, site=site, topics=[second])
    assert list(TopicChoice.objects.values_list("topic", "rank")) == [(second.pk, 1)]


@pytest.mark.parametrize(
    "categories, expected",
    [
        (["pilot", "network", "demonstration", "network", "network", "pilot", "network"], 0),
        (["pilot", "network", "network"], 1),
        (["network"] * 7, 1),
        (["network"] * 9, 2),
    ],
)
def test_the_method_asks_for_six_to_eight_sites_of_mixed_categories(categories, expected):
    members = [SiteFactory.build(category=category) for category in categories]
    assert len(composition_warnings(members)) == expected


def test_the_standard_topics_come_with_their_key_questions():
    topics = list(Topic.objects.all())
    assert len(topics) == 6
    assert topics[0].name == "The organisational journey"
    assert all(len(topic.key_question_list) >= 1 for topic in topics)


@pytest.mark.django_db(transaction=True)
def test_two_organisers_taking_the_last_place_at_once_only_one_gets_it(monkeypatch):
    """Needs row locks: SQLite serialises whole-database writes instead and has no
    SELECT ... FOR UPDATE, so this only proves something on PostgreSQL (CI runs it there).
    Counting is slowed down so that, without the lock, both would count before either
    saves."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SELECT ... FOR UPDATE); CI runs it there")
    count_places = delegate_services._place_problem

    def slow_count(*args):
        problem = count_places(*args)
        time.sleep(0.3)
        return problem

    monkeypatch.setattr(delegate_services, "_place_problem", slow_count)
    a, b = SiteFactory(), SiteFactory()
    # Shares released, so only the venue limit decides who gets the last place.
    workshop = workshop_for([a, b], capacity=2, places_release_date=RELEASED)
    register(workshop, a)
    barrier = threading.Barrier(2)
    outcomes = []

    def take_last_place(site, email):
        try:
            barrier.wait()
            register(workshop, site, email=email)
            outcomes.append("placed")
        except services.PlaceLimitReached:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=take_last_place, args=(a, "first@example.org")),
        threading.Thread(target=take_last_place, args=(b, "second@example.org")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["full", "placed"]
    assert workshop.delegates.filter(status=Delegate.Status.REGISTERED).count() == 2


def test_the_same_email_cannot_be_registered_twice_for_a_workshop(db):
    site = SiteFactory()
    workshop = workshop_for([site])
    register(workshop, site, email="Grace@Example.org")
    with pytest.raises(services.AlreadyRegistered, match="grace@example.org is already"):
        register(workshop, site, email="grace@example.org ")


@pytest.mark.django_db(transaction=True)
def test_two_people_registering_the_same_email_at_once_get_one_place_and_a_message():
    """The duplicate check runs after the workshop row is locked, so the second of two
    simultaneous registrations is told, instead of failing on the database constraint."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SELECT ... FOR UPDATE); CI runs it there")
    site = SiteFactory()
    workshop = workshop_for([site])
    barrier = threading.Barrier(2)
    outcomes = []

    def register_grace():
        try:
            barrier.wait()
            register(workshop, site, email="grace@example.org")
            outcomes.append("placed")
        except services.AlreadyRegistered:
            outcomes.append("already registered")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_grace) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already registered", "placed"]
