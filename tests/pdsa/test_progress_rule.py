"""The progress score's rule (domain.md "The progress score, read from the data"), worked
through the scenarios the old rule got wrong. Pure: the charts are computed from plain
objects, no database."""

import datetime
from types import SimpleNamespace

import pytest

from pdsa.chart_results import compute
from pdsa.progress import goal_progress, site_progress

START = datetime.date(2025, 1, 6)
CHANGE = START + datetime.timedelta(weeks=12)  # the act date: weeks 0-11 before, 12 on after


def week(n: int) -> datetime.date:
    return START + datetime.timedelta(weeks=n)


def indicator(values, *, target=None, better="up", phases=(), baseline=None, left_out=()):
    """An indicator with weekly ``values`` from START and phases starting at those weeks."""
    spec = SimpleNamespace(
        name="Reviews with a goal",
        unit="%",
        better=better,
        target=target,
        baseline=baseline,
        xmr_baseline=None,
        xmr_run=7,
        data_interval_days=7,
    )
    points = [
        SimpleNamespace(
            date=week(w), value=v, note="", left_out_because="why" if w in left_out else ""
        )
        for w, v in enumerate(values)
    ]
    marks = [SimpleNamespace(starts_on=week(w), reason="Adopted") for w in phases]
    return SimpleNamespace(results=compute(spec, points, phases=marks))


def cycle(number=1, outcome="adopt", act_done=CHANGE):
    return SimpleNamespace(
        number=number,
        outcome=outcome,
        act_done=act_done,
        get_outcome_display=lambda: outcome.capitalize(),
    )


def score(*indicators, cycles=None, group=True):
    goal = SimpleNamespace(title="Recovery goals in care plans", is_closed=False)
    return goal_progress(
        goal,
        group_formed=group,
        indicators=list(indicators),
        cycles=[cycle()] if cycles is None else cycles,
    )


def step(progress, value):
    return next(s for s in progress.steps if s.score == value)


BEFORE = [10, 12] * 6  # mean 11, limits 5.68 to 16.32 from 12 points
STEP_UP = [20, 22] * 6  # after the change: mean 21


def test_each_step_from_the_goal_recorded_to_a_change_tested():
    assert score(cycles=[], group=False).score == 0.5
    assert score(cycles=[], group=True).score == 1.0
    assert score(indicator([]), cycles=[]).score == 1.0  # an indicator, but no target
    assert (
        step(score(indicator([]), cycles=[]), 1.5).reason
        == "Set a target on “Reviews with a goal”."
    )
    assert score(indicator([], target=20), cycles=[]).score == 1.5
    assert score(indicator(BEFORE[:6], target=20), cycles=[]).score == 2.0  # 6 values
    open_cycle = cycle(outcome="", act_done=None)
    assert score(indicator([], target=20), cycles=[open_cycle]).score == 2.0
    abandoned = cycle(outcome="abandon")
    assert score(indicator(BEFORE, target=20), cycles=[abandoned]).score == 2.5


def test_a_change_tested_needs_every_indicator_with_a_target_and_values():
    progress = score(
        indicator(BEFORE, target=20), indicator(BEFORE), cycles=[cycle(outcome="abandon")]
    )
    assert progress.score == 2.0
    assert step(progress, 2.5).reason == "Set a target on “Reviews with a goal”."


def test_without_a_target_completion_is_unknown_and_the_score_stops_at_one():
    progress = score(indicator(BEFORE + STEP_UP))
    assert progress.score == 1.0
    assert not step(progress, 1.5).met


def test_a_one_point_phase_is_not_significant_improvement():
    # The old rule gave 4.0 for any gain in a later phase of one point.
    progress = score(indicator(BEFORE + [12], target=20, phases=[12]))
    assert progress.score == 2.5
    assert "“Reviews with a goal”: 11 % (from 11 to 12, target 20), no improvement signal" in (
        step(progress, 3.0).reason
    )


def test_a_collapse_after_improvement_keeps_only_the_early_signal():
    # Improved after the change, then a later phase far below the start: the current level
    # is the latest phase's (4.5), so completion is 0; the earlier signal still counts at 3.0.
    values = BEFORE + STEP_UP + [4, 5] * 6
    progress = score(indicator(values, target=20, phases=[12, 24]))
    assert progress.score == 3.0
    assert step(progress, 3.0).met
    assert not step(progress, 3.5).met


@pytest.mark.parametrize(
    "phases", [(), (12,)], ids=["without a phase", "with a phase at the change"]
)
def test_a_clean_sustained_step_is_read_against_the_limits_before_the_change(phases):
    # The old rule gave 2.5 with a phase at the change: the phase hid the signal.
    progress = score(indicator(BEFORE + STEP_UP, target=21, phases=phases))
    assert progress.score == 4.5
    assert "shows an improvement from 31 Mar 2025 against the limits before the change" in (
        step(progress, 3.5).reason
    )
    assert "Completion towards the targets is 100 % on average" in step(progress, 4.0).reason
    # Target 21 lies between the after limits (15.68 to 26.32): hit and miss, no 5.0.
    assert "limits do not lie wholly on the right side of its target" in step(progress, 5.0).reason


def test_a_target_met_with_assurance_from_twelve_after_points_is_outstanding():
    progress = score(indicator(BEFORE + STEP_UP, target=15, phases=[12]))
    assert progress.score == 5.0
    assert step(progress, 5.0).reason.startswith("Every indicator meets its target consistently")


def test_a_target_met_only_on_trial_limits_is_not_outstanding():
    # Seven after points meet 15 and their limits (15.54 to 26.18) lie above it, but limits
    # from seven points are trial limits: no assurance.
    progress = score(indicator(BEFORE + STEP_UP[:7], target=15, phases=[12]))
    assert progress.score == 4.5
    assert "its limits come from 7 values after the change: needs 5 more values" in (
        step(progress, 5.0).reason
    )


def test_lower_is_better_reads_the_other_way():
    before, after = [20, 22] * 6, [10, 12] * 6
    assert score(indicator(before + after, target=11, better="down")).score == 4.5
    # after limits 5.68 to 16.32: a target of 17 lies beyond the worse (upper) limit: pass
    assert score(indicator(before + after, target=17, better="down")).score == 5.0
    # the same step up is a concern, not an improvement
    assert score(indicator(after + before, target=11, better="down")).score == 2.5


def test_modest_improvement_from_completion_without_a_signal():
    # Noisy data before (limits wide), a level 30 % of the way to the target after.
    before = [5, 15] * 6  # mean 10, MR 10: limits -16.6 to 36.6
    after = [8, 20] * 3  # mean 14: (14 - 10) / (20 - 10) = 40 %
    progress = score(indicator(before + after, target=20))
    assert progress.score == 3.0
    assert (
        "is 40 % of the way to its target (from 10 to 14, target 20)" in step(progress, 3.0).reason
    )


def test_the_baseline_level_comes_from_the_typed_value_with_fewer_than_six_before_points():
    # Three before points: B is the typed 12; C 15 of a target of 20: 37.5 %. Their trial
    # limits (6 to 14) still read the 15s as an improvement; five after points are not
    # sustained.
    data = indicator([9, 11, 10] + [15] * 5, target=20, baseline=12)
    progress = score(data, cycles=[cycle(act_done=week(3))])
    assert progress.score == 3.5
    assert "(trial limits: fewer than 12 values before), and it is 38 % of the way" in (
        step(progress, 3.5).reason
    )


def test_a_point_left_out_does_not_move_the_levels():
    values = BEFORE + STEP_UP
    values[5] = 500  # a typing slip, left out with a reason
    progress = score(indicator(values, target=21, left_out=(5,)))
    assert progress.score == 4.5


def test_no_adopted_change_holds_the_score_at_changes_tested():
    progress = score(indicator(BEFORE + STEP_UP, target=21), cycles=[cycle(outcome="abandon")])
    assert progress.score == 2.5
    assert step(progress, 3.0).reason.startswith("Adopt or adapt a tested change")


def _goal(title, value):
    from pdsa.progress import SCALE, Progress, Step

    steps = tuple(Step(s, SCALE[s], s <= value, "") for s in SCALE)
    return SimpleNamespace(title=title, is_closed=False), Progress(value, steps)


def test_the_site_score_is_the_lower_median_of_its_open_goals():
    assert site_progress([_goal("A", 1.0), _goal("B", 3.0)], group_formed=True).score == 1.0
    three = [_goal("A", 1.0), _goal("B", 2.5), _goal("C", 4.0)]
    progress = site_progress(three, group_formed=True)
    assert progress.score == 2.5
    assert step(progress, 2.5).reason == "2 of 3 open goals reach it (“B”, “C”)."
    assert step(progress, 3.0).reason == (
        "Needs 2 of 3 open goals at 3.0 (the lower median); 1 reaches it (“C”)."
    )
    closed, done = _goal("D", 5.0)
    closed.is_closed = True
    assert site_progress([*three, (closed, done)], group_formed=True).score == 2.5


def test_a_site_without_goals_scores_its_project_group():
    assert site_progress([], group_formed=False).score == 0.5
    assert site_progress([], group_formed=True).score == 1.0


def test_concerns_before_the_change_do_not_undo_a_sustained_improvement():
    # No phase: the whole chart's mean lies between the levels, so the 12 values before the
    # change are a shift below it (a concern); only the after values are asked to hold.
    progress = score(indicator(BEFORE + STEP_UP[:7], target=21))
    assert step(progress, 4.0).met
