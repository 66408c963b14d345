"""Who may see and change a site: its project group, the programme's staff.

Models are looked up by name here: ``sites.models`` imports these predicates for its
``rules_permissions``, so this module does not import it back."""

import rules
from django.apps import apps

from accounts.rules import is_administrator, is_programme_staff


def site_roles(user) -> dict[int, str]:
    """Map of site id to the user's project-group role there, read once per request user."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_imroc_site_roles", None)
    if cached is None:
        cached = dict(
            apps.get_model("sites", "ProjectGroupMember")
            .objects.filter(person__user=user)
            .values_list("site_id", "role")
        )
        user._imroc_site_roles = cached
    return cached


def _site_id(obj) -> int | None:
    """Accept a site or anything that belongs to one (``obj.site_id``)."""
    if obj is None:
        return None
    return getattr(obj, "site_id", None) or getattr(obj, "pk", None)


@rules.predicate
def is_site_member(user, obj) -> bool:
    """Anyone with an account in the site's project group (lead, member or sponsor)."""
    return _site_id(obj) in site_roles(user)


@rules.predicate
def is_site_team(user, obj) -> bool:
    """The project lead and members: the people who do the site's work."""
    return site_roles(user).get(_site_id(obj)) in ("project_lead", "member")


@rules.predicate
def is_site_lead(user, obj) -> bool:
    return site_roles(user).get(_site_id(obj)) == "project_lead"


@rules.predicate
def is_assigned_consultant(user, obj) -> bool:
    site_id = _site_id(obj)
    if site_id is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_imroc_consulted_site_ids", None)
    if cached is None:
        cached = set(user.consulted_sites.values_list("pk", flat=True))
        user._imroc_consulted_site_ids = cached
    return site_id in cached


def _is_site(obj) -> bool:
    meta = getattr(obj, "_meta", None)
    return meta is not None and meta.label == "sites.Site"


def _loaded_site(obj, depth: int = 0):
    """The site ``obj`` belongs to when it is already in memory (the object itself, or a
    relation fetched with it: ``goal.priority.site``), so the check costs no query."""
    if _is_site(obj):
        return obj
    state = getattr(obj, "_state", None)
    if state is None or depth > 3:
        return None
    cache = state.fields_cache
    for name in ("site", *(n for n in cache if n != "site")):
        if name in cache and cache[name] is not None:
            found = _loaded_site(cache[name], depth + 1)
            if found is not None:
                return found
    return None


def archived_site_ids(user) -> set[int]:
    """Ids of the archived sites, read once per request user (when no site is at hand)."""
    cached = getattr(user, "_imroc_archived_site_ids", None)
    if cached is None:
        cached = set(
            apps.get_model("sites", "Site").objects.archived().values_list("pk", flat=True)
        )
        user._imroc_archived_site_ids = cached
    return cached


@rules.predicate
def is_archived(user, obj) -> bool:
    """The site (of ``obj``) left the programme: its record is read-only for everyone.

    Every predicate that lets someone change a site's record ends in ``& ~is_archived``."""
    site = _loaded_site(obj)
    if site is not None:
        return not site.is_active
    site_id = getattr(obj, "site_id", None)  # never a pk: obj may be something else
    return site_id is not None and site_id in archived_site_ids(user)


can_view_site = is_programme_staff | is_site_member
can_change_site = (is_administrator | is_site_lead) & ~is_archived
can_manage_project_group = (is_administrator | is_site_lead) & ~is_archived
can_edit_site_work = (is_administrator | is_site_team) & ~is_archived
can_review_site = (is_administrator | is_assigned_consultant) & ~is_archived
can_archive_site = is_administrator & ~is_archived
can_unarchive_site = is_administrator & is_archived
