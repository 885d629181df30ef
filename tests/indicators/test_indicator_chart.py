"""Charting a stored series the way Tavle charts it: measure, baselines, goal line."""

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import Goal, IndicatorDefinition
from indicators.engine import analyze
from indicators.indicator_chart import (
    chart_input_for,
    goal_target,
    indicator_chart,
    positions_from_dates,
)

TODAY = date(2026, 11, 22)


def spec(measure: str, *, period: str = "month", chart: str = "run", multiply: float = 1.0,
         improvement: str = "up", goal_kind: str | None = None,
         goal_value: float | None = None) -> IndicatorDefinition:
    goal = Goal(goal_kind, goal_value) if goal_kind else None
    return IndicatorDefinition("test", "test", "Test", "Test", "result", measure, improvement,
                               goal, chart, period, multiply=multiply)


def daily_entries(first: date, last: date, numerator, denominator=25.0) -> pd.DataFrame:
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    numerators = np.resize(np.asarray(numerator, dtype=float), len(days))
    return pd.DataFrame({"date": days, "numerator": numerators,
                         "denominator": float(denominator), "value": np.nan})


def test_events_become_days_between_with_the_open_interval_up_to_today():
    events = pd.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 11), date(2026, 3, 1)],
                           "note": [None, None, "efter ny madras"]})
    frame = chart_input_for(events, spec("events"), today=TODAY)
    assert frame["y"].tolist() == [10.0, 49.0, (TODAY - date(2026, 3, 1)).days]
    assert frame["censored"].tolist() == [False, False, True]


def test_daily_proportions_are_summed_per_iso_week():
    entries = daily_entries(date(2026, 11, 2), date(2026, 11, 15), [20, 25])
    frame = chart_input_for(entries, spec("proportion", period="week"), today=date(2026, 11, 15))
    assert frame["x"].tolist() == [pd.Timestamp("2026-11-02"), pd.Timestamp("2026-11-09")]
    assert frame["n"].tolist() == [175.0, 175.0]
    assert frame["y"].tolist() == [20 * 4 + 25 * 3, 25 * 4 + 20 * 3]


def test_freeze_date_covers_every_point_up_to_and_including_it():
    x = pd.date_range("2026-01-05", periods=20, freq="7D")
    freeze, parts = positions_from_dates(x, freeze_until=date(2026, 3, 30))
    assert freeze == int((x <= pd.Timestamp("2026-03-30")).sum()) == 13
    assert parts == []


def test_a_phase_starts_at_the_first_point_on_or_after_its_date():
    x = pd.date_range("2026-01-05", periods=20, freq="7D")
    _, parts = positions_from_dates(x, phase_starts=[date(2026, 3, 31), date(2026, 3, 30)])
    assert parts == [12, 13]


def test_baseline_dates_outside_the_series_are_ignored():
    x = pd.date_range("2026-01-05", periods=5, freq="7D")
    assert positions_from_dates(x, freeze_until=date(2027, 1, 1),
                                phase_starts=[date(2020, 1, 1)]) == (None, [])


def test_share_goal_is_drawn_on_the_per_cent_scale():
    indicator = spec("proportion", multiply=100, goal_kind="min_share", goal_value=0.95)
    assert goal_target(indicator, pd.DataFrame({"y": [1.0], "n": [2.0]}), freeze=None) == pytest.approx(95)


def test_reduction_goal_is_measured_from_the_first_twelve_points():
    frame = pd.DataFrame({"y": [10.0] * 12 + [1.0] * 5, "n": [1000.0] * 17})
    indicator = spec("rate", multiply=1000, goal_kind="reduce_by", goal_value=0.5)
    assert goal_target(indicator, frame, freeze=None) == pytest.approx(5.0)
    assert goal_target(indicator, frame, freeze=14) == pytest.approx((120 + 2) / 14 * 0.5)


def test_indicator_chart_applies_phase_goal_and_annotations():
    from indicators.chart_model import Annotation

    entries = daily_entries(date(2025, 1, 6), date(2026, 11, 15), [18, 19, 20, 21, 22])
    entries.loc[entries["date"] >= date(2026, 1, 1), "numerator"] = 24.0
    indicator = spec("proportion", period="week", chart="p", multiply=100,
                         improvement="up", goal_kind="min_share", goal_value=0.95)
    note = Annotation(date(2026, 1, 1), "Ny morgenrutine")
    model = indicator_chart(entries, indicator, today=date(2026, 11, 15),
                            phase_starts=[date(2026, 1, 1)], annotations=[note])
    assert model.chart == "p"
    assert sorted(model.points["part"].unique()) == [1, 2]
    assert model.target == pytest.approx(95)
    assert model.annotations == (note,)
    second = model.points[model.points["part"] == 2]
    assert second["cl"].iloc[0] == pytest.approx(96.0)


def test_override_of_the_chart_type_is_respected():
    entries = daily_entries(date(2026, 1, 5), date(2026, 11, 15), [20, 22, 24])
    indicator = spec("proportion", period="week", chart="p", multiply=100)
    assert indicator_chart(entries, indicator, today=TODAY, chart="run").chart == "run"


def test_an_indicator_without_data_gives_a_model_that_says_too_few_points():
    empty = daily_entries(date(2026, 1, 1), date(2026, 1, 1), [1]).iloc[:0]
    model = indicator_chart(empty, spec("proportion", period="week", chart="p",
                                                 multiply=100), today=TODAY)
    assert model.points.empty
    assert model.verdict.kind == "too_few"


def test_figures_entered_daily_are_charted_per_week_unless_asked_for_days():
    entries = daily_entries(date(2026, 11, 2), date(2026, 11, 15), [20, 25])
    daily = spec("proportion", period="day")
    assert len(chart_input_for(entries, daily, today=date(2026, 11, 15))) == 2
    assert len(chart_input_for(entries, daily, today=date(2026, 11, 15), period="day")) == 14


def _same_model(first, second) -> bool:
    """The two models hold the same points, bit for bit, and the same everything else."""
    pd.testing.assert_frame_equal(first.points, second.points, check_exact=True)
    return replace(first, points=None) == replace(second, points=None)


EVENTS = pd.DataFrame({"date": [date(2025, 1, 3) + timedelta(days=k * k % 97 + 9 * k)
                                for k in range(30)],
                       "note": [None if k % 4 else f"note {k}" for k in range(30)]})
SERIES_OF_EACH_KIND = [
    (EVENTS, spec("events", period="day", goal_kind="min_days_between", goal_value=30)),
    (daily_entries(date(2025, 1, 6), date(2026, 11, 15), [18, 19, 25, 21, 22]),
     spec("proportion", period="day", chart="p", multiply=100, goal_kind="min_share",
          goal_value=0.9)),
    (daily_entries(date(2025, 1, 1), date(2026, 10, 31), [3, 0, 1, 2], denominator=30),
     spec("rate", chart="u", multiply=1000, improvement="down", goal_kind="reduce_by",
          goal_value=0.2)),
    (daily_entries(date(2025, 1, 1), date(2026, 10, 31), [0, 0, 1]), spec("count", chart="c")),
    (daily_entries(date(2025, 1, 1), date(2026, 10, 31), [4, 7]).assign(
        value=lambda frame: frame["numerator"] * 1.5), spec("measurement", chart="i")),
    (daily_entries(date(2026, 1, 1), date(2026, 1, 1), [1]).iloc[:0],
     spec("proportion", period="week", chart="p", multiply=100)),
]


@pytest.mark.parametrize("series, indicator", SERIES_OF_EACH_KIND)
@pytest.mark.parametrize("baseline", [{}, {"freeze_until": date(2025, 9, 1)},
                                      {"phase_starts": [date(2026, 2, 1)], "start": date(2025, 3, 1)},
                                      {"phase_starts": [date(2026, 2, 1)], "freeze_until": date(2025, 9, 1)}])
def test_indicator_chart_gives_what_analysing_its_chart_input_gives(series, indicator, baseline):
    start = baseline.get("start")
    frame = chart_input_for(series, indicator, today=TODAY, start=start)
    freeze, parts = positions_from_dates(frame["x"], freeze_until=baseline.get("freeze_until"),
                                         phase_starts=baseline.get("phase_starts", ()))
    expected = analyze(frame, chart=indicator.chart, freeze=freeze, part=parts or None,
                       target=goal_target(indicator, frame, freeze=freeze),
                       multiply=indicator.multiply, improvement=indicator.improvement,
                       measure=indicator.measure, exact_binomial=True, open_interval=True)
    assert _same_model(indicator_chart(series, indicator, today=TODAY, **baseline), expected)


def test_a_saved_skift_is_charted_even_while_a_frozen_baseline_exists():
    entries = daily_entries(date(2025, 1, 6), date(2026, 11, 15), [18, 19, 20, 21, 22])
    indicator = spec("rate", chart="u", multiply=1000, improvement="down",
                     goal_kind="reduce_by", goal_value=0.5)
    both = indicator_chart(entries, indicator, today=date(2026, 11, 15), freeze_until=date(2025, 6, 30),
                           phase_starts=[date(2026, 1, 1)])
    frozen = indicator_chart(entries, indicator, today=date(2026, 11, 15), freeze_until=date(2025, 6, 30))
    assert sorted(both.points["part"].unique()) == [1, 2]
    assert both.target == pytest.approx(frozen.target)  # the frozen period stays the goal's baseline
