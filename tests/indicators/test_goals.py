"""Goal tracking: each goal kind at its boundary, since when it is met, and assurance."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import Goal, definition
from indicators.errors import InvalidOptionError
from indicators.goals import (
    chart_goal_status,
    chart_goal_statuses,
    days_between_goal_table,
    reduction_baseline,
    series_goal_table,
    sustained_level,
)
from indicators.indicator_chart import indicator_chart

TODAY = date(2026, 11, 22)
AT_LEAST_95 = Goal("min_share", 0.95)
AT_LEAST_300_DAYS = Goal("min_days_between", 300.0)
HALVE = Goal("reduce_by", 0.5)
MONDAYS = np.array([date(2026, 1, 5) + timedelta(weeks=k) for k in range(12)], dtype="datetime64[D]")


def _shares(*percent: float, target: float = 95.0, **limits):
    return series_goal_table(AT_LEAST_95, MONDAYS[None, :len(percent)], np.array([percent]),
                             np.array([target]), **limits).status(0)


def _days_since(days: int | None):
    last = np.array([np.datetime64(TODAY - timedelta(days=days), "D") if days is not None
                     else np.datetime64("NaT")])
    return days_between_goal_table(AT_LEAST_300_DAYS, last, today=TODAY).status(0)


def test_exactly_95_percent_meets_a_95_percent_goal_and_just_below_does_not():
    assert _shares(19 / 20 * 100).met is True
    assert _shares(94.99).met is False


def test_a_share_goal_is_met_since_the_first_point_of_the_latest_stretch_at_or_above_it():
    status = _shares(96.0, 90.0, 95.0, 97.0, 99.0)
    assert (status.met, status.met_since, status.latest) == (True, date(2026, 1, 19), 99.0)
    assert status.progress == pytest.approx(99.0 / 95.0)


def test_a_missing_period_neither_breaks_nor_extends_the_stretch():
    assert _shares(90.0, 96.0, np.nan, 97.0).met_since == date(2026, 1, 12)


def test_a_share_goal_missed_at_the_latest_point_has_no_since_day():
    status = _shares(99.0, 98.0, 80.0)
    assert (status.met, status.met_since) == (False, None)
    assert status.progress == pytest.approx(80.0 / 95.0)


def test_a_series_without_values_is_not_judged():
    status = _shares(np.nan, np.nan)
    assert (status.met, status.latest, status.progress, status.met_since) == (None, None, None, None)


def test_300_days_since_the_last_event_meets_the_goal_and_299_do_not():
    met, missed = _days_since(300), _days_since(299)
    assert (met.met, met.met_since, met.latest) == (True, TODAY, 300.0)
    assert (missed.met, missed.met_since, missed.latest) == (False, None, 299.0)
    assert missed.progress == pytest.approx(299 / 300)


def test_the_days_between_goal_is_met_since_the_day_the_count_reached_300():
    status = _days_since(400)
    assert status.met_since == TODAY - timedelta(days=100)


def test_without_any_event_the_days_between_goal_cannot_be_judged():
    assert (_days_since(None).met, _days_since(None).latest) == (None, None)


def test_the_reduction_baseline_is_the_first_twelve_points_or_the_frozen_ones():
    counts = np.array([[4.0] * 12 + [1.0] * 6])
    assert reduction_baseline(counts, None, points=np.array([12]))[0] == pytest.approx(4.0)
    assert reduction_baseline(counts, None, points=np.array([15]))[0] == pytest.approx(51 / 15)


def test_a_rate_baseline_pools_cases_over_exposure():
    cases = np.array([[2.0, 6.0, np.nan]])
    exposure = np.array([[1000.0, 1000.0, 1000.0]])
    level = reduction_baseline(cases, exposure, points=np.array([12]), multiply=1000.0)
    assert level[0] == pytest.approx(4.0)


def _halving(*values: float):
    """A halving goal from a baseline of 8 (target 4) judged on the given points."""
    return series_goal_table(HALVE, MONDAYS[None, :len(values)], np.array([values]),
                             np.array([4.0]), baseline=np.array([8.0])).status(0)


def test_halving_is_met_when_the_median_of_the_last_six_points_is_exactly_half_the_baseline():
    met = _halving(8, 8, 4, 4, 4, 3, 5, 5)  # last six 4 4 4 3 5 5: median 4.0
    assert (met.met, met.latest, met.progress) == (True, 4.0, pytest.approx(1.0))
    assert met.baseline == 8.0
    missed = _halving(8, 8, 4, 4, 4, 5, 5, 5)  # median 4.5
    assert (missed.met, missed.progress) == (False, pytest.approx(0.875))


def test_one_lucky_month_does_not_meet_a_reduction():
    assert _halving(8, 8, 8, 8, 8, 8, 8, 2).met is False


def test_one_high_month_after_a_sustained_reduction_does_not_undo_it():
    status = _halving(8, 8, 3, 3, 3, 3, 3, 3, 12)
    assert status.met is True
    assert status.met_since == MONDAYS[5].astype(object)  # the first window whose median is 3: 8 8 3 3 3 3


def test_a_reduction_with_fewer_than_six_points_has_nothing_to_judge_yet():
    assert _halving(8, 3, 3, 3, 3).met is None


def test_assurance_follows_the_target_against_the_latest_limits_on_the_good_side():
    def assured(target: float, upwards_goal: Goal = AT_LEAST_95) -> str | None:
        return series_goal_table(upwards_goal, MONDAYS[None, :2], np.array([[96.0, 97.0]]),
                                 np.array([target]), lcl=np.array([[80.0, 90.0]]),
                                 ucl=np.array([[99.0, 99.5]]), baseline=np.array([120.0])
                                 ).status(0).assurance

    assert assured(85.0) == "consistent_pass"  # target below the lower limit: will pass
    assert assured(99.9) == "consistent_fail"  # above the upper limit: will fail
    assert assured(95.0) == "inconsistent"  # inside: hit and miss
    assert assured(85.0, HALVE) == "consistent_fail"  # at most 85: the process runs above it
    assert assured(99.9, HALVE) == "consistent_pass"


def test_assurance_uses_the_latest_point_that_has_limits():
    status = _shares(96.0, 97.0, target=85.0, lcl=np.array([[90.0, np.nan]]),
                     ucl=np.array([[99.0, np.nan]]))
    assert status.assurance == "consistent_pass"


def test_a_run_chart_has_no_limits_and_so_no_assurance():
    assert _shares(96.0, target=85.0, lcl=np.array([[np.nan]]), ucl=np.array([[np.nan]])).assurance is None


def test_an_unknown_goal_kind_is_refused_with_its_name():
    with pytest.raises(InvalidOptionError, match="halve"):
        series_goal_table(Goal("halve", 0.5), MONDAYS[None, :1], np.array([[1.0]]), np.array([1.0]))


def test_a_days_between_goal_is_refused_as_a_series_goal():
    with pytest.raises(InvalidOptionError):
        series_goal_table(AT_LEAST_300_DAYS, MONDAYS[None, :1], np.array([[1.0]]), np.array([1.0]))


def test_a_chart_models_goal_status_reads_its_target_line_and_limits():
    weeks = pd.date_range("2026-01-05", periods=30, freq="W-MON").date
    series = pd.DataFrame({"date": weeks, "numerator": [18.0] * 10 + [20.0] * 20,
                           "denominator": [20.0] * 30, "value": np.nan})
    bundle = definition("tryksaar_bundt")
    model = indicator_chart(series, bundle, today=date(2026, 8, 2))
    status = chart_goal_status(model, bundle.goal, today=date(2026, 8, 2))
    assert (status.target, status.latest, status.met) == (95.0, 100.0, True)
    assert status.met_since == weeks[10]
    assert status.assurance == "inconsistent"  # the limits straddle 95 %


def test_a_goal_status_states_met_not_met_no_data_or_no_goal():
    assert (_days_since(300).state, _days_since(299).state, _days_since(None).state) == (
        "met", "not_met", "no_data")
    assert _shares(np.nan, target=np.nan).state == "no_goal"  # a reduction without a baseline


def test_a_goal_is_met_upwards_for_days_and_shares_and_downwards_for_a_reduction():
    reduced = _halving(5.0)
    assert (_days_since(300).upwards, _shares(96.0).upwards, reduced.upwards) == (True, True, False)


def test_sustained_level_is_the_median_of_the_latest_present_values_skipping_gaps():
    y = np.array([[1.0, 5.0, np.nan, 3.0, 9.0, 2.0, 7.0, np.nan, 4.0],
                  [1.0, 2.0, np.nan, np.nan, np.nan, np.nan, np.nan, 3.0, 4.0]])
    level = sustained_level(y, points=3)
    # Windows over the present values only: (1,5,3), (5,3,9), (3,9,2), (9,2,7), (2,7,4).
    assert np.array_equal(level[0], [np.nan, np.nan, np.nan, 3.0, 5.0, 3.0, 7.0, np.nan, 4.0],
                          equal_nan=True)
    # The second row reaches three present values only at its 8th point.
    assert np.array_equal(level[1], [np.nan] * 7 + [2.0, 3.0], equal_nan=True)


def _weekly_shares(numerators: list[float]) -> pd.DataFrame:
    weeks = pd.date_range("2026-01-05", periods=len(numerators), freq="W-MON").date
    return pd.DataFrame({"date": weeks, "numerator": numerators,
                         "denominator": [20.0] * len(numerators), "value": np.nan})


def _monthly_counts(counts: list[float]) -> pd.DataFrame:
    months = pd.date_range("2024-01-01", periods=len(counts), freq="MS").date
    return pd.DataFrame({"date": months, "numerator": counts, "denominator": np.nan,
                         "value": np.nan})


def test_charts_of_different_lengths_judged_together_are_judged_as_each_alone():
    bundle = definition("tryksaar_bundt")  # at least 95 %, weekly
    models = [indicator_chart(_weekly_shares(numerators), bundle, today=date(2026, 8, 2))
              for numerators in ([18.0] * 10 + [20.0] * 20, [20.0] * 5 + [17.0] * 3,
                                 [19.0, 20.0], [20.0] * 20 + [18.0], [])]
    assert chart_goal_statuses(models, bundle.goal) == [
        chart_goal_status(model, bundle.goal, today=date(2026, 8, 2)) for model in models]
    assert [status.met for status in chart_goal_statuses(models, bundle.goal)] == [
        True, False, True, False, None]


def test_reductions_judged_together_keep_each_charts_baseline_and_sustained_level():
    errors = definition("medicinfejl_pr_maaned")  # reduce by half, monthly counts
    today = date(2026, 11, 22)
    models = [indicator_chart(_monthly_counts(counts), errors, today=today)
              for counts in ([8.0] * 12 + [3.0] * 8, [6.0] * 12 + [5.0] * 20, [4.0] * 3)]
    statuses = chart_goal_statuses(models, errors.goal)
    assert statuses == [chart_goal_status(model, errors.goal, today=today) for model in models]
    assert statuses[0].met and statuses[0].baseline == 8.0 and statuses[1].met is False


def test_a_days_between_goal_is_not_judged_without_its_last_event():
    with pytest.raises(InvalidOptionError):
        chart_goal_statuses([], AT_LEAST_300_DAYS)
