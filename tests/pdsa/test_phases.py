"""Worked examples for phases (NHSRplotthedots' rebase), trial limits and Making Data Count
assurance; every number is worked out by hand in the comments."""

import pytest

from pdsa.charts import assurance, phase_bounds, run_chart, xmr_chart

from .test_xmr_chart import flagged, signalled

# Seven points round 11, then seven round 21 after a change was adopted.
BEFORE = [10, 12, 10, 12, 10, 12, 10]
AFTER = [20, 22, 20, 22, 20, 22, 20]


def test_without_phases_a_step_change_is_one_long_shift_about_a_mean_in_between():
    # Mean 222 / 14 = 15.857: the first seven lie below it, the last seven above.
    chart = xmr_chart(BEFORE + AFTER)
    assert chart.mean == pytest.approx(222 / 14)
    assert flagged(chart, "shift") == list(range(14))
    assert len(chart.phases) == 1


def test_each_phase_has_its_own_mean_and_limits_and_no_signal():
    # Phase 1: mean 76 / 7 = 10.857, six moving ranges of 2: limits 10.857 +/- 5.32.
    # Phase 2: mean 146 / 7 = 20.857, limits 20.857 +/- 5.32. The jump of 10 between them is
    # no moving range at all: phase 2's first point has none.
    chart = xmr_chart(BEFORE + AFTER, phases=[7])
    first, second = chart.phases
    assert (first.start, first.end, first.baseline) == (0, 7, 7)
    assert (second.start, second.end, second.baseline) == (7, 14, 7)
    assert first.centre == pytest.approx(76 / 7)
    assert first.upper_limit == pytest.approx(76 / 7 + 5.32)
    assert first.lower_limit == pytest.approx(76 / 7 - 5.32)
    assert second.centre == pytest.approx(146 / 7)
    assert second.lower_limit == pytest.approx(146 / 7 - 5.32)
    assert chart.points[7].moving_range is None
    assert signalled(chart) == []
    # The chart's own lines are the latest phase's.
    assert chart.mean == pytest.approx(146 / 7)
    assert chart.upper_limit == pytest.approx(146 / 7 + 5.32)


def test_no_rule_run_crosses_a_phase_boundary():
    # 1..10 rise ten times in a row: a trend. Split at 5, each phase rises only 4 times.
    rising = list(range(1, 11))
    assert flagged(xmr_chart(rising), "trend") == list(range(10))
    assert flagged(xmr_chart(rising, phases=[5]), "trend") == []
    assert flagged(run_chart(rising), "trend") == list(range(10))
    # Run chart trend needs 5: phases of 3 and 7 leave a trend in the second only.
    assert flagged(run_chart(rising, phases=[3]), "trend") == [3, 4, 5, 6, 7, 8, 9]


def test_a_fixed_baseline_takes_the_same_first_n_points_in_every_phase():
    # Phase 1 fixes on 10,12,10,12: mean 11, MR 2, limits 5.68 to 16.32, so 30 is outside.
    # Phase 2 fixes on 20,22,20,22: mean 21, limits 15.68 to 26.32; 21 is common cause.
    chart = xmr_chart([10, 12, 10, 12, 30, 20, 22, 20, 22, 21], baseline=4, phases=[5])
    assert [p.baseline for p in chart.phases] == [4, 4]
    assert chart.phases[0].centre == 11
    assert chart.phases[1].lower_limit == pytest.approx(15.68)
    assert signalled(chart) == [4]
    assert (chart.points[4].cause, chart.points[4].side) == ("outside", "high")
    assert chart.baseline == 4 and chart.mean == 21


def test_a_phase_shorter_than_the_baseline_uses_all_its_points():
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 20, 22, 20], baseline=6, phases=[6])
    assert [p.baseline for p in chart.phases] == [6, 3]
    assert chart.phases[1].centre == pytest.approx(62 / 3)


def test_limits_from_fewer_than_twelve_points_are_trial_limits():
    assert xmr_chart([10, 12] * 6).trial is False  # 12 points
    assert xmr_chart([10, 12] * 6, baseline=11).trial is True
    phased = xmr_chart([10, 12] * 6 + [20, 22] * 3, phases=[12])
    assert [p.trial for p in phased.phases] == [False, True]
    assert phased.trial is True  # the latest limits come from 6 points
    single = xmr_chart([10, 12, 10, 30], phases=[3])  # the last phase: one point, no limits
    assert single.upper_limit is None and single.trial is False


def test_phase_starts_outside_the_series_or_repeated_are_ignored():
    assert phase_bounds(14, [0, 7, 7, 99]) == [(0, 7), (7, 14)]
    assert phase_bounds(0) == [(0, 0)]
    assert xmr_chart(BEFORE + AFTER, phases=[0, 7, 7, 99]) == xmr_chart(BEFORE + AFTER, phases=[7])
    with pytest.raises(TypeError):
        xmr_chart(BEFORE, phases=[1.5])


def test_run_chart_median_from_the_baseline_stops_the_baseline_flagging_itself():
    # The headline case: 12 baseline points round 5.5, then 12 round 9.5.
    # Median of all 24 = (6 + 9) / 2 = 7.5: all 12 baseline points are "a shift" below it.
    values = [5, 6] * 6 + [9, 10] * 6
    assert flagged(run_chart(values), "shift") == list(range(24))
    # Median of the first 12 = 5.5: the baseline alternates; its last point (6) and the 12
    # after it are 13 in a row above: a shift.
    fixed = run_chart(values, baseline=12)
    assert fixed.median == 5.5
    assert flagged(fixed, "shift") == list(range(11, 24))
    # A new phase at the change: medians 5.5 and 9.5, no shift in either.
    phased = run_chart(values, baseline=12, phases=[12])
    assert [p.centre for p in phased.phases] == [5.5, 9.5]
    assert phased.median == 9.5
    assert flagged(phased, "shift") == []
    assert (phased.useful_points, phased.runs) == (12, 12)  # the latest phase's runs


def test_run_chart_without_phases_is_unchanged():
    values = [1, 3, 1, 3, 9, 9, 5, 9, 9, 9, 9, 1, 3]
    plain = run_chart(values)
    assert plain.median == 5 and flagged(plain, "shift") == [4, 5, 7, 8, 9, 10]
    assert [(p.start, p.end, p.centre) for p in plain.phases] == [(0, 13, 5)]


# --- Assurance ---------------------------------------------------------------------------

# 10,12 x 6: mean 11, limits 5.68 to 16.32 from 12 points (not trial limits).
STEADY = xmr_chart([10, 12] * 6)


@pytest.mark.parametrize(
    ("target", "better", "expected"),
    [
        (20, "up", "fail"),  # higher is better, target above the upper limit: never reached
        (20, "down", "pass"),  # lower is better, every value is below 20
        (3, "up", "pass"),
        (3, "down", "fail"),
        (12, "up", "hit_and_miss"),
        ("upper limit", "up", "hit_and_miss"),  # on a limit is within them
        (None, "up", None),
        (12, None, None),
    ],
)
def test_assurance_reads_the_target_against_the_limits_and_the_better_direction(
    target, better, expected
):
    assert STEADY.upper_limit == pytest.approx(16.32)
    if target == "upper limit":
        target = STEADY.upper_limit
    assert assurance(STEADY, target, better) == expected


def test_assurance_uses_the_last_phase_limits():
    # Against phase 1 (5.68 to 16.32) a target of 14 is hit and miss; after the change the
    # limits are 15.68 to 26.32, so with higher better 14 is met every time.
    chart = xmr_chart([10, 12] * 6 + [20, 22] * 6, phases=[12])
    assert assurance(xmr_chart([10, 12] * 6), 14, "up") == "hit_and_miss"
    assert assurance(chart, 14, "up") == "pass"


def test_trial_limits_never_give_assurance():
    # Seven points after the change: limits 15.54 to 26.18 lie wholly above 14, but from
    # fewer than 12 points they cannot yet tell.
    chart = xmr_chart(BEFORE + AFTER, phases=[7])
    assert chart.trial
    assert assurance(chart, 14, "up") is None


def test_no_assurance_without_limits():
    assert assurance(xmr_chart([5]), 4, "up") is None
    assert assurance(xmr_chart([]), 4, "up") is None
