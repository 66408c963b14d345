"""Worked examples for the run chart rules (IHI); expected signals are checked by hand."""

from pdsa.charts import RUNS_TABLE, run_chart

from .test_xmr_chart import flagged, signalled

# --- Run chart -----------------------------------------------------------------------------


def test_run_chart_shift_skips_a_point_on_the_median_without_breaking():
    # Median 5 (7th of 13 sorted). The six 9s around the 5 form one shift; the 5 is not useful.
    chart = run_chart([1, 3, 1, 3, 9, 9, 5, 9, 9, 9, 9, 1, 3])
    assert chart.median == 5
    assert chart.points[6].position == "on"
    assert chart.points[6].signals == frozenset()
    assert flagged(chart, "shift") == [4, 5, 7, 8, 9, 10]
    assert chart.useful_points == 12
    assert chart.runs == 3
    assert (chart.runs_lower, chart.runs_upper) == (3, 11)
    assert not chart.too_few_runs and not chart.too_many_runs
    assert flagged(chart, "trend") == flagged(chart, "astronomical") == []


def test_run_chart_point_on_the_other_side_breaks_a_shift():
    # Median 3; above-median runs of 2 and 4 points.
    chart = run_chart([1, 3, 1, 3, 9, 9, 1, 9, 9, 9, 9, 1, 3])
    assert chart.median == 3
    assert flagged(chart, "shift") == []
    assert (chart.useful_points, chart.runs) == (10, 5)


def test_run_chart_trend_counts_like_values_once_and_flags_them():
    # 1, 2, 2, 3, 4, 5 is five distinct rising values: a trend over six points.
    chart = run_chart([6, 1, 2, 2, 3, 4, 5, 0])
    assert flagged(chart, "trend") == [1, 2, 3, 4, 5, 6]
    assert signalled(chart) == [1, 2, 3, 4, 5, 6]


def test_run_chart_four_rising_points_are_not_a_trend():
    assert flagged(run_chart([9, 1, 2, 3, 4, 0]), "trend") == []


def test_run_chart_five_falling_points_are_a_trend():
    assert flagged(run_chart([1, 9, 8, 7, 6, 5, 10]), "trend") == [1, 2, 3, 4, 5]


def test_run_chart_too_few_runs_after_a_step_change():
    chart = run_chart([1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9])
    assert chart.median == 5
    assert (chart.useful_points, chart.runs) == (12, 2)
    assert chart.too_few_runs and not chart.too_many_runs
    assert flagged(chart, "shift") == list(range(12))
    assert flagged(chart, "astronomical") == []  # a step is not a spike


def test_run_chart_too_many_runs_and_an_astronomical_spike():
    # Median 11; ten alternating points are ten runs, above the upper limit of 9.
    chart = run_chart([10, 12, 10, 12, 10, 12, 10, 30, 10, 12])
    assert chart.median == 11
    assert (chart.useful_points, chart.runs, chart.runs_upper) == (10, 10, 9)
    assert chart.too_many_runs and not chart.too_few_runs
    assert flagged(chart, "astronomical") == [7]


def test_run_chart_astronomical_spike_at_the_end_of_flat_data():
    chart = run_chart([1] * 9 + [50])
    assert signalled(chart) == [9]
    assert chart.points[9].signals == frozenset({"astronomical"})


def test_run_chart_runs_test_is_not_applied_under_ten_useful_points():
    chart = run_chart([1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert chart.useful_points == 8
    assert (chart.runs_lower, chart.runs_upper) == (None, None)
    assert not chart.too_few_runs and not chart.too_many_runs
    assert flagged(chart, "trend") == list(range(9))


def test_run_chart_edge_cases_have_no_signals():
    assert run_chart([]).median is None
    one = run_chart([4])
    assert (one.median, one.points[0].position, one.useful_points, one.runs) == (4, "on", 0, 0)
    flat = run_chart([7, 7, 7, 7, 7, 7, 7])
    assert (flat.useful_points, flat.runs, signalled(flat)) == (0, 0, [])


def test_runs_table_covers_ten_to_sixty_useful_points_and_widens_with_more_points():
    assert sorted(RUNS_TABLE) == list(range(10, 61))
    assert RUNS_TABLE[10] == (3, 9) and RUNS_TABLE[20] == (6, 16) and RUNS_TABLE[60] == (24, 38)
    lowers = [RUNS_TABLE[n][0] for n in range(10, 61)]
    uppers = [RUNS_TABLE[n][1] for n in range(10, 61)]
    assert lowers == sorted(lowers) and uppers == sorted(uppers)


def test_two_adjacent_astronomical_points_signal():
    # 60 and 62 lie far beyond the limits; the jump in and the jump out are both abnormal.
    chart = run_chart([10, 12, 11, 13, 60, 62, 12, 11, 10, 12, 11, 13])
    assert flagged(chart, "astronomical") == [4, 5]


def test_three_points_far_out_in_a_row_are_a_step_not_a_spike():
    chart = run_chart([10, 12, 11, 13, 60, 62, 61, 12, 11, 10, 12, 11, 13])
    assert flagged(chart, "astronomical") == []


def test_a_value_left_out_does_not_move_the_median():
    assert run_chart([1, 2, 3, 100, 4], excluded=[3]).median == 2.5
