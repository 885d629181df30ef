"""IHI run-chart rules: shift, trend, runs table (Perla, Provost & Murray 2011)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import analyze
from indicators.rules_ihi import runs_limits, trend_findings

REFERENCE = Path(__file__).parent / "reference"


@pytest.mark.parametrize("row", pd.read_csv(REFERENCE / "swed_eisenhart.csv").to_dict("records"))
def test_runs_limits_equal_the_five_per_cent_per_tail_convention(row):
    assert runs_limits(row["n_useful"]) == (row["too_few_if_runs_le_5pct"], row["too_many_if_runs_ge_5pct"])


def test_runs_limits_for_20_useful_points_are_the_published_6_and_16():
    # Perla et al. (2011) Table 1 lists 6 and 16 for 20 points not on the median; the
    # 2.5 %-per-tail acceptable range would be 7 to 15 (see docs/methods.md).
    assert runs_limits(20) == (6, 16)


def test_runs_table_starts_at_ten_useful_points():
    assert runs_limits(9) is None
    assert runs_limits(10) == (3, 9)


def _ihi(values, **options):
    return analyze(pd.DataFrame({"y": values}), rules="ihi", **options)


def _fired(model):
    return model.phases[-1].rules_fired


def test_six_points_on_one_side_are_a_shift_and_five_are_not():
    calm = [1, 3] * 6
    assert "shift" not in _fired(_ihi([3, 1, 3, 1] + [3] * 5 + calm[:9], cl=2))
    model = _ihi([3, 1, 3, 1] + [3] * 6 + calm[:8], cl=2)
    assert "shift" in _fired(model)
    assert model.points["signal"].tolist()[4:10] == [True] * 6


def test_points_on_the_median_neither_make_nor_break_a_shift():
    # The 2s sit on the centre line. Six 3s separated by such points still make a shift.
    values = [1, 3, 1, 3, 3, 2, 3, 3, 2, 3, 3, 1, 3, 1, 1, 3, 1, 1]
    model = _ihi(values, cl=2)
    assert "shift" in _fired(model)
    assert not model.points["signal"].iloc[5]


@pytest.mark.parametrize(("length", "signal"), [(4, False), (5, True), (6, True)])
def test_trend_needs_five_points_going_one_way(length, signal):
    y = np.array([5.0, 20.0] + list(range(10, 10 + length)) + [1.0, 5.0], dtype=float)
    findings = trend_findings(y, np.ones(len(y), dtype=bool), 5, 0)
    assert bool(findings) is signal


def test_equal_neighbours_neither_make_nor_break_a_trend():
    y = np.array([9.0, 1.0, 2.0, 2.0, 3.0, 4.0, 1.0], dtype=float)  # 1, 2, (2), 3, 4: four counted
    assert trend_findings(y, np.ones(len(y), dtype=bool), 5, 0) == []
    y = np.array([9.0, 1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 1.0], dtype=float)  # five counted, tie inside
    (finding,) = trend_findings(y, np.ones(len(y), dtype=bool), 5, 0)
    assert finding.figure == 5
    assert finding.direction == 1
    assert finding.points.tolist() == [1, 2, 3, 4, 5, 6]


def test_too_few_runs_signal_at_the_table_value_and_not_above_it():
    # 20 useful points: 6 runs or fewer is too few (runs of 4, 3, 3, 3, 3, 4 points).
    six_runs = [3] * 4 + [1] * 3 + [3] * 3 + [1] * 3 + [3] * 3 + [1] * 4
    seven_runs = [3] * 3 + [1] * 3 + [3] * 3 + [1] * 3 + [3] * 3 + [1] * 3 + [3, 1]
    assert "too_few_runs" in _fired(_ihi(six_runs))
    assert "too_few_runs" not in _fired(_ihi(seven_runs))


def test_too_many_runs_signal_at_the_table_value():
    alternating = [3, 1] * 10  # 20 runs among 20 useful points: 16 or more is too many
    model = _ihi(alternating)
    assert "too_many_runs" in _fired(model)
    assert model.verdict.rule == "too_many_runs"
    assert model.phases[-1].runs_max == 16


def test_astronomical_point_is_a_point_outside_the_control_limits():
    values = [10, 11, 9, 10, 12, 10, 9, 11, 10, 30, 10, 11, 9, 10, 11, 10]
    model = _ihi(values, chart="i")
    assert "sigma" in _fired(model)
    assert model.points["signal"].iloc[9]


def test_analyze_with_ihi_rules_signals_a_trend_of_exactly_five_points_and_not_of_four():
    # Around a centre of 10, with no shift and under the ten points the runs table needs:
    # 6, 8, 12, 14, 16 rise five points in a row; 8, 12, 14, 16 only four.
    five = _ihi([15, 5, 15, 6, 8, 12, 14, 16, 5], cl=10)
    assert _fired(five) == ("trend",)
    assert five.points["signal"].tolist() == [False] * 3 + [True] * 5 + [False]
    four = _ihi([15, 5, 15, 8, 12, 14, 16, 5], cl=10)
    assert _fired(four) == ()
    assert not four.points["signal"].any()
