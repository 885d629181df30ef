"""The batch analysis agrees, series by series, with the single-series engine."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import InvalidDataError, InvalidOptionError, analyze, analyze_batch

GENERATOR = np.random.default_rng(47)
SERIES, POINTS = 40, 30


def _with_gaps(values: np.ndarray) -> np.ndarray:
    values = values.astype(float)
    values[GENERATOR.random(values.shape) < 0.08] = np.nan
    values[3, :] = np.nan  # a series with no values at all
    return values


def _single(chart, row, values, denominators, freeze):
    frame = pd.DataFrame({"y": values[row]})
    if denominators is not None:
        frame["n"] = denominators[row]
    return analyze(frame, chart=chart, freeze=freeze, multiply=100 if chart == "p" else 1)


def _compare(chart, values, denominators=None, freeze=None):
    batch = analyze_batch(values, denominators, chart=chart, freeze=freeze, multiply=100 if chart == "p" else 1)
    for row in range(len(values)):
        model = _single(chart, row, values, denominators, freeze)
        points, phase = model.points, model.phases[0]
        np.testing.assert_allclose(batch.y[row], points["y"], rtol=1e-12)
        np.testing.assert_allclose(batch.centre_line[row], points["cl"].iloc[0], rtol=1e-12)
        np.testing.assert_allclose(batch.lcl[row], points["lcl"], rtol=1e-12)
        np.testing.assert_allclose(batch.ucl[row], points["ucl"], rtol=1e-12)
        assert batch.n_useful[row] == phase.n_useful
        assert batch.longest_run[row] == (phase.longest_run or 0)
        assert batch.longest_run_max[row] == (phase.longest_run_max or 0)
        assert batch.n_crossings[row] == (phase.n_crossings or 0)
        assert batch.n_crossings_min[row] == (phase.n_crossings_min or 0)
        assert batch.runs_signal[row] == phase.runs_signal
        assert batch.sigma_signal[row].tolist() == points["sigma_signal"].tolist()


@pytest.mark.parametrize("freeze", [None, 20])
def test_run_charts_match_the_engine(freeze):
    values = _with_gaps(GENERATOR.integers(0, 8, size=(SERIES, POINTS)) + np.arange(POINTS) * 0.1)
    _compare("run", values, freeze=freeze)


@pytest.mark.parametrize("freeze", [None, 20])
def test_i_charts_match_the_engine(freeze):
    values = _with_gaps(GENERATOR.normal(50, 5, size=(SERIES, POINTS)).round(1))
    values[5, 10] = 120  # a moving range the screening drops
    _compare("i", values, freeze=freeze)


@pytest.mark.parametrize("chart", ["p", "u"])
def test_proportion_and_rate_charts_match_the_engine(chart):
    denominators = GENERATOR.integers(5, 40, size=(SERIES, POINTS)).astype(float)
    values = _with_gaps(GENERATOR.binomial(denominators.astype(int), 0.7).astype(float))
    _compare(chart, values, denominators)


def test_c_charts_match_the_engine():
    _compare("c", _with_gaps(GENERATOR.poisson(3, size=(SERIES, POINTS))))


def test_stable_series_have_neither_runs_nor_sigma_signals():
    values = np.vstack([np.tile([1.0, 2.0], 12), np.r_[np.ones(12), np.full(12, 9.0)]])
    result = analyze_batch(values, chart="run")
    assert result.stable.tolist() == [True, False]


def test_batch_refuses_charts_it_does_not_vectorise():
    with pytest.raises(InvalidOptionError, match="xbar"):
        analyze_batch(np.ones((2, 5)), chart="xbar")


def test_batch_p_chart_needs_denominators():
    with pytest.raises(InvalidDataError):
        analyze_batch(np.ones((2, 5)), chart="p")
