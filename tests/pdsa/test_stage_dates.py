"""Work entered afterwards is dated truly: each stage's date can be set (today by default),
and the act stage opens only after do and study are done."""

import datetime

import pytest
import time_machine

from pdsa.models import Cycle
from tests.pdsa.factories import CycleFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def cycle(world):
    return CycleFactory(
        goal__priority__site=world.site_a,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 10, 31),
        plan_done=datetime.date(2026, 8, 20),
    )


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_a_stage_done_weeks_ago_is_dated_on_that_day_and_the_timeline_says_so(world, cycle):
    client = client_for(world.lead_a)
    data = {"version": 1, "what_happened": "Ran on two wards", "complete": "on"}
    client.post(f"/pdsa/cycles/{cycle.pk}/do/", {**data, "done_on": "2026-10-31"})
    cycle.refresh_from_db()
    assert cycle.do_done == datetime.date(2026, 10, 31)
    client.post(
        f"/pdsa/cycles/{cycle.pk}/study/",
        {"version": 2, "results": "Up by a third", "complete": "on"},
    )
    cycle.refresh_from_db()
    assert cycle.study_done == TODAY  # no date given: today
    client.post(
        f"/pdsa/cycles/{cycle.pk}/act/",
        {
            "version": 3,
            "outcome": "adopt",
            "learning": "Works",
            "complete": "on",
            "done_on": "2026-11-15",
        },
    )
    # The act stage cannot be done before the study stage (today).
    cycle.refresh_from_db()
    assert cycle.act_done is None
    client.post(
        f"/pdsa/cycles/{cycle.pk}/act/",
        {"version": 3, "outcome": "adopt", "learning": "Works", "complete": "on"},
    )
    cycle.refresh_from_db()
    assert cycle.act_done == TODAY


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_a_stage_cannot_be_dated_in_the_future_or_before_the_stage_before_it(world, cycle):
    client = client_for(world.lead_a)
    url = f"/pdsa/cycles/{cycle.pk}/do/"
    page = client.post(url, {"version": 1, "complete": "on", "done_on": "2026-12-02"})
    assert "The date cannot be in the future." in page.content.decode()
    page = client.post(url, {"version": 1, "complete": "on", "done_on": "2026-08-01"})
    assert "The plan stage was done on 20 August 2026" in page.content.decode()
    assert Cycle.objects.get().do_done is None


def test_the_act_stage_opens_only_after_do_and_study(world, cycle):
    client = client_for(world.lead_a)
    response = client.get(f"/pdsa/cycles/{cycle.pk}/act/")
    assert response.status_code == 302 and response["Location"] == f"/pdsa/cycles/{cycle.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "The act stage opens once the do and study stages are done." in page
    assert "Opens after do and study" in page
    response = client.post(
        f"/pdsa/cycles/{cycle.pk}/act/",
        {"version": 1, "outcome": "adopt", "learning": "x", "complete": "on"},
    )
    assert Cycle.objects.get().act_done is None
