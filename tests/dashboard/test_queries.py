"""The dashboard costs the same number of queries for 30 sites or 500 (issue 27: at most 12
a page as served; the overview's figures are computed once per data version, in a fixed
number of queries too). Data is made with bulk_create so 500 sites take seconds."""

import datetime
from decimal import Decimal

import pytest

from challenges.models import Assessment, Challenge, Framework, Rating
from learning_sets.models import Delegate
from pdsa.models import Cycle, DataPoint, Goal, Indicator, Priority
from sites.models import Site
from support.models import (
    ProgrammeOutcome,
    ProgressReview,
    SupportLogEntry,
    TrainingDelivery,
)
from tests.learning_sets.factories import workshop_for

from .programme import IN_PERIOD, PERIOD

PAGE_BUDGET = 12
# The view that computes the overview's figures (after a write, or with the cache down): one
# aggregate a table, the headline figures' three sources (posts, colleges, outcomes).
FIGURES_BUDGET = 16
CATEGORIES = ["pilot", "demonstration", "network"]


def programme_of(n, world):
    sites = Site.objects.bulk_create(
        Site(
            name=f"Trust {i}",
            slug=f"trust-{i}",
            category=CATEGORIES[i % 3],
            region="london",
            organisation_type="nhs_trust",
            date_joined=datetime.date(2011, 4, 1),
        )
        for i in range(n)
    )
    world.consultant.consulted_sites.add(*sites)
    framework = Framework.objects.current()
    challenges = list(Challenge.objects.filter(framework=framework))
    stage = framework.stages.get(rank=1)
    assessments = Assessment.objects.bulk_create(
        Assessment(site=s, framework=framework, assessed_on=IN_PERIOD) for s in sites
    )
    Rating.objects.bulk_create(
        Rating(assessment=a, challenge=c, stage=stage) for a in assessments for c in challenges
    )
    ProgressReview.objects.bulk_create(
        ProgressReview(
            site=s,
            consultant=world.consultant,
            review_date=IN_PERIOD,
            period_start=IN_PERIOD,
            period_end=IN_PERIOD,
            status="some_concerns",
            progress="Moving.",
            next_review_due=datetime.date(2012, 5, 1),
        )
        for s in sites
    )
    priorities = Priority.objects.bulk_create(
        Priority(site=s, challenge=challenges[0], agreed_on=IN_PERIOD) for s in sites
    )
    goals = Goal.objects.bulk_create(
        Goal(
            priority=p,
            title=f"Goal {i}",
            difficulty="hard",
            start_date=IN_PERIOD,
            target_date=datetime.date(2012, 12, 1),
            status=["stalled", "in_progress"][i % 2],
        )
        for i, p in enumerate(priorities)
    )
    Cycle.objects.bulk_create(
        Cycle(
            goal=g,
            number=1,
            objective="o",
            change_idea="c",
            prediction="p",
            starts_on=IN_PERIOD,
            ends_on=IN_PERIOD,
            plan_due=IN_PERIOD,
        )
        for g in goals
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(goal=g, name="Share", better="up") for g in goals
    )
    DataPoint.objects.bulk_create(
        DataPoint(indicator=i, date=IN_PERIOD, value=3.0) for i in indicators
    )
    SupportLogEntry.objects.bulk_create(
        SupportLogEntry(
            site=s,
            kind=SupportLogEntry.Kind.SITE_VISIT,
            date=IN_PERIOD,
            given_by=world.consultant,
            hours=Decimal("3"),
            recorded_by=world.consultant,
        )
        for s in sites
    )
    ProgrammeOutcome.objects.bulk_create(
        ProgrammeOutcome(
            site=s,
            recorded_on=IN_PERIOD,
            risk_policy_review="done",
            recorded_by=world.consultant,
        )
        for s in sites
    )
    TrainingDelivery.objects.bulk_create(
        TrainingDelivery(
            site=s,
            course_title="Recovery",
            date=IN_PERIOD,
            audience="front_line",
            staff_attending=5,
            service_users_attending=2,
            recorded_by=world.consultant,
        )
        for s in sites
    )
    workshop = workshop_for(sites[:8], date=IN_PERIOD)
    Delegate.objects.bulk_create(
        Delegate(
            workshop=workshop,
            site=s,
            full_name=f"D {i}",
            email=f"d{i}@example.org",
            perspective="carer",
            attended=True,
            token=f"t{i}",
        )
        for i, s in enumerate(sites)
    )
    return workshop


PAGES = [
    "/dashboard/",
    "/dashboard/heatmap/",
    "/dashboard/me/",
    "/dashboard/list/sites/",
    "/dashboard/list/goals/?status=stalled",
    "/dashboard/list/cycles/?overdue=1",
    "/dashboard/list/support/",
    "/dashboard/list/delegates/?attended=1",
    "/dashboard/list/outcomes/",
    "/dashboard/list/training/",
]


@pytest.mark.parametrize("n", [30, 500])
def test_dashboard_pages_answer_in_constant_queries(
    world, client, django_assert_max_num_queries, n
):
    workshop = programme_of(n, world)
    client.force_login(world.consultant)
    filters = {**PERIOD, "learning_set": workshop.learning_set.pk}
    for url in PAGES:
        for query in (PERIOD, filters):
            if url == "/dashboard/":
                with django_assert_max_num_queries(FIGURES_BUDGET):
                    assert client.get(url, query).status_code == 200
            with django_assert_max_num_queries(PAGE_BUDGET):
                response = client.get(url, query)
            assert response.status_code == 200, url
    response = client.get("/dashboard/", PERIOD)
    status = {row[0].text: row[-1].text for row in response.context["tables"]["status"].rows}
    assert sum(status.values()) == n + 2  # the world's two sites as well
    with django_assert_max_num_queries(PAGE_BUDGET):
        assert client.get("/dashboard/csv/heatmap/", PERIOD).status_code == 200
