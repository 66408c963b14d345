"""Who may see and change a site's teams and their recovery plans: the site's own rules
(its project group edits, programme staff read, other sites see nothing)."""

from sites.rules import can_edit_site_work, can_view_site

can_view_teams = can_view_site
can_edit_teams = can_edit_site_work
