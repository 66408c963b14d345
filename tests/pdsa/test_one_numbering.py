"""One framework's numbering on a page (the site's current framework, the other version's
number in brackets), and the priorities page built on the latest assessment (issue 22)."""

import datetime
import re

import pytest

from challenges.models import Framework
from pdsa.models import Priority
from tests.challenges.factories import assess

pytestmark = pytest.mark.django_db
D = datetime.date


def devon_like(site):
    """Assessed on 2009, then on the 2012 briefing's order; its priorities were agreed on
    2009's challenges 6 (workforce) and 7 (risk), which 2012 numbers 8 and 6."""
    v2009 = Framework.objects.get(version="2009")
    v2012 = Framework.objects.get(version="2012")
    assess(site, [1] * 10, on=D(2011, 6, 1), framework=v2009)
    assess(site, [2, 1, 1, 1, 1, 3, 1, 2, 1, 1], on=D(2012, 6, 1), framework=v2012)
    for number in (6, 7):
        Priority.objects.create(
            site=site, challenge=v2009.challenges.get(number=number), agreed_on=D(2011, 7, 1)
        )
    return v2012


def test_the_site_page_numbers_priorities_as_its_latest_assessment_does(client, world):
    devon_like(world.site_a)
    client.force_login(world.lead_a)
    page = client.get(f"/sites/{world.site_a.slug}/").content.decode()
    priorities = page.split('id="improvement-heading"')[1]
    headings = re.findall(r"<h3>Challenge (\d+ \(\d+: \d+\)|\d+):", priorities)
    # 2012's order: risk (6) before workforce (8); 2009's numbers in brackets
    assert headings == ["6 (2009: 7)", "8 (2009: 6)"]


def test_the_priorities_page_shows_each_challenges_latest_stage_change_and_the_advice(
    client, world
):
    devon_like(world.site_a)
    client.force_login(world.lead_a)
    page = client.get(f"/pdsa/sites/{world.site_a.slug}/priorities/").content.decode()
    assert "agree <strong>2 or 3 priorities</strong>" in page
    assert "assessment of 1 June 2012" in page
    assert re.search(
        r"8 \(2009: 6\)\. Transforming the workforce[^:]*: latest stage 2 Development, "
        r"up from 1 Engagement",
        page,
    )


def test_the_priorities_page_asks_for_an_assessment_first(client, world):
    client.force_login(world.lead_a)
    page = client.get(f"/pdsa/sites/{world.site_a.slug}/priorities/").content.decode()
    assert "has not assessed itself yet" in page
    assert "1. Changing the nature of day-to-day interactions" in page
