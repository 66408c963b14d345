"""Who may organise learning sets and who may register a site's delegates."""

import rules

from accounts.rules import is_administrator, is_organiser
from sites.rules import can_edit_site_work, is_archived, site_roles


def _learning_set(obj):
    return getattr(obj, "learning_set", obj)


@rules.predicate
def is_member_of_set(user, obj) -> bool:
    """Someone in the project group of one of the set's member sites."""
    if obj is None:
        return False
    mine = site_roles(user)
    if not mine:
        return False
    learning_set = _learning_set(obj)
    return learning_set.sites.filter(pk__in=mine).exists()


can_manage_learning_sets = is_administrator | is_organiser
can_register_for_site = (can_manage_learning_sets | can_edit_site_work) & ~is_archived

# Capabilities about a member site (recording its topic choices, registering its delegates).
rules.add_perm("learning_sets.act_for_site", can_register_for_site)
