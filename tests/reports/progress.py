"""A site with something in every part of its progress report, built with each app's
factories and services."""

import datetime
from types import SimpleNamespace

from learning_sets import services as ls_services
from tests.challenges.factories import assess
from tests.learning_sets.factories import register, standard_topics, workshop_for
from tests.pdsa.factories import (
    CycleFactory,
    DataPointFactory,
    GoalFactory,
    IndicatorFactory,
    PriorityFactory,
    challenge,
    completed,
)
from tests.peer_support.factories import peer_posts
from tests.support.factories import (
    ProgrammeOutcomeFactory,
    ProgressReviewFactory,
    SupportLogEntryFactory,
    SupportPackageFactory,
    TrainingDeliveryFactory,
)

TODAY = datetime.date(2012, 6, 4)


def site_with_progress(world, site=None) -> SimpleNamespace:
    site = site or world.site_a
    assess(site, [0] * 10, on=datetime.date(2011, 6, 1))
    assess(site, [1, 2, 0, 1, 0, 0, 1, 3, 0, 1], on=datetime.date(2012, 1, 10))
    priority = PriorityFactory(site=site, challenge=challenge(6))
    goal = GoalFactory(priority=priority, title="Employ twelve peer support workers")
    indicator = IndicatorFactory(goal=goal, name="Peer workers in post", unit="people")
    for n in range(12):
        DataPointFactory(
            indicator=indicator,
            date=datetime.date(2011, 7, 1) + datetime.timedelta(days=28 * n),
            value=[2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10][n],
        )
    completed(goal=goal, change_idea="Recruit through the recovery college")
    CycleFactory(goal=goal, change_idea="Peer supervision group", number=2)
    SupportPackageFactory(site=site)
    SupportLogEntryFactory(
        site=site, kind="site_visit", given_by=world.consultant, date=datetime.date(2012, 3, 1)
    )
    TrainingDeliveryFactory(
        site=site, course_title="Recovery for boards", date=datetime.date(2012, 2, 1)
    )
    ProgrammeOutcomeFactory(site=site, personal_budgets=9)
    peer_posts(site, 9, "7.5", on=datetime.date(2012, 2, 1))
    ProgressReviewFactory(site=site, consultant=world.consultant)
    standard_topics()
    workshop = workshop_for([site], date=datetime.date(2012, 3, 1))
    came = register(workshop, site, perspective="carer", full_name="Carol Carer")
    register(workshop, site)
    ls_services.attendance_mark(delegate=came, attended=True)
    return SimpleNamespace(site=site, goal=goal, indicator=indicator, workshop=workshop)
