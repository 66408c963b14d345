"""A lead marks where a new phase begins (offered when a cycle is adopted); the charts then
draw each phase's own centre line and limits; removing a phase asks first."""

import datetime

import pytest

from pdsa.models import Phase
from tests.pdsa.factories import CycleFactory, DataPointFactory, IndicatorFactory, completed

from .test_views import client_for

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 6)


def weekly(indicator, values):
    for i, value in enumerate(values):
        DataPointFactory(
            indicator=indicator, date=START + datetime.timedelta(days=7 * i), value=value
        )


@pytest.fixture
def indicator(world):
    indicator = IndicatorFactory(goal__priority__site=world.site_a, name="Peer contacts")
    weekly(indicator, [10, 12, 10, 12, 10, 12, 10, 20, 22, 20, 22, 20, 22, 20])
    return indicator


def test_adopted_cycle_offers_a_phase_dated_and_explained_from_it(world, indicator):
    cycle = completed(goal=indicator.goal, outcome="adopt", change_idea="Peer workers on wards")
    cycle.watched_indicators.add(indicator)
    client = client_for(world.lead_a)
    page = client.get(f"/pdsa/cycles/{cycle.pk}/").content.decode()
    offer = f"/pdsa/indicators/{indicator.pk}/phases/add/?cycle={cycle.pk}"
    assert offer in page
    form = client.get(offer).content.decode()
    assert f"Cycle {cycle.number} adopted: Peer workers on wards" in form
    response = client.post(
        f"/pdsa/indicators/{indicator.pk}/phases/add/",
        {"cycle": cycle.pk, "starts_on": "2025-02-24", "reason": "Cycle adopted"},
    )
    assert response.status_code == 302
    phase = Phase.objects.get()
    assert (phase.cycle, phase.created_by, phase.starts_on) == (
        cycle,
        world.lead_a,
        datetime.date(2025, 2, 24),
    )
    page = client.get(f"/pdsa/indicators/{indicator.pk}/").content.decode()
    # Phase 1: mean 76 / 7 = 10.86; phase 2: 146 / 7 = 20.86; both from 7 points: trial.
    assert "Phase 1 (6 Jan 2025 to 17 Feb 2025" in page
    assert "mean 10.86; <strong>trial limits</strong> 5.54 to 16.18" in page
    assert "Phase 2 (24 Feb 2025 to 7 Apr 2025: Cycle adopted): mean 20.86" in page
    assert "Common cause variation only." in page


def test_a_phase_must_start_after_the_first_value_and_once_a_date(world, indicator):
    client = client_for(world.lead_a)
    url = f"/pdsa/indicators/{indicator.pk}/phases/add/"
    page = client.post(url, {"starts_on": "2025-01-06", "reason": "x"}).content.decode()
    assert "A new phase starts after the first value (6 January 2025)." in page
    client.post(url, {"starts_on": "2025-02-24", "reason": "x"})
    page = client.post(url, {"starts_on": "2025-02-24", "reason": "y"}).content.decode()
    assert "A phase already starts on 24 February 2025." in page
    assert Phase.objects.count() == 1


def test_removing_a_phase_asks_first(world, indicator):
    phase = Phase.objects.create(indicator=indicator, starts_on=START, reason="Adopted")
    client = client_for(world.lead_a)
    url = f"/pdsa/indicators/{indicator.pk}/phases/{phase.pk}/delete/"
    assert "Remove the phase starting" in client.get(url).content.decode()
    assert Phase.objects.exists()
    assert client.post(url).status_code == 302
    assert not Phase.objects.exists()


def test_a_reader_cannot_start_a_phase_and_an_outsider_cannot_see_it(world, indicator):
    url = f"/pdsa/indicators/{indicator.pk}/phases/add/"
    data = {"starts_on": "2025-02-24", "reason": "x"}
    assert client_for(world.consultant).post(url, data).status_code == 403
    assert client_for(world.lead_b).post(url, data).status_code == 404
    assert not Phase.objects.exists()


def test_a_cycle_of_another_indicator_is_not_taken_as_the_reason(world, indicator):
    other = CycleFactory(goal=indicator.goal)
    page = client_for(world.lead_a).get(
        f"/pdsa/indicators/{indicator.pk}/phases/add/?cycle={other.pk}"
    )
    assert "Offered because cycle" not in page.content.decode()
