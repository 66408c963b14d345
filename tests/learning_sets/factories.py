import datetime

import factory

from learning_sets import services, topics
from learning_sets.models import Delegate, LearningSet, Topic, Venue, Workshop
from tests.sites.factories import SiteFactory


def standard_topics() -> None:
    """What the data migration creates; transactional tests flush it, so restore it."""
    topics.create(Topic)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Conference centre {n}")
    address = "1 Recovery Street\nExeter EX1 1AA"
    capacity = 80
    accessibility_notes = "Step-free access; hearing loop in the main room."


class LearningSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningSet
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Learning set {n}")
    start_date = datetime.date(2030, 1, 15)

    @factory.post_generation
    def sites(self, create, extracted, **kwargs):
        if extracted:
            self.sites.set(extracted)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    learning_set = factory.SubFactory(LearningSetFactory)
    number = factory.Sequence(lambda n: n % 6 + 1)
    date = datetime.date(2030, 3, 1)
    venue = factory.SubFactory(VenueFactory)


def learning_set_with(sites, **kwargs) -> LearningSet:
    return LearningSetFactory(sites=sites, **kwargs)


def workshop_for(sites, *, capacity=80, date=datetime.date(2030, 3, 1), **kwargs) -> Workshop:
    learning_set = learning_set_with(sites)
    return WorkshopFactory(
        learning_set=learning_set,
        number=1,
        date=date,
        venue=VenueFactory(capacity=capacity),
        **kwargs,
    )


# Fair shares released: only the per-site and venue limits apply (first come, first served).
RELEASED = datetime.date(2000, 1, 1)

_counter = iter(range(10**6))


def register(
    workshop, site, *, perspective="nhs_professional", waiting_list_ok=False, **kwargs
) -> Delegate:
    n = next(_counter)
    return services.delegate_register(
        workshop=workshop,
        site=site,
        full_name=kwargs.pop("full_name", f"Delegate {n}"),
        email=kwargs.pop("email", f"delegate{n}@example.org"),
        perspective=perspective,
        waiting_list_ok=waiting_list_ok,
        **kwargs,
    )


def sites(n, category=None):
    """``n`` sites of mixed categories, or all of ``category``."""
    categories = [category] if category else ["demonstration", "pilot", "network"]
    return [SiteFactory(category=categories[i % len(categories)]) for i in range(n)]


def organised_workshop(world, *, capacity=2, date=datetime.date(2030, 3, 1)) -> Workshop:
    """Sites A and B, shares released, the world's organiser organising."""
    standard_topics()
    workshop = workshop_for(
        [world.site_a, world.site_b], capacity=capacity, date=date, places_release_date=RELEASED
    )
    workshop.learning_set.organisers.set([world.organiser])
    return workshop
