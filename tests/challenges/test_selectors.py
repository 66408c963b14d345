import datetime

import pytest

from challenges.models import Framework
from challenges.selectors import (
    Movement,
    latest_assessment,
    latest_stage_matrix,
    latest_stage_ranks,
    latest_stages,
)
from sites.models import Site
from tests.sites.factories import SiteFactory

from .factories import assess, other_framework

EARLY, LATE = datetime.date(2011, 6, 1), datetime.date(2011, 12, 1)


def test_a_site_never_assessed_has_no_latest_stages(world):
    assert latest_stages(world.site_a) is None
    assert latest_assessment(world.site_a) is None


def test_the_first_assessment_shows_every_challenge_as_new(world):
    assess(world.site_a, [1] * 10, on=EARLY)
    stages = latest_stages(world.site_a)
    assert [row.movement for row in stages] == [Movement.NEW] * 10
    assert stages.previous is None
    assert stages.rows[0].movement_text == "new: no earlier assessment"


def test_movement_compares_the_latest_with_the_previous_assessment(world):
    assess(world.site_a, [0, 1, 2, 3, 1, 1, 1, 1, 1, 1], on=EARLY)
    latest = assess(world.site_a, [1, 1, 1, 3, 2, 1, 1, 1, 1, 1], on=LATE)
    stages = latest_stages(world.site_a)
    assert stages.latest == latest
    assert [row.movement for row in stages.rows[:5]] == [
        Movement.UP,
        Movement.SAME,
        Movement.DOWN,
        Movement.SAME,
        Movement.UP,
    ]
    assert stages.rows[0].movement_text == "up from Not started"
    assert stages.rows[2].movement_text == "down from 2 Development"
    assert [row.stage.rank for row in stages.rows[:3]] == [1, 1, 1]


def test_the_latest_is_the_latest_date_not_the_latest_recorded(world):
    late = assess(world.site_a, [2] * 10, on=LATE)
    assess(world.site_a, [1] * 10, on=EARLY)  # an older assessment typed in afterwards
    assert latest_assessment(world.site_a) == late
    assert {row.movement for row in latest_stages(world.site_a)} == {Movement.UP}


def test_movement_only_compares_assessments_on_the_same_framework_scale(world):
    assess(world.site_a, [1] * 10, on=EARLY)
    framework = other_framework()
    assess(world.site_a, [2] * 10, on=LATE, framework=framework)
    stages = latest_stages(world.site_a)
    assert stages.latest.framework == framework
    assert {row.movement for row in stages} == {Movement.NEW}


def test_the_matrix_gives_each_assessed_site_its_own_latest_stages(world):
    assess(world.site_a, [1] * 10, on=EARLY)
    assess(world.site_a, [2] * 10, on=LATE)
    assess(world.site_b, [3] * 10, on=EARLY)
    matrix = latest_stage_matrix(Site.objects.all())
    assert set(matrix) == {world.site_a.pk, world.site_b.pk}
    assert matrix[world.site_a.pk].by_number()[1].movement == Movement.UP
    assert matrix[world.site_b.pk].by_number()[10].stage.rank == 3


@pytest.mark.parametrize("sites, per_site", [(1, 1), (8, 6)])
def test_the_matrix_reads_in_constant_queries(
    world, django_assert_max_num_queries, sites, per_site
):
    for _ in range(sites):
        site = SiteFactory()
        for k in range(per_site):
            assess(site, [k % 4] * 10, on=EARLY + datetime.timedelta(days=30 * k))
    with django_assert_max_num_queries(2):
        matrix = latest_stage_matrix(Site.objects.all())
        rows = [row.movement_text for stages in matrix.values() for row in stages]
    assert len(rows) == sites * 10


def test_latest_stage_ranks_gives_each_sites_latest_ranks_in_two_queries(
    world, django_assert_num_queries
):
    assess(world.site_a, [1] * 10, on=datetime.date(2011, 6, 1))
    latest = assess(world.site_a, [2, 3] + [0] * 8, on=datetime.date(2012, 1, 10))
    assess(world.site_b, [3] * 10, on=datetime.date(2012, 2, 1))
    with django_assert_num_queries(2):
        ranks = latest_stage_ranks([world.site_a.pk, world.site_b.pk])
    assert ranks[world.site_a.pk].assessment_id == latest.pk
    assert ranks[world.site_a.pk].ranks["interactions"] == 2
    assert ranks[world.site_a.pk].ranks["training"] == 3
    assert set(ranks[world.site_b.pk].ranks.values()) == {3}


def test_movement_across_versions_is_shown_by_challenge_not_by_number(world):
    """2009 puts workforce at 6 and risk at 7; the 2012 briefing puts risk at 6 and
    workforce at 8: each challenge is compared with itself."""
    # 2009: ... 6 workforce=3, 7 risk=0, 8 involvement=1
    assess(world.site_a, [1, 1, 1, 1, 1, 3, 0, 1, 1, 1], on=EARLY)
    # 2012: ... 6 risk=1, 7 involvement=1, 8 workforce=3
    assess(world.site_a, [1, 1, 1, 1, 1, 1, 1, 3, 1, 1], on=LATE, framework=v2012())
    rows = latest_stages(world.site_a).by_number()
    assert rows[8].challenge.key == "workforce"
    assert rows[8].movement == Movement.SAME
    assert rows[8].movement_text == "same as before (3 Transformation), as challenge 6 in 2009"
    assert rows[6].movement == Movement.UP  # risk: 0 in 2009 (as 7), 1 now
    assert rows[6].movement_text == "up from Not started, as challenge 7 in 2009"
    assert rows[1].movement_text == "same as before (1 Engagement)"


def test_the_heatmap_ranks_read_by_challenge_whatever_the_version(world):
    assess(world.site_a, [0, 0, 0, 0, 0, 0, 0, 3, 0, 0], on=LATE, framework=v2012())
    ranks = latest_stage_ranks([world.site_a.pk])[world.site_a.pk].ranks
    assert ranks["workforce"] == 3 and ranks["risk"] == 0


def v2012():
    return Framework.objects.get(version="2012")
