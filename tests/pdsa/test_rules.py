import pytest

from tests.pdsa.factories import GoalFactory

PERMS = ("pdsa.view_goal", "pdsa.change_goal", "pdsa.comment_goal", "pdsa.view_library")

# role -> (view, change, comment, library) on a goal of site A
TABLE = {
    "lead_a": (True, True, True, True),
    "member_a": (True, True, True, True),
    "lead_b": (False, False, False, True),
    "consultant": (True, False, True, True),
    "organiser": (True, False, False, True),
    "admin": (True, True, True, True),
}


@pytest.mark.parametrize("role", TABLE)
def test_who_may_read_change_and_comment_on_a_site_goal(world, role):
    goal = GoalFactory(priority__site=world.site_a)
    user = world.users[role]
    got = tuple(
        user.has_perm(perm, None if perm == "pdsa.view_library" else goal) for perm in PERMS
    )
    assert got == TABLE[role]


def test_a_signed_in_user_with_no_site_and_no_role_cannot_read_the_library(db):
    from tests.sites.factories import UserFactory

    assert not UserFactory().has_perm("pdsa.view_library")
