"""The overview matrix judges every cell exactly as the cell's own chart does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import Goal, definition
from indicators.goals import chart_goal_status
from indicators.indicator_chart import indicator_chart
from indicators.overview_matrix import CELL_COLUMNS, overview_matrix

TODAY = date(2026, 11, 22)
START = TODAY - timedelta(days=729)
GENERATOR = np.random.default_rng(2013)

WEEKLY_SHARE = definition("tryksaar_bundt")  # p chart per week, goal at least 95 %
DAILY_SHARE = definition("triage_dagligt")  # entered daily, charted per week
MONTHLY_RATE = definition("fald_pr_1000_sengedage")  # u chart per month, reduce by 50 %
MONTHLY_COUNT = definition("medicinfejl_pr_maaned")  # c chart per month, reduce by 50 %
DAYS_BETWEEN = definition("tryksaar_dage_mellem")  # run chart of days between, at least 300
# Charts the batch does not draw are judged one cell at a time: a G chart of the same events.
G_CHART = replace(DAYS_BETWEEN, code="tryksaar_g", chart="g")
RUN_SHARE = replace(WEEKLY_SHARE, code="bundt_run", chart="run", goal=None)
INDICATORS = (WEEKLY_SHARE, DAILY_SHARE, MONTHLY_RATE, MONTHLY_COUNT, DAYS_BETWEEN, G_CHART,
              RUN_SHARE)
UNITS = tuple(f"enhed-{number}" for number in range(9))


def _shares(unit: int, code: str, days: list[date]) -> list[tuple]:
    """A share that starts low and improves at a unit-specific point (or never)."""
    change = len(days) * (0.2 + 0.1 * unit) if unit % 3 else len(days) * 2
    rows = []
    for k, day in enumerate(days):
        level = 0.97 if k > change else 0.8
        size = int(GENERATOR.integers(3, 30))
        rows.append((UNITS[unit], code, day, float(GENERATOR.binomial(size, level)), float(size), np.nan))
    return rows


def _long_form() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    entries, events, baselines = [], [], []
    all_days = [START + timedelta(days=k) for k in range(730)]
    months = sorted({day.replace(day=1) for day in all_days if day.replace(day=1) >= START})
    for unit in range(len(UNITS)):
        if unit == 8:
            continue  # a unit that records nothing
        # Units start recording at different times; some skip weeks.
        first = int(GENERATOR.integers(0, 200))
        weeks = [day for day in all_days[first:] if day.weekday() == 0 and GENERATOR.random() > 0.1]
        entries += _shares(unit, WEEKLY_SHARE.code, weeks)
        entries += _shares(unit, RUN_SHARE.code, weeks)
        entries += _shares(unit, DAILY_SHARE.code, all_days[first::2])
        for k, month in enumerate(months):
            exposure = float(GENERATOR.integers(900, 1200))
            level = 9.0 if k < 12 + unit else 4.0
            entries.append((UNITS[unit], MONTHLY_RATE.code, month,
                            float(GENERATOR.poisson(level * exposure / 1000)), exposure, np.nan))
            entries.append((UNITS[unit], MONTHLY_COUNT.code, month,
                            float(GENERATOR.poisson(1.5 if k < 14 else 0.4)), np.nan, np.nan))
        day, mean_gap = START, 15.0 + 20 * unit
        while True:
            day += timedelta(days=max(1, int(GENERATOR.exponential(mean_gap))))
            if day > TODAY - timedelta(days=unit * 40):  # the last event lies 0 … 280 days back
                break
            for code in (DAYS_BETWEEN.code, G_CHART.code):
                events.append((UNITS[unit], code, day))
        if unit in (2, 5):
            baselines.append((UNITS[unit], MONTHLY_RATE.code, "new_phase", START + timedelta(days=400)))
            baselines.append((UNITS[unit], WEEKLY_SHARE.code, "new_phase", START + timedelta(days=300)))
            baselines.append((UNITS[unit], DAYS_BETWEEN.code, "new_phase", START + timedelta(days=200)))
        if unit in (3, 5):
            baselines.append((UNITS[unit], MONTHLY_COUNT.code, "freeze", START + timedelta(days=180)))
            baselines.append((UNITS[unit], WEEKLY_SHARE.code, "freeze", START + timedelta(days=250)))
            baselines.append((UNITS[unit], G_CHART.code, "freeze", START + timedelta(days=250)))
        if unit == 5:  # a Skift and a freeze together: the phase is charted, the freeze is the goal's baseline
            baselines.append((UNITS[unit], MONTHLY_RATE.code, "freeze", START + timedelta(days=300)))
    return (pd.DataFrame(entries, columns=["unit", "indicator", "date", "numerator", "denominator",
                                           "value"]),
            pd.DataFrame(events, columns=["unit", "indicator", "date"]),
            pd.DataFrame(baselines, columns=["unit", "indicator", "kind", "date"]))


ENTRIES, EVENTS, BASELINES = _long_form()
MATRIX = overview_matrix(ENTRIES, EVENTS, INDICATORS, UNITS, today=TODAY, baselines=BASELINES)


def _chart(unit: str, indicator):
    """The cell's own chart, built the way the board builds it."""
    events = indicator.measure == "events"
    source = EVENTS if events else ENTRIES
    mine = source[(source["unit"] == unit) & (source["indicator"] == indicator.code)]
    series = (mine[["date"]] if events else mine[["date", "numerator", "denominator", "value"]])
    saved = BASELINES[(BASELINES["unit"] == unit) & (BASELINES["indicator"] == indicator.code)]
    freezes = saved[saved["kind"] == "freeze"]["date"].tolist()
    phases = saved[saved["kind"] == "new_phase"]["date"].tolist()
    model = indicator_chart(series.reset_index(drop=True), indicator, today=TODAY,
                            freeze_until=freezes[-1] if freezes else None, phase_starts=phases)
    last_event = max(series["date"]) if events and len(series) else None
    return model, last_event


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda indicator: indicator.code)
def test_every_cell_carries_the_verdict_latest_value_and_goal_of_its_own_chart(indicator):
    for unit in UNITS:
        cell = MATRIX.cell(unit, indicator.code)
        model, last_event = _chart(unit, indicator)
        assert (cell.verdict, cell.rule) == (model.verdict.kind, model.verdict.rule), unit
        counted = model.points[~model.points["censored"].astype(bool)]
        if indicator.measure == "events":
            expected = None if last_event is None else (TODAY - last_event).days
            assert cell.latest == expected == cell.days_since_event
        else:
            values = counted["y"].dropna()
            assert cell.latest == (pytest.approx(values.iloc[-1], rel=1e-12) if len(values) else None)
        if indicator.goal is not None:
            assert cell.goal == chart_goal_status(model, indicator.goal, today=TODAY,
                                                  last_event=last_event), unit


def test_the_constructed_data_shows_every_kind_of_verdict():
    shown = set(MATRIX.verdict[MATRIX.assigned])
    assert {"improvement", "deterioration", "no_signal", "too_few"} <= shown


def test_a_unit_that_records_nothing_has_too_few_points_and_no_latest_value():
    cell = MATRIX.cell("enhed-8", WEEKLY_SHARE.code)
    assert (cell.verdict, cell.latest, cell.useful_points) == ("too_few", None, 0)
    assert cell.goal.met is None


def test_cells_of_indicators_a_unit_does_not_use_are_empty_and_left_out_of_the_frame():
    assigned = pd.DataFrame({"unit": ["enhed-1", "enhed-1", "enhed-2"],
                             "indicator": [WEEKLY_SHARE.code, DAYS_BETWEEN.code, MONTHLY_RATE.code]})
    matrix = overview_matrix(ENTRIES, EVENTS, INDICATORS, UNITS, today=TODAY, assigned=assigned)
    assert matrix.cell("enhed-1", MONTHLY_RATE.code) is None
    assert matrix.cell("enhed-2", MONTHLY_RATE.code) == MATRIX.cell("enhed-2", MONTHLY_RATE.code) or (
        matrix.cell("enhed-2", MONTHLY_RATE.code).latest == MATRIX.cell("enhed-2", MONTHLY_RATE.code).latest)
    frame = matrix.frame()
    assert list(frame.columns) == list(CELL_COLUMNS)
    assert list(zip(frame["unit"], frame["indicator"], strict=True)) == [
        ("enhed-1", WEEKLY_SHARE.code), ("enhed-1", DAYS_BETWEEN.code), ("enhed-2", MONTHLY_RATE.code)]


def test_the_frame_holds_the_same_figures_as_the_cells():
    frame = MATRIX.frame().set_index(["unit", "indicator"])
    cell = MATRIX.cell("enhed-4", MONTHLY_RATE.code)
    row = frame.loc[("enhed-4", MONTHLY_RATE.code)]
    assert (row["verdict"], row["latest"]) == (cell.verdict, cell.latest)
    assert row["goal_met"] == (-1 if cell.goal.met is None else int(cell.goal.met))
    assert row["goal_target"] == pytest.approx(cell.goal.target)


def test_an_event_today_counts_zero_days_since_and_no_open_interval():
    events = pd.DataFrame({"unit": ["a"] * 3, "indicator": [DAYS_BETWEEN.code] * 3,
                           "date": [TODAY - timedelta(days=30), TODAY - timedelta(days=10), TODAY]})
    matrix = overview_matrix(ENTRIES.iloc[:0], events, (DAYS_BETWEEN,), ("a",), today=TODAY)
    cell = matrix.cell("a", DAYS_BETWEEN.code)
    assert (cell.days_since_event, cell.latest_period, cell.goal.met) == (0, TODAY, False)


def test_a_goal_of_another_kind_on_an_indicator_is_judged_by_its_own_rule():
    at_least_ninety = replace(WEEKLY_SHARE, goal=Goal("min_share", 0.9))
    matrix = overview_matrix(ENTRIES, EVENTS, (at_least_ninety,), UNITS, today=TODAY)
    for unit in UNITS[:4]:
        model, _ = _chart(unit, at_least_ninety)
        assert matrix.cell(unit, at_least_ninety.code).goal == chart_goal_status(
            model, at_least_ninety.goal, today=TODAY)
