import datetime

import pytest

from learning_sets.models import Delegate
from learning_sets.selectors import programme_headline
from pdsa.models import Cycle, CycleTeamMember
from sites.models import ProjectGroupMember
from tests.learning_sets.factories import standard_topics
from tests.sites.factories import reference_data

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2013, 5, 1)


def test_demo_gives_cycle_teams_peer_workers_and_a_realistic_workshop_share():
    from challenges import demo as challenges_demo
    from coproduction import demo
    from learning_sets import demo as ls_demo
    from pdsa import demo as pdsa_demo
    from sites import demo as sites_demo

    reference_data()
    standard_topics()
    for step in (sites_demo, challenges_demo, pdsa_demo, ls_demo, demo):
        step.load(today=TODAY)
    teams = CycleTeamMember.objects.count()
    demo.load(today=TODAY)
    assert CycleTeamMember.objects.count() == teams  # safe to run again
    assert not Cycle.objects.filter(team__isnull=True).exists()
    assert CycleTeamMember.objects.filter(perspective__in=["service_user", "carer"]).exists()
    assert ProjectGroupMember.objects.filter(perspective="staff_lived").count() == 2
    headline = programme_headline(TODAY)
    share = headline["lived_experience"] / headline["attendees"]
    assert 0.08 < share < 0.2  # the programme's own: 101 of 751, 13%
    assert Delegate.objects.filter(email="", perspective="carer").exists()
