"""Worked examples for the XmR rules (NHS Making Data Count); numbers are checked by hand."""

import math

import pytest

from pdsa.charts import (
    variation_icon,
    xmr_chart,
    xmr_reading,
)


def flagged(chart, rule):
    return [i for i, point in enumerate(chart.points) if rule in point.signals]


def signalled(chart):
    return [i for i, point in enumerate(chart.points) if point.signals]


# --- XmR: limits ---------------------------------------------------------------------------


def test_baseline_fixes_mean_and_limits_and_later_points_outside_them_signal():
    # Baseline 10,12 x4: mean 11, every moving range 2, limits 11 +/- 2.66 x 2.
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 10, 12, 17, 11, 5], baseline=8)
    assert chart.baseline == 8
    assert chart.mean == 11
    assert chart.mean_moving_range == 2
    assert chart.upper_limit == pytest.approx(16.32)
    assert chart.lower_limit == pytest.approx(5.68)
    assert chart.upper_two_thirds == pytest.approx(11 + 2 / 3 * 5.32)
    assert chart.lower_two_thirds == pytest.approx(11 - 2 / 3 * 5.32)
    assert signalled(chart) == [8, 10]
    assert (chart.points[8].cause, chart.points[8].side) == ("outside", "high")
    assert (chart.points[10].cause, chart.points[10].side) == ("outside", "low")


def test_without_a_baseline_the_same_data_give_wider_limits_and_no_signal():
    # Mean 121 / 11 = 11; moving ranges 2 x7, 5, 6, 6 -> 31 / 10 = 3.1 (none screened).
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 10, 12, 17, 11, 5])
    assert chart.baseline == 11
    assert chart.mean == 11
    assert chart.mean_moving_range == pytest.approx(3.1)
    assert chart.upper_limit == pytest.approx(11 + 2.66 * 3.1)
    assert signalled(chart) == []


def test_large_moving_ranges_are_screened_once_before_the_limits_are_set():
    # Mean 128 / 10 = 12.8. Moving ranges 2 x7 and 20 x2: mean 54 / 9 = 6; 20 >= 3.267 x 6
    # = 19.6, so both go and the mean moving range is 14 / 7 = 2: limits 12.8 +/- 5.32.
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 10, 30, 10, 12])
    assert chart.screened_out == (7, 8)
    assert chart.mean == pytest.approx(12.8)
    assert chart.mean_moving_range == 2
    assert chart.lower_limit == pytest.approx(7.48)
    assert chart.upper_limit == pytest.approx(18.12)
    assert flagged(chart, "outside") == [7]
    # The spike lifts the mean, leaving the first seven points below it: a shift.
    assert flagged(chart, "shift") == [0, 1, 2, 3, 4, 5, 6]
    assert signalled(chart) == [0, 1, 2, 3, 4, 5, 6, 7]


def test_a_moving_range_exactly_at_the_screening_threshold_is_dropped():
    # Moving ranges 3267, 244, 244, 245: mean 1000, and 3267 = 3.267 x 1000 goes (>=).
    chart = xmr_chart([0, 3267, 3023, 3267, 3022])
    assert chart.screened_out == (1,)
    assert chart.mean_moving_range == pytest.approx(733 / 3)


def test_screening_can_leave_a_zero_moving_range_and_limits_on_the_mean():
    # Python port test_pandas_spc_x_calc.test_special_cause. Moving ranges 0, 0, 0, 1: mean
    # 0.25; 1 >= 3.267 x 0.25 goes, leaving a mean moving range of 0 and limits on the mean, so
    # every point off the mean is outside, as in the reference.
    chart = xmr_chart([1, 1, 1, 1, 2])
    assert chart.screened_out == (4,)
    assert chart.mean_moving_range == 0
    assert chart.lower_limit == chart.upper_limit == pytest.approx(1.2)
    assert [p.side for p in chart.points] == ["low", "low", "low", "low", "high"]


# --- XmR: rules ----------------------------------------------------------------------------


def test_seven_points_above_the_mean_are_all_flagged_as_a_shift():
    # Baseline 9, 11, 9, 11: mean 10, moving range 2, limits 4.68 to 15.32.
    chart = xmr_chart([9, 11, 9, 11, 11, 12, 11, 12, 11, 12], baseline=4)
    assert chart.mean == 10
    assert flagged(chart, "shift") == [3, 4, 5, 6, 7, 8, 9]
    assert signalled(chart) == [3, 4, 5, 6, 7, 8, 9]
    assert {p.side for p in chart.points[3:]} == {"high"}


def test_six_points_on_one_side_of_the_mean_are_not_a_shift():
    chart = xmr_chart([9, 11, 9, 11, 11, 12, 11, 12, 11], baseline=4)
    assert signalled(chart) == []


def test_a_point_exactly_on_the_mean_breaks_a_shift():
    # Three above, one on the mean (10), four above: no run of seven.
    chart = xmr_chart([9, 11, 9, 11, 11, 12, 10, 12, 11, 12, 11], baseline=4)
    assert chart.points[6].value == chart.mean
    assert signalled(chart) == []


def test_seven_rising_points_are_a_trend_and_six_are_not():
    # Baseline mean 12, moving range 4, limits 1.36 to 22.64: nothing else signals.
    base = [10, 14, 10, 14, 10, 14]
    six = xmr_chart(base + [9, 10, 11, 12, 13, 14], baseline=6)
    seven = xmr_chart(base + [9, 10, 11, 12, 13, 14, 15], baseline=6)
    assert signalled(six) == []
    assert flagged(seven, "trend") == [6, 7, 8, 9, 10, 11, 12]
    assert signalled(seven) == [6, 7, 8, 9, 10, 11, 12]
    assert {seven.points[i].side for i in range(6, 13)} == {"high"}


def test_an_equal_value_breaks_an_xmr_trend():
    chart = xmr_chart([10, 14, 10, 14, 10, 14, 9, 10, 11, 11, 12, 13, 14, 15], baseline=6)
    assert signalled(chart) == []


def test_a_falling_trend_is_low_and_reads_as_improvement_when_lower_is_better():
    chart = xmr_chart([10, 14, 10, 14, 10, 14, 15, 14, 13, 12, 11, 10, 9], baseline=6)
    assert flagged(chart, "trend") == [6, 7, 8, 9, 10, 11, 12]
    assert xmr_reading(chart, "down")[6:] == ("improvement",) * 7
    assert xmr_reading(chart, "up")[6:] == ("concern",) * 7


def test_the_peak_shared_by_a_rising_and_a_falling_trend_takes_the_falling_side():
    # NHSRplotthedots labels a trend point by its step to the next point when that point is in
    # a trend too, so the peak (8) reads as part of the decrease.
    values = [1, 9, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2]
    chart = xmr_chart(values, baseline=2)
    assert flagged(chart, "trend") == list(range(2, 15))
    assert [p.side for p in chart.points] == [None, None] + ["high"] * 6 + ["low"] * 7


def test_a_trend_ending_on_a_repeated_value_that_starts_another_trend_reads_low():
    # Same rule: the step to the next point is 0, which the reference labels "Decreasing".
    values = [1, 20, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14]
    chart = xmr_chart(values, baseline=2)
    assert flagged(chart, "trend") == list(range(2, 16))
    assert [p.side for p in chart.points[2:]] == ["high"] * 6 + ["low"] + ["high"] * 7


def test_two_of_three_flags_only_the_points_near_the_limit():
    # Mean 10, two-thirds lines at 10 +/- 3.5467: 14 and 14.5 are near, 12 is not.
    chart = xmr_chart([9, 11, 9, 11, 14, 12, 14.5, 10], baseline=4)
    assert chart.upper_two_thirds == pytest.approx(13.5467, abs=1e-4)
    assert flagged(chart, "two_of_three") == [4, 6]
    assert signalled(chart) == [4, 6]
    assert xmr_reading(chart, "up") == ("common cause",) * 4 + (
        "improvement",
        "common cause",
        "improvement",
        "common cause",
    )


def test_two_of_three_below_the_mean_is_a_concern_when_higher_is_better():
    chart = xmr_chart([9, 11, 9, 11, 6, 8, 5.5, 10], baseline=4)
    assert flagged(chart, "two_of_three") == [4, 6]
    assert [xmr_reading(chart, "up")[i] for i in (4, 6)] == ["concern", "concern"]
    assert [xmr_reading(chart, "down")[i] for i in (4, 6)] == ["improvement", "improvement"]


def test_two_of_three_needs_all_three_points_on_the_same_side_of_the_mean():
    chart = xmr_chart([9, 11, 9, 11, 14, 6, 14, 10], baseline=4)
    assert signalled(chart) == []


def test_a_point_outside_the_limits_is_not_counted_as_near_one():
    # 11, 16, 14 are all above the mean but only 14 is near (16 is outside).
    chart = xmr_chart([9, 11, 9, 11, 16, 14, 10], baseline=4)
    assert signalled(chart) == [4]
    assert chart.points[4].signals == frozenset({"outside"})


def test_a_point_matching_several_rules_keeps_them_all_and_the_reference_cause():
    # Python port test_pandas_spc_x_calc.test_sample1: 1..8 with limits from the first 3.
    chart = xmr_chart([1, 2, 3, 4, 5, 6, 7, 8], baseline=3)
    assert chart.points[4].signals == frozenset({"outside", "trend"})
    assert chart.points[4].cause == "outside"
    assert chart.points[0].cause == "trend"


# --- XmR: readings and icon ----------------------------------------------------------------


def test_readings_depend_on_which_direction_is_better():
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 10, 12, 17, 11, 5], baseline=8)
    up = xmr_reading(chart, "up")
    down = xmr_reading(chart, "down")
    assert (up[8], up[9], up[10]) == ("improvement", "common cause", "concern")
    assert (down[8], down[9], down[10]) == ("concern", "common cause", "improvement")
    assert xmr_reading(chart, None)[8] == "special cause"


def test_the_variation_icon_follows_the_latest_point():
    low_last = xmr_chart([10, 12, 10, 12, 10, 12, 10, 12, 17, 11, 5], baseline=8)
    assert variation_icon(low_last, "up") == "concern_low"
    assert variation_icon(low_last, "down") == "improvement_low"
    assert variation_icon(low_last, None) == "neutral_low"
    assert variation_icon(xmr_chart([10, 12, 10, 12, 11]), "up") == "common_cause"
    assert variation_icon(xmr_chart([]), "up") is None


def test_an_unknown_better_direction_is_refused():
    chart = xmr_chart([10, 12, 10, 12, 10, 12, 10, 12, 17], baseline=8)
    with pytest.raises(ValueError, match="better"):
        xmr_reading(chart, "higher")


# --- XmR: edge cases -----------------------------------------------------------------------


def test_no_points_give_an_empty_chart():
    chart = xmr_chart([])
    assert chart.points == ()
    assert chart.mean is None and chart.upper_limit is None


def test_one_point_has_a_mean_but_no_moving_range_or_limits():
    chart = xmr_chart([7])
    assert chart.mean == 7
    assert chart.mean_moving_range is None and chart.upper_limit is None
    assert chart.points[0].moving_range is None
    assert chart.points[0].reading("up") == "common cause"


def test_two_points_give_limits_from_their_one_moving_range():
    chart = xmr_chart([4, 6])
    assert (chart.mean, chart.mean_moving_range) == (5, 2)
    assert chart.lower_limit == pytest.approx(-0.32)
    assert chart.upper_limit == pytest.approx(10.32)
    assert [p.moving_range for p in chart.points] == [None, 2]


def test_equal_values_put_the_limits_on_the_mean_and_signal_nothing():
    # The reference screens out every zero moving range and returns NaN limits here.
    chart = xmr_chart([0.1] * 12)
    assert chart.mean == 0.1
    assert chart.lower_limit == chart.upper_limit == 0.1
    assert signalled(chart) == []


def test_a_baseline_longer_than_the_data_uses_all_of_it():
    # Python port test_pandas_spc_x_calc.test_sample2 (fix_after_n_points=11 on 5 values).
    chart = xmr_chart([16.0, 9.0, 4.0, 2.0, 1.0], baseline=11)
    assert chart.baseline == 5
    assert chart.mean == pytest.approx(6.4)
    assert chart.lower_limit == pytest.approx(-3.575)
    assert chart.upper_limit == pytest.approx(16.375)
    assert signalled(chart) == []


@pytest.mark.parametrize("baseline", [0, 1, -3])
def test_a_baseline_under_two_points_is_refused(baseline):
    with pytest.raises(ValueError, match="at least 2 points"):
        xmr_chart([1, 2, 3], baseline=baseline)


def test_a_baseline_that_is_not_a_whole_number_is_refused():
    with pytest.raises(TypeError):
        xmr_chart([1, 2, 3], baseline=2.5)


def test_values_that_are_not_finite_are_refused():
    with pytest.raises(ValueError, match="finite"):
        xmr_chart([1, math.nan, 3])


# --- XmR: examples from the reference test suites ------------------------------------------

# set.seed(123); rnorm(20) in R, the data of NHSRplotthedots tests/testthat/test-ptd_spc_standard.R
RNORM_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
    -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
    -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
]  # fmt: skip


def test_nhsrplotthedots_snapshot_limits_for_twenty_normal_values():
    # tests/testthat/_snaps/ptd_spc_standard.md (r1) and _snaps/ptd_spc.md: 20 common cause.
    chart = xmr_chart(RNORM_123)
    assert chart.mean == pytest.approx(0.1416238, abs=1e-7)
    assert chart.lower_limit == pytest.approx(-3.01138, abs=1e-5)
    assert chart.upper_limit == pytest.approx(3.294627, abs=1e-6)
    assert chart.screened_out == ()
    assert signalled(chart) == []


def test_nhsrplotthedots_snapshot_limits_after_screening_an_outlier():
    # Same file (r2): y[15] <- 10 (R counts from 1); screening narrows the limits, which
    # would be -4.596625 to 5.935457 without it (r3).
    values = list(RNORM_123)
    values[14] = 10
    chart = xmr_chart(values)
    assert chart.mean == pytest.approx(0.6694159, abs=1e-7)
    assert chart.lower_limit == pytest.approx(-2.383666, abs=1e-6)
    assert chart.upper_limit == pytest.approx(3.722497, abs=1e-6)
    assert chart.screened_out == (14, 15)
    assert flagged(chart, "outside") == [14]


def test_nhsrplotthedots_baseline_changes_the_limits():
    # test-ptd_spc_standard.R "setting fix_after_n_points changes the calculations".
    fixed = xmr_chart(RNORM_123, baseline=12)
    assert fixed.mean == pytest.approx(sum(RNORM_123[:12]) / 12)
    assert fixed.lower_limit != xmr_chart(RNORM_123).lower_limit


def test_nhsrplotthedots_near_points_on_opposite_sides_are_common_cause():
    # test-ptd_spc_standard.R "it only reports special cause for 2of3 points close to limits
    # when they are on the same side of the mean": 1, -1 x8 with the last two 5.5 and -5.5.
    values = [1, -1] * 8
    values[14], values[15] = 5.5, -5.5
    chart = xmr_chart(values)
    assert chart.mean == 0
    assert chart.screened_out == (15,)  # 11 >= 3.267 x 43.5 / 15
    assert chart.mean_moving_range == pytest.approx(32.5 / 14)
    assert xmr_reading(chart, "up") == ("common cause",) * 16


def test_python_port_limits_and_special_causes_for_one_to_eight_fixed_after_three():
    # nhspy-plotthedots tests/unittests/test_pandas_spc_x_calc.py test_sample1.
    chart = xmr_chart([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], baseline=3)
    assert (chart.mean, chart.lower_limit, chart.upper_limit) == (2.0, -0.6600000000000001, 4.66)
    assert flagged(chart, "outside") == [4, 5, 6, 7]
    assert signalled(chart) == list(range(8))


def test_python_port_limits_for_a_mixed_series_and_its_seven_point_trend():
    # nhspy-plotthedots test_limits_calculations.test_mixed_input and
    # test_seven_point_trend.test_mixed_input (the trend ends at index 10).
    chart = xmr_chart([1, 2, 3, 2, 1, 2, 3, 4, 5, 6, 7, 4, 3, 2, 1, 2])
    assert chart.mean == 3.0
    assert chart.lower_limit == pytest.approx(-0.014666666666666828)
    assert chart.upper_limit == pytest.approx(6.014666666666667)
    assert chart.lower_two_thirds == pytest.approx(0.9902222222222221)
    assert chart.upper_two_thirds == pytest.approx(5.009777777777778)
    assert flagged(chart, "trend") == [4, 5, 6, 7, 8, 9, 10]
    assert flagged(chart, "outside") == [10]


def test_python_port_limits_for_seven_values():
    # nhspy-plotthedots test_limits_calculations.test_exact_seven_input.
    chart = xmr_chart([3, 1, 4, 1, 5, 9, 2])
    assert chart.mean == pytest.approx(3.5714285714285716)
    assert chart.lower_limit == pytest.approx(-6.625238095238096)
    assert chart.upper_limit == pytest.approx(13.768095238095238)


# --- Choices the Making Data Count tool offers ----------------------------------------------


def test_a_shift_of_six_counts_only_when_the_indicator_chose_six():
    values = [2, 6, 2, 6, 2, 3, 5, 5, 5, 5, 5, 5, 3]  # six points above the mean of 4.15
    assert flagged(xmr_chart(values), "shift") == []
    assert flagged(xmr_chart(values, run=6), "shift") == [6, 7, 8, 9, 10, 11]


def test_a_trend_of_six_counts_only_when_the_indicator_chose_six():
    values = [5, 1, 2, 3, 4, 5, 6, 2]
    assert flagged(xmr_chart(values), "trend") == []
    assert flagged(xmr_chart(values, run=6), "trend") == [1, 2, 3, 4, 5, 6]


def test_a_value_left_out_is_kept_on_the_chart_but_not_in_the_limits():
    values = [10, 12] * 6 + [90]
    kept = xmr_chart(values[:12])
    chart = xmr_chart(values, excluded=[12])
    assert chart.mean == 11 and chart.upper_limit == pytest.approx(16.32)
    assert (chart.mean, chart.upper_limit) == (kept.mean, kept.upper_limit)
    assert len(chart.points) == 13 and "outside" in chart.points[12].signals
    assert chart.baseline == 12


def test_nothing_left_out_gives_the_reference_result_unchanged():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
    assert xmr_chart(values, excluded=()) == xmr_chart(values)
    assert xmr_chart(values, run=7) == xmr_chart(values)


@pytest.mark.parametrize(
    "values",
    [[0, 0, 0, 2, 2, 2, 2, 5, 5, 5, 5, 5, 8, 8, 8], [100] * 11 + [99], [4] * 12],
    ids=["step-like counts", "one change in a flat series", "all equal"],
)
def test_limits_that_collapse_are_named(values):
    assert xmr_chart(values).collapsed


def test_ordinary_limits_do_not_collapse():
    assert not xmr_chart([10, 12] * 6 + [30]).collapsed
