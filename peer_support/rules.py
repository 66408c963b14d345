"""Who may see and record a site's peer-support-worker programme: the site's own rules."""

import rules

from sites.rules import can_edit_site_work, can_view_site

can_view_programme = can_view_site
can_record_programme = can_edit_site_work

rules.add_perm("peer_support.view_programme", can_view_programme)
rules.add_perm("peer_support.record_programme", can_record_programme)
