"""The open interval since the last rare event: its limit, when it signals, and that few gaps never hide it."""

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import CATALOGUE
from indicators.engine import analyze
from indicators.indicator_chart import indicator_chart
from indicators.open_interval import (
    OPEN_INTERVAL_MEANS,
    open_interval_findings,
    open_interval_limit,
)
from indicators.overview_matrix import overview_matrix

ULCER_DAYS = next(indicator for indicator in CATALOGUE if indicator.code == "tryksaar_dage_mellem")
FIRST = date(2025, 1, 1)


def events_every(days: int, count: int) -> list[date]:
    return [FIRST + timedelta(days=days * k) for k in range(count)]


def test_the_limit_is_the_mean_closed_interval_times_ln_one_over_the_three_sigma_tail():
    assert OPEN_INTERVAL_MEANS == pytest.approx(math.log(1 / 0.0013498980316301))
    assert open_interval_limit(np.array([10.0, 20.0, 30.0, np.nan])) == pytest.approx(20 * OPEN_INTERVAL_MEANS)
    assert open_interval_limit(np.array([np.nan])) is None


@pytest.mark.parametrize(("open_days", "signals"), [(133, True), (132, False)])
def test_the_open_interval_signals_just_beyond_its_limit(open_days, signals):
    # Mean 20: the limit is 132.2 days.
    y = np.array([20.0] * 8 + [open_days])
    censored = np.array([False] * 8 + [True])
    found = open_interval_findings(y, censored, ~censored, offset=0)
    assert bool(found) is signals


def test_an_open_interval_beyond_the_limit_but_not_beyond_an_earlier_pause_does_not_signal():
    y = np.array([1.0] * 20 + [40.0, 39.0])  # mean 2.8: limit 18.6; 39 is beyond it but not beyond 40
    censored = np.array([False] * 21 + [True])
    assert not open_interval_findings(y, censored, ~censored, offset=0)
    y[-1] = 41.0
    assert open_interval_findings(y, censored, ~censored, offset=0)


@pytest.mark.parametrize("gaps", [19, 8, 3])
def test_the_board_calls_400_days_after_gaps_of_20_an_improvement_however_few_the_gaps(gaps):
    events = events_every(20, gaps + 1)
    model = indicator_chart(pd.DataFrame({"date": events}), ULCER_DAYS, today=events[-1] + timedelta(days=400))
    assert model.verdict.kind == "improvement" and model.verdict.rule == "open_interval"
    assert model.verdict.da.startswith("Allerede 400 dage siden sidste hændelse — længere end nogen tidligere pause")


def test_a_short_open_interval_with_few_gaps_is_still_too_few_points():
    events = events_every(20, 9)
    model = indicator_chart(pd.DataFrame({"date": events}), ULCER_DAYS, today=events[-1] + timedelta(days=30))
    assert model.verdict.kind == "too_few"


def test_analyze_judges_no_open_interval_on_a_run_chart_unless_asked():
    frame = pd.DataFrame({"y": [20.0] * 8 + [400.0], "censored": [False] * 8 + [True]})
    assert analyze(frame).verdict.kind == "too_few"
    assert analyze(frame, open_interval=True, improvement="up").verdict.kind == "improvement"


def test_the_overview_cell_gives_the_open_interval_verdict_of_the_board():
    today = FIRST + timedelta(days=160 + 400)
    rows = [("a", ULCER_DAYS.code, day) for day in events_every(20, 9)]
    rows += [("b", ULCER_DAYS.code, day) for day in events_every(20, 9)]
    rows += [("b", ULCER_DAYS.code, today - timedelta(days=10))]
    events = pd.DataFrame(rows, columns=["unit", "indicator", "date"])
    entries = pd.DataFrame(columns=["unit", "indicator", "date", "numerator", "denominator", "value"])
    matrix = overview_matrix(entries, events, [ULCER_DAYS], ["a", "b"], today=today)
    assert (matrix.cell("a", ULCER_DAYS.code).verdict, matrix.cell("a", ULCER_DAYS.code).rule) == (
        "improvement", "open_interval")
    assert matrix.cell("b", ULCER_DAYS.code).rule != "open_interval"
