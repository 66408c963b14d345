"""Who may give, read and review the support a site receives."""

import rules

from accounts.rules import is_administrator, is_consultant
from sites.rules import (
    can_edit_site_work,
    can_review_site,
    can_view_site,
    is_archived,
    is_site_lead,
    is_site_team,
)

# Consultants log the support they give at any site, not only the sites they review.
can_log_support = (is_administrator | is_consultant) & ~is_archived
# What was agreed with a site is set by the consultant who reviews it, or the administrator.
can_agree_package = can_review_site
# Training is co-produced: the consultant or the site team records it.
can_record_training = (is_administrator | is_consultant | is_site_team) & ~is_archived
# Leads report their own site's figures; the administrator may correct them.
can_report_outcomes = can_edit_site_work
can_correct_outcomes = is_administrator & ~is_archived
can_write_review = can_review_site


@rules.predicate
def is_published(user, review) -> bool:
    return review is not None and not review.is_draft


# The site's team answers a published review; the administrator may answer on their behalf.
can_respond_to_review = (is_administrator | is_site_team) & is_published & ~is_archived

can_read_site_support = can_view_site


@rules.predicate
def is_action_owner(user, action) -> bool:
    if not user.is_authenticated or action is None:
        return False
    if action.owner_user_id == user.pk:
        return True
    return action.owner_person_id is not None and action.owner_person.user_id == user.pk


# The owner says when their action is done; the site's lead (or the administrator) may too.
can_complete_action = (is_action_owner | is_site_lead | is_administrator) & ~is_archived
