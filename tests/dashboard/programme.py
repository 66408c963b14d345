"""A small hand-built programme whose figures are known, for the dashboard tests."""

import datetime
from decimal import Decimal

from colleges.models import RecoveryCollege
from learning_sets.models import Delegate
from tests.learning_sets.factories import workshop_for
from tests.pdsa.factories import CycleFactory, GoalFactory, PriorityFactory, completed
from tests.peer_support.factories import peer_posts
from tests.sites.factories import SiteFactory
from tests.support.factories import (
    ProgrammeOutcomeFactory,
    ProgressReviewFactory,
    SupportLogEntryFactory,
    TrainingDeliveryFactory,
)

PERIOD = {"date_from": "2012-01-01", "date_to": "2012-03-31"}
IN_PERIOD = datetime.date(2012, 2, 10)
BEFORE = datetime.date(2011, 11, 1)


def _delegate(workshop, site, n, perspective, attended=True):
    return Delegate.objects.create(
        workshop=workshop,
        site=site,
        full_name=f"Delegate {n}",
        email=f"d{n}@example.org",
        perspective=perspective,
        attended=attended,
        token=f"token-{n}",
    )


def build(world):
    a, b = world.site_a, world.site_b  # pilot, demonstration
    c = SiteFactory(name="Gamma Care", slug="gamma", category="network")
    ProgressReviewFactory(site=a, consultant=world.consultant, status="on_track")
    ProgressReviewFactory(site=b, consultant=world.admin, status="off_track")

    priority_a = PriorityFactory(site=a)
    stalled = GoalFactory(priority=priority_a, title="Peer workers on every ward", status="stalled")
    GoalFactory(priority=priority_a, title="Recovery college prospectus")
    GoalFactory(priority=PriorityFactory(site=b), title="Board training", status="achieved")
    CycleFactory(goal=stalled, number=1)  # plan due January 2012: overdue
    completed(goal=stalled, number=2, outcome="abandon", act_done=IN_PERIOD)
    completed(goal=stalled, number=3, outcome="adopt", act_done=BEFORE)

    for hours in ("7.5", "7.5"):
        SupportLogEntryFactory(
            site=a,
            kind="site_visit",
            date=IN_PERIOD,
            hours=Decimal(hours),
            given_by=world.consultant,
        )
    SupportLogEntryFactory(site=a, kind="email_advice", date=BEFORE, given_by=world.consultant)
    SupportLogEntryFactory(site=c, kind="phone_advice", date=IN_PERIOD, hours=Decimal("1.5"))

    workshop = workshop_for([a, b], date=IN_PERIOD)
    _delegate(workshop, a, 1, "service_user")
    _delegate(workshop, a, 2, "carer")
    _delegate(workshop, b, 3, "nhs_professional")
    _delegate(workshop, b, 4, "nhs_professional")
    _delegate(workshop, b, 5, "third_sector", attended=False)

    ProgrammeOutcomeFactory(
        site=a,
        recorded_on=IN_PERIOD,
        recorded_by=world.lead_a,
        risk_policy_review="done",
    )
    ProgrammeOutcomeFactory(
        site=b,
        recorded_on=BEFORE,
        recorded_by=world.lead_b,
        risk_policy_review="under_way",
    )
    peer_posts(a, 4, "3.5", on=IN_PERIOD)
    peer_posts(b, 2, "2", on=BEFORE)
    RecoveryCollege.objects.create(site=a, name="A college", status="open", opened_on=BEFORE)
    RecoveryCollege.objects.create(site=b, name="B college")
    TrainingDeliveryFactory(
        site=a,
        date=IN_PERIOD,
        staff_attending=10,
        service_users_attending=5,
        recorded_by=world.consultant,
    )
    return {"stalled": stalled, "workshop": workshop, "gamma": c}
