"""Who may take a site's data away in one archive: its project lead, the consultants
assigned to it and the administrator. Members read every page of their site, but the
archive carries the people's names and emails (delegates, the group) in bulk, so its
download is the lead's decision, as the data controller's contact for the site."""

import rules

from accounts.rules import is_administrator
from sites.rules import is_assigned_consultant, is_site_lead

can_export_site = is_administrator | is_site_lead | is_assigned_consultant


@rules.predicate
def is_requester(user, export) -> bool:
    return export.requested_by_id == user.pk


can_view_export = is_requester & can_export_site  # reads export.site_id

rules.add_perm("site_exports.export_site", can_export_site)
