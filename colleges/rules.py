"""Who may see and record a site's recovery colleges: the site's own rules; the programme's
overview of every college is for the programme's staff."""

import rules

from accounts.rules import is_programme_staff
from sites.rules import can_edit_site_work, can_view_site

rules.add_perm("colleges.view_overview", is_programme_staff)
rules.add_perm("colleges.view_college", can_view_site)
rules.add_perm("colleges.record_college", can_edit_site_work)
