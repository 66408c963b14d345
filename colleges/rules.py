"""Who may record a site's recovery colleges (the site's team, as for its other work; who
may see them is the sites' scoping in ``selectors.colleges_for_user``), and the programme's
overview of every college, for the programme's staff."""

import rules

from accounts.rules import is_programme_staff
from sites.rules import can_edit_site_work

rules.add_perm("colleges.view_overview", is_programme_staff)
rules.add_perm("colleges.record_college", can_edit_site_work)
