"""Learning sets with their workshops and delegates, and the support given to sites."""

import datetime
from decimal import Decimal

from learning_sets.models import (
    MAX_DELEGATES_PER_SITE,
    WORKSHOPS_PER_SET,
    Delegate,
    Evaluation,
    LearningSet,
    Topic,
    Venue,
    Workshop,
)
from support.models import ProgrammeOutcome, SupportLogEntry, TrainingDelivery

from .bulk import insert
from .common import PLACES, allocate, days_before, person_name

DAY = datetime.timedelta(days=1)
WAITING_LIST_PER_SITE = 4


def build(people, *, rng, scale, today, timings) -> None:
    _learning_sets(people, rng=rng, scale=scale, today=today, timings=timings)
    _support(people, rng=rng, scale=scale, today=today, timings=timings)


def _learning_sets(people, *, rng, scale, today, timings) -> None:
    with timings.table("venues, learning sets, workshops") as t:
        venues = insert(
            Venue,
            [
                Venue(
                    name=f"{place} conference centre",
                    address=f"1 High Street, {place}",
                    capacity=rng.randint(70, 150),
                )
                for place in rng.sample(PLACES, min(20, len(PLACES)))
            ],
        )
        topics = list(Topic.objects.order_by("position"))
        sets, members = [], []
        for i in range(scale.learning_sets):
            start = today - rng.randint(0, 3 * 365) * DAY
            sets.append(
                LearningSet(
                    name=f"Learning set {i + 1}: {rng.choice(PLACES)}",
                    start_date=start,
                    status="finished" if start < today - 730 * DAY else "running",
                )
            )
            size = min(len(people.sites), rng.choice((6, 7, 8, 8, 8)))
            members.append(rng.sample(people.sites, size))
        insert(LearningSet, sets)
        site_links = [
            LearningSet.sites.through(learningset_id=s.pk, site_id=site.pk)
            for s, sites in zip(sets, members, strict=True)
            for site in sites
        ]
        organiser_links = [
            LearningSet.organisers.through(learningset_id=s.pk, user_id=user.pk)
            for s in sets
            for user in rng.sample(people.organisers, min(2, len(people.organisers)))
        ]
        insert(LearningSet.sites.through, site_links)
        insert(LearningSet.organisers.through, organiser_links)
        workshops = [
            Workshop(
                learning_set=s,
                number=n,
                date=s.start_date + (n - 1) * 110 * DAY,
                venue=rng.choice(venues),
                topic=topics[(n - 1) % len(topics)] if topics else None,
            )
            for s in sets
            for n in range(1, WORKSHOPS_PER_SET + 1)
        ]
        insert(Workshop, workshops)
        t["rows"] = len(venues) + len(sets) + len(site_links) + len(workshops)

    with timings.table("delegates") as t:
        sites_of = {s.pk: sites for s, sites in zip(sets, members, strict=True)}
        weight_of = {site.pk: w for site, w in zip(people.sites, people.site_weights, strict=True)}
        slots = [(w, site) for w in workshops for site in sites_of[w.learning_set_id]]
        counts = allocate(
            rng,
            scale.delegates,
            [weight_of[site.pk] for _, site in slots],
            cap=MAX_DELEGATES_PER_SITE + WAITING_LIST_PER_SITE,
        )
        perspectives = ("nhs_professional", "third_sector", "service_user", "carer", "other")
        delegates, serial = [], 0
        for (workshop, site), count in zip(slots, counts, strict=True):
            happened = workshop.date <= today
            for k in range(count):
                serial += 1
                registered = k < MAX_DELEGATES_PER_SITE
                status = "registered" if registered else "waiting"
                if registered and rng.random() < 0.05:
                    status = "cancelled"
                delegates.append(
                    Delegate(
                        workshop=workshop,
                        site=site,
                        full_name=person_name(rng),
                        email=f"delegate{serial}@{site.slug[:40]}.example",
                        perspective=rng.choices(perspectives, (6, 1, 2, 1, 1))[0],
                        status=status,
                        attended=happened and status == "registered" and rng.random() < 0.85,
                        token=f"{rng.getrandbits(128):032x}",
                    )
                )
        t["rows"] = len(insert(Delegate, delegates))

    with timings.table("evaluations") as t:
        evaluations = [
            Evaluation(
                delegate=d,
                overall_rating=rng.choices((1, 2, 3, 4, 5), (1, 1, 3, 6, 5))[0],
                usefulness=rng.randint(2, 5),
                take_back="Co-produce the next workshop.",
            )
            for d in delegates
            if d.attended and rng.random() < 0.3
        ]
        t["rows"] = len(insert(Evaluation, evaluations))


def _support(people, *, rng, scale, today, timings) -> None:
    per_site = allocate(rng, scale.support_entries, people.site_weights)
    kinds = list(SupportLogEntry.Kind.values)
    with timings.table("support log") as t:
        entries = []
        for site, count in zip(people.sites, per_site, strict=True):
            consultants = people.consultants_by_site[site.pk]
            for _ in range(count):
                consultant = rng.choice(consultants)
                peer = rng.random() < 0.2
                entries.append(
                    SupportLogEntry(
                        site=site,
                        kind=rng.choices(kinds, (3, 2, 4, 3, 1))[0],
                        date=days_before(today, rng, 3 * 365),
                        given_by=None if peer else consultant,
                        given_by_name=person_name(rng) if peer else "",
                        is_peer_trainer=peer,
                        hours=Decimal(rng.choice(("0.5", "1", "2", "3.5", "7.5"))),
                        topic="Review of goals and indicators",
                        recorded_by=consultant,
                    )
                )
        t["rows"] = len(insert(SupportLogEntry, entries))
    with timings.table("training and outcomes") as t:
        training, outcomes = [], []
        for site in people.sites:
            recorder = people.consultants_by_site[site.pk][0]
            for _ in range(rng.randint(0, 4)):
                training.append(
                    TrainingDelivery(
                        site=site,
                        course_title="Recovery principles in practice",
                        date=days_before(today, rng, 3 * 365),
                        audience=rng.choice(list(TrainingDelivery.Audience.values)),
                        staff_attending=rng.randint(5, 25),
                        service_users_attending=rng.randint(0, 8),
                        co_delivered_by_peer_trainer=rng.random() < 0.6,
                        recorded_by=recorder,
                    )
                )
            for k in range(2):
                outcomes.append(
                    ProgrammeOutcome(
                        site=site,
                        recorded_on=today - (365 - 300 * k) * DAY,
                        risk_policy_review=rng.choice(ProgrammeOutcome.RiskReview.values),
                        personal_budgets=rng.randint(0, 40),
                        ips_service=rng.choice(ProgrammeOutcome.IpsService.values),
                        recorded_by=recorder,
                    )
                )
        t["rows"] = len(insert(TrainingDelivery, training)) + len(
            insert(ProgrammeOutcome, outcomes)
        )
