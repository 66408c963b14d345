"""Who may give, read and review the support a site receives."""

from accounts.rules import is_administrator, is_consultant
from sites.rules import can_edit_site_work, can_review_site, can_view_site, is_site_team

# Consultants log the support they give at any site, not only the sites they review.
can_log_support = is_administrator | is_consultant
# What was agreed with a site is set by the consultant who reviews it, or the administrator.
can_agree_package = can_review_site
# Training is co-produced: the consultant or the site team records it.
can_record_training = is_administrator | is_consultant | is_site_team
# Leads report their own site's figures; the administrator may correct them.
can_report_outcomes = can_edit_site_work
can_correct_outcomes = is_administrator
can_write_review = can_review_site
# The site's team answers a review; the administrator may answer on their behalf.
can_respond_to_review = is_administrator | is_site_team

can_read_site_support = can_view_site
