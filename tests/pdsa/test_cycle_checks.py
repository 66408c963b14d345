"""PDSA forms refuse nonsense: a do stage completed with nothing recorded, due dates out of
the stages' order; the study form shows the watched indicators' run charts; an adapted
cycle keeps its co-produced team."""

import datetime

import pytest

from pdsa import services
from pdsa.models import Cycle
from tests.pdsa.factories import CycleFactory, DataPointFactory, IndicatorFactory, completed
from tests.sites.factories import PersonFactory

from .test_views import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(world):
    return CycleFactory(goal__priority__site=world.site_a, plan_done=datetime.date(2012, 1, 10))


def test_the_do_stage_cannot_be_completed_with_every_box_empty(world, cycle):
    client = client_for(world.lead_a)
    url = f"/pdsa/cycles/{cycle.pk}/do/"
    page = client.post(url, {"version": 1, "complete": "on", "done_on": "2012-03-30"})
    assert (
        '<a href="#id_what_happened">Record what happened before completing the do stage.</a>'
        in page.content.decode()
    )
    assert Cycle.objects.get().do_done is None
    data = {"version": 1, "complete": "on", "done_on": "2012-03-30", "problems": "Staff off"}
    assert client.post(url, data).status_code == 302
    assert Cycle.objects.get().do_done == datetime.date(2012, 3, 30)


def test_stage_due_dates_must_follow_the_stages_order(world, cycle):
    client = client_for(world.lead_a)
    plan = {
        "version": 1,
        "objective": "o",
        "change_idea": "c",
        "prediction": "p",
        "starts_on": "2012-01-02",
        "ends_on": "2012-03-31",
        "plan_due": "2012-01-15",
        "do_due": "2012-05-01",
        "study_due": "2012-04-15",
        "act_due": "2012-04-01",
    }
    page = client.post(f"/pdsa/cycles/{cycle.pk}/plan/", plan).content.decode()
    assert (
        '<a href="#id_study_due_0">Study due on must be on or after the do stage&#x27;s due '
        "date, 1 May 2012.</a>" in page
    )
    do = {"version": 1, "what_happened": "Ran", "do_due": "2012-04-20"}
    page = client.post(f"/pdsa/cycles/{cycle.pk}/do/", do).content.decode()
    assert "Do due on must be on or before the study stage&#x27;s due date, 15 April 2012." in page
    cycle.refresh_from_db()
    assert (cycle.do_due, cycle.study_due) == (
        datetime.date(2012, 3, 31),
        datetime.date(2012, 4, 15),
    )


def test_the_study_form_shows_the_watched_indicators_run_chart(world, cycle):
    indicator = IndicatorFactory(goal=cycle.goal, name="Plans with a personal goal")
    for day, value in [(5, 40), (12, 42), (19, 45), (26, 47)]:
        DataPointFactory(indicator=indicator, date=datetime.date(2012, 3, day), value=value)
    cycle.watched_indicators.set([indicator])
    page = client_for(world.lead_a).get(f"/pdsa/cycles/{cycle.pk}/study/").content.decode()
    watched = page[page.index('id="watched-heading"') :]
    assert "<svg" in watched[: watched.index("</section>")]
    assert "Plans with a personal goal" in watched


def test_an_adapted_cycle_keeps_the_team_that_tested_the_change(world):
    source = completed(outcome=Cycle.Outcome.ADAPT, goal__priority__site=world.site_a)
    peer = PersonFactory(full_name="Pat Peer")
    services.cycle_team_set(cycle=source, members=[])
    source.team.create(person=peer, perspective="service_user")
    response = client_for(world.lead_a).post(
        f"/pdsa/goals/{source.goal_id}/cycles/add/",
        {
            "adapted_from": source.pk,
            "objective": "o",
            "change_idea": "c",
            "prediction": "p",
            "starts_on": "2012-05-01",
            "ends_on": "2012-06-30",
        },
    )
    assert response.status_code == 302
    adapted = Cycle.objects.get(adapted_from=source)
    assert [(m.person.full_name, m.perspective) for m in adapted.team.all()] == [
        ("Pat Peer", "service_user")
    ]
