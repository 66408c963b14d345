"""Who may read and change a site's improvement work.

The site's own team edits; programme staff and the project group read; consultants and the
site team may comment. Every programme member reads the library of completed cycles."""

import rules

from accounts.rules import is_administrator, is_consultant, is_programme_staff
from sites.rules import (
    can_edit_site_work,
    can_view_site,
    is_archived,
    is_site_lead,
    is_site_team,
    site_roles,
)


@rules.predicate
def has_a_site(user) -> bool:
    return bool(site_roles(user))


def _goal_of(obj):
    label = getattr(getattr(obj, "_meta", None), "label", None)
    if label == "pdsa.Goal":
        return obj
    if label in ("pdsa.Cycle", "pdsa.Indicator"):
        return obj.goal
    return None


@rules.predicate
def is_closed_goal(user, obj) -> bool:
    """The goal (of a cycle or an indicator) was achieved or abandoned: read-only since."""
    goal = _goal_of(obj)
    return goal is not None and goal.is_closed


@rules.predicate
def is_dropped_priority(user, obj) -> bool:
    return getattr(obj, "dropped_on", None) is not None and obj._meta.label == "pdsa.Priority"


can_view_work = can_view_site
# A closed goal, its cycles and indicators keep their record as it was: nobody edits them
# (the site's own archive rule comes with can_edit_site_work).
can_edit_work = can_edit_site_work & ~is_closed_goal
can_drop_priority = can_edit_site_work & ~is_dropped_priority
can_reopen_goal = (is_administrator | is_site_lead) & ~is_archived & is_closed_goal
can_comment = (is_administrator | is_consultant | is_site_team) & ~is_archived
is_programme_member = is_programme_staff | has_a_site

rules.add_perm("pdsa.view_library", is_programme_member)
rules.add_perm("pdsa.compare_indicators", is_programme_staff)
