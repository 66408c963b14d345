"""Who may ask for and download a report: whoever may see its data."""

import rules

from accounts.rules import is_administrator, is_consultant, is_organiser
from sites.rules import can_view_site

can_request_programme_report = is_administrator | is_consultant
can_request_learning_set_report = is_administrator | is_consultant | is_organiser


@rules.predicate
def can_view_report(user, report) -> bool:
    if report.kind == "site_progress":
        return can_view_site(user, report)  # reads report.site_id
    if report.kind == "programme":
        return can_request_programme_report(user)
    return can_request_learning_set_report(user)


rules.add_perm("reports.request_programme_report", can_request_programme_report)
rules.add_perm("reports.request_learning_set_report", can_request_learning_set_report)
