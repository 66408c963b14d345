"""Who may read and change a site's improvement work.

The site's own team edits; programme staff and the project group read; consultants and the
site team may comment. Every programme member reads the library of completed cycles."""

import rules

from accounts.rules import is_administrator, is_consultant, is_programme_staff
from sites.rules import can_edit_site_work, can_view_site, is_site_team, site_roles


@rules.predicate
def has_a_site(user) -> bool:
    return bool(site_roles(user))


can_view_work = can_view_site
can_edit_work = can_edit_site_work
can_comment = is_administrator | is_consultant | is_site_team
is_programme_member = is_programme_staff | has_a_site

rules.add_perm("pdsa.view_library", is_programme_member)
rules.add_perm("pdsa.compare_indicators", is_programme_staff)
