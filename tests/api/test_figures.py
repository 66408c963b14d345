"""The API returns what the pages show: the progress score and its steps, every point's
signals, the limits and icons, the workshop counts."""

import pytest
from django.core.management import call_command

from learning_sets.selectors import figures_for
from pdsa import chart_cache
from pdsa.selectors import goal_page

from .data import programme, read, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    return programme(world)


def test_the_goals_progress_score_and_steps_are_the_goal_pages(client, world, data):
    goals, _ = data
    goal = goals["a"]
    client.force_login(world.lead_a)
    page = client.get(goal.get_absolute_url())
    shown = goal_page(goal)["progress"]
    assert f"Progress score: {shown.score:.1f}".encode() in page.content
    row = read(client, token_for(world.lead_a, world.site_a), "goals").json()["results"][0]
    assert row["progress"]["score"] == shown.score > 1.0
    assert [(s["score"], s["met"], s["reason"]) for s in row["progress"]["steps"]] == [
        (s.score, s.met, s.reason) for s in shown.steps
    ]


def test_the_sites_score_is_the_site_progress_pages(client, world, data):
    client.force_login(world.lead_a)
    page = client.get(f"/pdsa/sites/{world.site_a.slug}/progress/")
    assert page.status_code == 200
    row = read(client, token_for(world.lead_a, world.site_a), "sites").json()["results"][0]
    assert f"{row['progress']['score']:.1f}: {row['progress']['label']}".encode() in page.content


def test_each_points_signals_limits_and_icons_are_the_indicator_pages(client, world, data):
    goals, _ = data
    indicator = goals["a"].indicators.get()
    results = chart_cache.results(indicator)
    row = read(client, token_for(world.admin), "indicators", site=world.site_a.pk).json()[
        "results"
    ][0]
    chart = row["chart"]
    assert [p["value"] for p in chart["points"]] == list(results.values)
    assert [p["xmr_signals"] for p in chart["points"]] == [
        sorted(p.signals) for p in results.xmr.points
    ]
    assert any(p["reading"] == "improvement" for p in chart["points"])
    assert (chart["mean"], chart["upper_limit"], chart["lower_limit"]) == (
        results.xmr.mean,
        results.xmr.upper_limit,
        results.xmr.lower_limit,
    )
    assert chart["variation_words"] == results.variation_words
    assert chart["assurance_words"] == results.assurance_words
    client.force_login(world.lead_a)
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert results.variation_words in page and results.assurance_words in page


def test_a_date_range_picks_points_but_the_limits_stay_the_whole_series(client, world, data):
    secret = token_for(world.admin)
    whole = read(client, secret, "indicators", site=world.site_a.pk).json()["results"][0]
    part = read(client, secret, "indicators", site=world.site_a.pk, date_from="2012-03-26")
    part = part.json()["results"][0]
    assert len(part["chart"]["points"]) == 8
    assert part["chart"]["upper_limit"] == whole["chart"]["upper_limit"]


def test_attendance_counts_are_the_workshop_pages(client, world, data):
    _, workshop = data
    figures = figures_for([workshop], workshop.date)[workshop.pk]
    rows = read(client, token_for(world.admin), "attendance").json()["results"]
    assert sum(r["attended"] for r in rows) == figures.attended == 3
    by_perspective = {}
    for row in rows:
        for count in row["by_perspective"]:
            by_perspective[count["perspective"]] = (
                by_perspective.get(count["perspective"], 0) + count["attended"]
            )
    assert by_perspective == dict(figures.attended_by_perspective)
    assert not any("needs" in key or "name" in key for key in rows[0])


def test_the_schema_validates():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
