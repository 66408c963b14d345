import pytest

from tests.support.factories import ProgressReviewFactory

ROLES = ["lead_a", "member_a", "lead_b", "consultant", "organiser", "admin"]


def table(*allowed):
    return [(role, role in allowed) for role in ROLES]


@pytest.mark.parametrize(
    "perm, on, expected",
    [
        *[
            ("support.view_supportlogentry", "site_a", row)
            for row in table("lead_a", "member_a", "consultant", "organiser", "admin")
        ],
        *[("support.add_supportlogentry", "site_b", row) for row in table("consultant", "admin")],
        *[("support.change_supportpackage", "site_a", row) for row in table("consultant", "admin")],
        *[("support.change_supportpackage", "site_b", row) for row in table("admin")],
        *[
            ("support.add_trainingdelivery", "site_a", row)
            for row in table("lead_a", "member_a", "consultant", "admin")
        ],
        *[
            ("support.add_programmeoutcome", "site_a", row)
            for row in table("lead_a", "member_a", "admin")
        ],
        *[("support.change_programmeoutcome", "site_a", row) for row in table("admin")],
        *[("support.add_progressreview", "site_a", row) for row in table("consultant", "admin")],
        *[("support.add_progressreview", "site_b", row) for row in table("admin")],
    ],
)
def test_who_may_do_what_with_a_sites_support(world, perm, on, expected):
    role, allowed = expected
    assert world.users[role].has_perm(perm, getattr(world, on)) is allowed


@pytest.mark.parametrize(
    "role, may_respond",
    table("lead_a", "member_a", "admin"),
)
def test_the_site_team_answers_its_reviews_and_the_consultant_does_not(world, role, may_respond):
    review = ProgressReviewFactory(site=world.site_a, consultant=world.consultant)
    assert world.users[role].has_perm("support.respond_progressreview", review) is may_respond


def test_a_consultant_reads_reviews_of_sites_they_are_not_assigned_to(world):
    review = ProgressReviewFactory(site=world.site_b, consultant=world.admin)
    assert world.consultant.has_perm("support.view_progressreview", review)
    assert not world.consultant.has_perm("support.change_progressreview", review)
