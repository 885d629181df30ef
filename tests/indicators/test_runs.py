"""Anhøj runs analysis: limits from the reference table, rules at their thresholds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.runs import (
    binomial_quantile,
    crossings_limit,
    longest_run_limit,
    row_run_lengths,
    runs_analysis,
)

REFERENCE = Path(__file__).parent / "reference"


def _runs(values, centre=0.0):
    y = np.asarray(values, dtype=float)
    return runs_analysis(y, np.full(len(y), centre), np.ones(len(y), dtype=bool))


@pytest.mark.parametrize("row", pd.read_csv(REFERENCE / "anhoej_limits.csv").to_dict("records"))
def test_limits_equal_the_reference_table_for_1_to_200_useful_points(row):
    assert longest_run_limit(row["n_useful"]) == row["longest_run_max"]
    assert crossings_limit(row["n_useful"]) == row["crossings_min"]


def test_binomial_quantile_is_the_least_count_reaching_the_probability():
    # P(X <= 7 | 23, 0.5) = 0.0466 < 0.05 <= P(X <= 8) = 0.105: R's qbinom(0.05, 23, 0.5) is 8.
    assert binomial_quantile(0.05, 23) == 8
    assert binomial_quantile(0.05, 0) == 0


def test_point_on_median_neither_breaks_nor_extends_a_run():
    result = _runs([1, 1, 0, 1, -1])
    assert result.n_useful == 4
    assert result.longest_run == 3
    assert result.n_crossings == 1
    assert result.side.tolist() == [1, 1, 0, 1, -1]
    assert result.run_length.tolist() == [3, 3, 0, 3, 1]


def test_missing_and_excluded_points_are_not_useful_observations():
    y = np.array([1, np.nan, 1, -1, 1])
    include = np.array([True, True, True, False, True])
    result = runs_analysis(y, np.zeros(5), include)
    assert result.n_obs == 4
    assert result.n_useful == 3
    assert result.longest_run == 3
    assert result.n_crossings == 0


def test_all_points_on_the_median_give_no_figures_and_no_signal():
    result = _runs([2, 2, 2, 2], centre=2)
    assert (result.n_useful, result.longest_run, result.n_crossings, result.runs_signal) == (0, None, None, False)


def test_empty_series_gives_no_figures_and_no_signal():
    result = _runs([])
    assert (result.n_obs, result.n_useful, result.runs_signal) == (0, 0, False)


def _alternating(count):
    return [1 if i % 2 == 0 else -1 for i in range(count)]


@pytest.mark.parametrize(("run_length", "signal"), [(7, False), (8, False), (9, True)])
def test_longest_run_signals_only_above_its_limit(run_length, signal):
    # 24 useful points: limit round(log2(24)) + 3 = 8; the rest alternate (plenty of crossings).
    values = [1] * run_length + _alternating(24 - run_length)
    values[run_length] = -1
    result = _runs(values)
    assert result.longest_run_max == 8
    assert result.longest_run == run_length
    assert result.runs_signal is signal


@pytest.mark.parametrize(("crossings", "signal"), [(7, True), (8, False), (9, False)])
def test_crossings_signal_only_below_their_limit(crossings, signal):
    # 24 useful points: at least 8 crossings expected. Runs of at most 8 points keep the
    # longest-run rule quiet while the number of crossings is set.
    lengths = [24 // (crossings + 1)] * (crossings + 1)
    lengths[-1] += 24 - sum(lengths)
    values = [side for index, length in enumerate(lengths) for side in [1 if index % 2 == 0 else -1] * length]
    result = _runs(values)
    assert result.n_crossings_min == 8
    assert result.n_crossings == crossings
    assert result.longest_run <= 8
    assert result.runs_signal is signal


def test_row_run_lengths_of_many_rows_equal_each_rows_runs_analysis():
    rng = np.random.default_rng(17)
    y = rng.integers(0, 5, size=(40, 30)).astype(float)
    y[rng.random(y.shape) < 0.2] = np.nan
    centre = np.full(30, 2.0)  # points on it, missing points: neither break nor extend a run
    side = np.stack([runs_analysis(row, centre, np.ones(30, dtype=bool)).side for row in y])
    lengths = row_run_lengths(side)
    for row, values in enumerate(y):
        assert lengths[row].tolist() == runs_analysis(values, centre, np.ones(30, dtype=bool)).run_length.tolist()
