"""No page offers a choice per site: with sixty more sites than the walk's world, no page of
the permission walk renders more than a chooser's bounded list of site options or checkboxes
(2,005 sites made the reports page's drop-down 2,005 options long)."""

import re

import pytest

from sites.choosers import LISTED
from tests.page_walk import pages_by_role
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db
SITE_CHOICE = re.compile(r"<(?:option|label)\b[^>]*>\s*Site \d{4} NHS Trust")


def test_no_page_of_the_walk_offers_an_option_or_checkbox_per_site(world):
    SiteFactory.create_batch(60)
    long_lists = [
        f"{visit.url} ({visit.role}): {n} sites to choose from"
        for visits in pages_by_role(world).values()
        for visit in visits
        if (n := len(SITE_CHOICE.findall(visit.html))) > LISTED
    ]
    assert not long_lists, "pages offering every site:\n" + "\n".join(long_lists)
