"""The programme dashboard is for the people who steer the programme."""

import rules

from accounts.rules import is_administrator, is_consultant

can_view_dashboard = is_consultant | is_administrator

rules.add_perm("dashboard.view_dashboard", can_view_dashboard)
