"""From one indicator's recorded series to its chart model, the way Tavle charts it.

The board, the analysis page, the reports and the overview all chart a stored
series the same way: build the chart input from the measure (days between events,
or proportions, rates, counts and measurements per period), turn saved baseline
dates into 1-based positions, draw the goal as the target line, and analyse.
Having one function for that keeps screen, paper and overview in agreement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from indicators.catalogue import IndicatorDefinition
from indicators.chart_input import dated_input
from indicators.chart_model import Annotation, ChartModel
from indicators.engine import analyze_input
from indicators.errors import InvalidOptionError
from indicators.options import make_options
from indicators.series_entries import ChartColumn, entry_columns
from indicators.series_events import days_between_columns

# Goals that reduce a rate are measured from the baseline: the frozen period, or
# else the first twelve points (the programme's usual first year of months).
REDUCTION_BASELINE_POINTS = 12
# Figures entered every day are charted per ISO week: a day's handful of citizens
# makes a noisy point, and two years of days are too many points for a board.
CHART_PERIOD = {"day": "week", "week": "week", "month": "month"}


def chart_input_for(series: pd.DataFrame, indicator: IndicatorDefinition, *, today: date,
                    start: date | None = None, period: str | None = None) -> pd.DataFrame:
    """Return the engine's input (x, y, n, notes, censored) for a stored series.

    period overrides the indicator's chart period (see CHART_PERIOD).
    """
    columns = _chart_columns(series, indicator, today=today, start=start, period=period)
    if "notes" in columns:  # object, so a missing note stays None (not a string column)
        columns["notes"] = pd.Series(columns["notes"], dtype=object)
    return pd.DataFrame(columns)


def _chart_columns(series: pd.DataFrame, indicator: IndicatorDefinition, *, today: date,
                   start: date | None, period: str | None) -> dict[str, ChartColumn]:
    """chart_input_for as its columns: indicator_chart analyses them without a frame."""
    if indicator.measure == "events":
        columns: dict[str, ChartColumn] = days_between_columns(series, today=today)
    else:
        columns = entry_columns(series, measure=indicator.measure,
                                period=period or CHART_PERIOD[indicator.period],
                                start=start, end=today)
    if start is not None and len(columns["x"]):
        kept = np.asarray(columns["x"]) >= pd.Timestamp(start).to_datetime64()
        columns = {name: values[kept] for name, values in columns.items()}
    return columns


def positions_from_dates(x: pd.Series | Sequence, *, freeze_until: date | None = None,
                         phase_starts: Iterable[date] = ()) -> tuple[int | None, list[int]]:
    """Turn a freeze date and phase start dates into qicharts2's 1-based positions.

    The freeze covers every point up to and including freeze_until; a phase that
    starts on a date begins after the last point before that date.
    """
    stamps = x.to_numpy() if isinstance(x, (pd.Series, pd.Index)) else np.asarray(x)
    if stamps.dtype.kind != "M":
        stamps = pd.to_datetime(pd.Series(list(x))).to_numpy()
    freeze = None
    if freeze_until is not None:
        covered = int(np.count_nonzero(stamps <= pd.Timestamp(freeze_until).to_datetime64()))
        freeze = covered if 0 < covered < len(stamps) else None
    parts = sorted({int(np.count_nonzero(stamps < pd.Timestamp(day).to_datetime64()))
                    for day in phase_starts})
    parts = [position for position in parts if 0 < position < len(stamps)]
    return freeze, parts


def goal_target(indicator: IndicatorDefinition, chart_input: pd.DataFrame, *,
                freeze: int | None) -> float | None:
    """Return the goal as a value on the chart's own scale, or None without a goal."""
    return _goal_target(indicator, chart_input["y"].to_numpy(dtype=float),
                        chart_input["n"].to_numpy(dtype=float) if "n" in chart_input.columns
                        else None, freeze=freeze)


def _goal_target(indicator: IndicatorDefinition, values: np.ndarray, denominators: np.ndarray | None,
                 *, freeze: int | None) -> float | None:
    """goal_target of the chart input's y and n (None when it has no n)."""
    goal = indicator.goal
    if goal is None:
        return None
    if goal.kind == "min_days_between":
        return float(goal.value)
    if goal.kind == "min_share":
        return float(goal.value) * indicator.multiply
    if goal.kind == "reduce_by":
        values = values[: freeze or REDUCTION_BASELINE_POINTS]
        if denominators is not None:
            denominators = denominators[: freeze or REDUCTION_BASELINE_POINTS]
            usable = ~np.isnan(values) & ~np.isnan(denominators) & (denominators > 0)
            if not usable.any():
                return None
            level = values[usable].sum() / denominators[usable].sum() * indicator.multiply
        else:
            usable = ~np.isnan(values)
            if not usable.any():
                return None
            level = float(np.mean(values[usable])) * indicator.multiply
        return level * (1.0 - float(goal.value))
    raise InvalidOptionError(
        f"Ukendt måltype: {goal.kind!r}.", f"Unknown goal kind: {goal.kind!r}."
    )


def indicator_chart(series: pd.DataFrame, indicator: IndicatorDefinition, *, today: date,
                    rules: str = "anhoej", chart: str | None = None,
                    freeze_until: date | None = None, phase_starts: Iterable[date] = (),
                    annotations: Iterable[Annotation] = (),
                    start: date | None = None, period: str | None = None,
                    sampling_starts: Iterable[date] = ()) -> ChartModel:
    """Chart one indicator's stored series (entries or events) as its users see it.

    chart overrides the indicator's default chart type; freeze_until and
    phase_starts are the saved baseline dates; start drops earlier periods; period
    overrides the chart period. sampling_starts are the days the unit switched to
    samples (or back): each starts a phase of its own, so a change of n never makes a
    signal by itself (pass none to judge across the switch).
    """
    # The same steps as analyze(chart_input_for(...), ...), on the columns: a report
    # charts four hundred series, and a frame for each would cost more than the analysis.
    columns = _chart_columns(series, indicator, today=today, start=start, period=period)
    observations = dated_input(columns)
    freeze, parts = positions_from_dates(observations.x, freeze_until=freeze_until,
                                         phase_starts=[*phase_starts, *sampling_starts])
    # A new phase cancels the frozen baseline for the analysis, as a part cancels freeze in
    # qicharts2 (docs/methods.md); the frozen period stays the reduction goal's baseline.
    options = make_options(
        chart=chart or indicator.chart,
        rules=rules,
        freeze=None if parts else freeze,
        part=parts or None,
        target=_goal_target(indicator, observations.y,
                            observations.n if observations.has_n else None, freeze=freeze),
        multiply=indicator.multiply,
        improvement=indicator.improvement,
        measure=indicator.measure,
        exact_binomial=True,  # the board's rule for shares near 0 % or 100 % (docs/methods.md)
        open_interval=True,  # and for the open interval since the last rare event
    )
    model = analyze_input(observations, options)
    return replace(model, annotations=tuple(annotations))
