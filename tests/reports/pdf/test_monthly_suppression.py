"""Small numbers in shared reports: counts of 1–4 hidden, at the threshold and either side."""

import math

import numpy as np
import pandas as pd
import pytest

from indicators import analyze
from reports.content.suppression import (
    SMALL_COUNT_TEXT,
    counted_columns,
    hidden_points,
    is_small_count,
    small_counts,
    suppressed_model,
)


@pytest.mark.parametrize(("count", "small"), [(0, False), (1, True), (4, True), (5, False),
                                              (4.0, True), (5.0, False), (None, False),
                                              (math.nan, False)])
def test_counts_of_one_to_four_are_small_and_zero_and_five_are_not(count, small):
    assert is_small_count(count) is small


def test_small_counts_marks_each_element_alike():
    assert small_counts(pd.Series([0, 1, 4, 5, np.nan])).tolist() == [False, True, True, False, False]


def test_the_printed_replacement_is_less_than_five():
    assert SMALL_COUNT_TEXT == "<5"


def points(numerators, denominators) -> pd.DataFrame:
    return pd.DataFrame({"numerator": numerators, "n": denominators})


def test_a_share_is_hidden_when_its_numerator_or_its_denominator_is_small():
    frame = points([0, 1, 4, 5, 3, 0, 5], [10, 10, 10, 10, 30, 4, 5])
    assert hidden_points(frame, "proportion").tolist() == [False, True, True, False, True, True,
                                                           False]


def test_a_rate_is_hidden_by_its_cases_not_by_its_exposure_in_days():
    frame = points([0, 2, 7], [3.0, 900.0, 4.0])
    assert hidden_points(frame, "rate").tolist() == [False, True, False]


def test_counts_are_hidden_from_one_to_four():
    frame = points([0, 1, 4, 5], [np.nan] * 4)
    assert hidden_points(frame, "count").tolist() == [False, True, True, False]


@pytest.mark.parametrize("measure", ["events", "measurement"])
def test_days_between_events_and_measurements_are_never_hidden(measure):
    frame = points([1, 2, 3], [1, 2, 3])
    assert counted_columns(measure) == ()
    assert not hidden_points(frame, measure).any()


def test_an_unknown_measure_is_refused_by_name():
    with pytest.raises(ValueError, match="weight"):
        counted_columns("weight")


def share_chart():
    numerators = [9, 3, 10, 12, 0, 11, 9, 4, 12, 10, 11, 9]
    frame = pd.DataFrame({"x": pd.date_range("2026-01-05", periods=12, freq="W-MON"),
                          "y": numerators, "n": [12] * 12})
    return analyze(frame, chart="p", multiply=100)


def test_a_suppressed_chart_leaves_out_the_hidden_points_and_keeps_its_lines_and_verdict():
    model = share_chart()
    shown, hidden = suppressed_model(model, "proportion")
    assert hidden == 2  # 3 and 4 of 12; 0 of 12 is shown
    assert shown.points["y"].isna().tolist() == [False, True] + [False] * 5 + [True] + [False] * 4
    for column in ("cl", "ucl", "lcl", "signal"):
        assert shown.points[column].equals(model.points[column])
    assert shown.verdict == model.verdict
    assert not model.points["y"].isna().any()  # the team's own model is untouched


def test_a_chart_without_small_counts_is_returned_as_it_is():
    model = share_chart()
    frame = model.points.copy()
    frame["numerator"] = frame["numerator"].clip(lower=5)
    unchanged = model.__class__(**{**model.__dict__, "points": frame})
    shown, hidden = suppressed_model(unchanged, "proportion")
    assert hidden == 0 and shown is unchanged
