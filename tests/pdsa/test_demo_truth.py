"""The demo tells the truth (issue 22): its indicators have targets, its phases start where a
change was adopted with enough values after it, and Devon's headline score is the rule's,
shown with its reasons."""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from pdsa import demo, progress, scores, selectors
from pdsa.models import Goal, Indicator, Phase
from sites import demo as sites_demo
from sites.models import Site

from .test_views import client_for

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def demo_work(db):
    sites_demo.load(today=TODAY)
    demo.load(today=TODAY)
    cache.clear()
    return Site.objects.get(name="Devon Partnership NHS Trust")


def test_every_demo_indicator_has_a_target(demo_work):
    assert Indicator.objects.exists()
    assert not Indicator.objects.filter(target__isnull=True).exists()


def test_each_demo_phase_starts_at_the_goals_adopted_change_with_twelve_values_after(demo_work):
    phases = list(Phase.objects.select_related("indicator__goal", "cycle"))
    assert phases
    for phase in phases:
        change = progress.the_change(list(phase.indicator.goal.cycles.all()))
        assert phase.cycle == change and phase.starts_on == change.act_done
        assert phase.value_count() >= 12


def test_each_goals_change_is_dated_where_its_data_moved(demo_work):
    for goal in Goal.objects.filter(indicators__isnull=False).distinct():
        change = progress.the_change(list(goal.cycles.all()))
        if change is None:
            continue
        for indicator in selectors.with_results(goal.indicators.all()):
            read = progress.read_indicator(indicator.results, change.act_done)
            assert read.change.before >= 6 and read.change.after >= 6, indicator.name
            assert read.change.improved_on == change.act_done, indicator.name


def test_devons_headline_is_the_rules_and_shown_with_its_reasons(demo_work):
    score, goals = scores.site_progress(demo_work)
    open_scores = sorted(p.score for g, p in goals if not g.is_closed)
    assert score.score == open_scores[(len(open_scores) - 1) // 2]  # the lower median
    assert score.score == 4.0
    for _, goal_score in goals:  # no step of any goal rests on a phase alone
        reached = next(s for s in goal_score.steps if s.score == goal_score.score)
        assert "phase" not in reached.reason
    consultant = get_user_model().objects.get(username="consultant")
    page = client_for(consultant).get(f"/pdsa/sites/{demo_work.slug}/progress/")
    text = html.unescape(page.content.decode())
    assert f"{score.score:.1f}: {score.label}" in text
    for step in score.steps:
        assert step.reason in text


def test_the_site_page_shows_the_same_score_with_its_reason(demo_work):
    score, _ = scores.site_progress(demo_work)
    consultant = get_user_model().objects.get(username="consultant")
    page = client_for(consultant).get(demo_work.get_absolute_url()).content.decode()
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert f"Progress score: {score.score:.1f}, {score.label}. {score.reached.reason}" in text
    assert f"Next: {score.next_step.reason}" in text
