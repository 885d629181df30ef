"""All units' figures of one indicator as a grid: one row per unit, one column per point.

The managers' overview judges hundreds of series at once, so it cannot build each
unit's chart input with pandas (a millisecond each). This module builds the same
points `indicators.indicator_chart.chart_input_for` builds, for every unit in one
pass with numpy: entries summed per chart period (ISO week or month) from the
unit's first period with figures up to today's period, or days between events
with the open interval up to today left out of the calculation. Each row starts
at its own first point (later columns are NaN), so saved baseline positions keep
their meaning.

Saved baselines are turned into positions exactly as `positions_from_dates` does:
a freeze covers the points up to and including its day; a new phase starts after
the last point before its day; a new phase cancels the freeze for the analysis (as a
`part` cancels `freeze` in qicharts2), while the frozen period stays the baseline of a
reduction goal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from indicators.catalogue import IndicatorDefinition
from indicators.indicator_chart import CHART_PERIOD

# 1970-01-01, day 0 of numpy's calendar, was a Thursday: Monday is day 4.
_FIRST_MONDAY = 4
_DAYS_PER_WEEK = 7
_WITH_DENOMINATOR = ("proportion", "rate")


@dataclass(frozen=True)
class Baselines:
    """Saved baselines of the grid's rows: the latest freeze day and new-phase days."""

    freeze_until: np.ndarray  # datetime64[D] per row, NaT without a freeze
    phase_day: np.ndarray  # datetime64[D] per row: the latest new-phase day, NaT without

    @classmethod
    def none(cls, rows: int) -> Baselines:
        """No saved baselines for any row."""
        empty = np.full(rows, np.datetime64("NaT"), dtype="datetime64[D]")
        return cls(empty, empty.copy())


@dataclass(frozen=True)
class IndicatorGrid:
    """One indicator's points for many units, full series and latest phase.

    Arrays are (rows × points), NaN past a row's end. `numerators`/`denominators`
    are the chart input's y and n (n is None for counts, measurements and events);
    `x` the dates of the points. Phase arrays hold the latest phase only (columns
    shifted so that it starts at 0), which is what the current verdict is about.
    """

    definition: IndicatorDefinition
    x: np.ndarray  # datetime64[D]
    numerators: np.ndarray
    denominators: np.ndarray | None
    length: np.ndarray  # points per row (without the open interval of events)
    freeze: np.ndarray  # per row: points in the frozen baseline, 0 without one or when a phase cancels it
    phase_start: np.ndarray  # per row: index of the latest phase's first point
    last_event: np.ndarray  # datetime64[D] per row, NaT (entries, or no events)
    open_days: np.ndarray  # days since the last event, NaN without events or for entries
    # per row: points in the saved frozen period, also when a new phase cancels it for the
    # analysis: the baseline of a reduction goal (0 without a freeze).
    goal_freeze: np.ndarray | None = None

    @property
    def rows(self) -> int:
        """Number of rows (units)."""
        return len(self.length)

    def shifted(self, values: np.ndarray) -> np.ndarray:
        """values with each row moved left to start at its latest phase (NaN filled)."""
        width = values.shape[1]
        columns = np.arange(width)[None, :] + self.phase_start[:, None]
        inside = columns < width
        taken = np.take_along_axis(values, np.minimum(columns, width - 1), axis=1)
        return np.where(inside, taken, np.nan) if values.dtype.kind == "f" else taken


def period_ordinals(days: np.ndarray, period: str) -> np.ndarray:
    """The number of the chart period (day, ISO week from Monday, month) each day falls in."""
    days = np.asarray(days, dtype="datetime64[D]")
    if period == "month":
        return days.astype("datetime64[M]").astype(np.int64)
    number = days.astype(np.int64)
    if period == "week":
        return (number - _FIRST_MONDAY) // _DAYS_PER_WEEK
    return number


def period_days(ordinals: np.ndarray, period: str) -> np.ndarray:
    """The first day of each numbered period."""
    ordinals = np.asarray(ordinals, dtype=np.int64)
    if period == "month":
        return ordinals.astype("datetime64[M]").astype("datetime64[D]")
    if period == "week":
        return (ordinals * _DAYS_PER_WEEK + _FIRST_MONDAY).astype("datetime64[D]")
    return ordinals.astype("datetime64[D]")


def _usable(measure: str, numerator: np.ndarray, denominator: np.ndarray,
            value: np.ndarray) -> np.ndarray:
    """Entries the chart input keeps: complete pairs, a count, or a measurement."""
    if measure in _WITH_DENOMINATOR:
        with np.errstate(invalid="ignore"):
            return ~np.isnan(numerator) & ~np.isnan(denominator) & (denominator > 0)
    if measure == "measurement":
        return ~np.isnan(value)
    return ~np.isnan(numerator)


def _positions(x: np.ndarray, length: np.ndarray, baselines: Baselines,
               counted: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Analysis freeze, latest-phase and saved-freeze positions per row, as positions_from_dates gives them.

    counted is each row's number of x (with the open interval of events, if any).
    """
    valid_x = np.arange(x.shape[1])[None, :] < counted[:, None]
    freeze_until = baselines.freeze_until[:, None]
    phase_day = baselines.phase_day[:, None]
    with np.errstate(invalid="ignore"):
        covered = (valid_x & (x <= freeze_until)).sum(axis=1)
        before = (valid_x & (x < phase_day)).sum(axis=1)
    freeze = np.where(~np.isnat(baselines.freeze_until) & (covered > 0) & (covered < counted),
                      covered, 0)
    phase = np.where(~np.isnat(baselines.phase_day) & (before > 0) & (before < counted), before, 0)
    return np.where(phase > 0, 0, freeze), np.minimum(phase, length), freeze


def entry_grid(definition: IndicatorDefinition, row: np.ndarray, day: np.ndarray,
               numerator: np.ndarray, denominator: np.ndarray, value: np.ndarray, *,
               rows: int, today: date, baselines: Baselines | None = None) -> IndicatorGrid:
    """Grid of an entries indicator: figures of row (0 … rows-1) summed per chart period."""
    period = CHART_PERIOD[definition.period]
    measure = definition.measure
    row, numerator = np.asarray(row, dtype=np.int64), np.asarray(numerator, dtype=float)
    denominator, value = np.asarray(denominator, dtype=float), np.asarray(value, dtype=float)
    ordinal = period_ordinals(day, period)
    last = int(period_ordinals(np.array([today], dtype="datetime64[D]"), period)[0])
    keep = _usable(measure, numerator, denominator, value) & (ordinal <= last)
    row, ordinal = row[keep], ordinal[keep]
    first = np.full(rows, last + 1, dtype=np.int64)
    np.minimum.at(first, row, ordinal)
    length = last - first + 1
    width = max(int(length.max(initial=0)), 1)
    cell = row * width + (ordinal - first[row])
    size = rows * width
    counts = np.bincount(cell, minlength=size).reshape(rows, width)
    missing = counts == 0

    def summed(values: np.ndarray) -> np.ndarray:
        totals = np.bincount(cell, weights=values[keep], minlength=size).reshape(rows, width)
        return np.where(missing, np.nan, totals)

    if measure == "measurement":
        with np.errstate(invalid="ignore", divide="ignore"):
            numerators = summed(value) / np.where(missing, np.nan, counts)
    else:
        numerators = summed(numerator)
    denominators = summed(denominator) if measure in _WITH_DENOMINATOR else None
    x = period_days(first[:, None] + np.arange(width)[None, :], period)
    freeze, phase, saved = _positions(x, length, baselines or Baselines.none(rows), length)
    empty = np.full(rows, np.datetime64("NaT"), dtype="datetime64[D]")
    return IndicatorGrid(definition, x, numerators, denominators, length, freeze, phase,
                         empty, np.full(rows, np.nan), saved)


def event_grid(definition: IndicatorDefinition, row: np.ndarray, day: np.ndarray, *,
               rows: int, today: date, baselines: Baselines | None = None) -> IndicatorGrid:
    """Grid of an events indicator: days between each row's consecutive events."""
    day = np.asarray(day, dtype="datetime64[D]")
    row = np.asarray(row, dtype=np.int64)
    keep = day <= np.datetime64(today, "D")
    row, day = row[keep], day[keep]
    order = np.lexsort((day, row))
    row, day = row[order], day[order]
    events = np.bincount(row, minlength=rows)
    length = np.maximum(events - 1, 0)
    width = max(int(length.max(initial=0)) + 1, 1)  # room for the open interval
    start = np.concatenate([[0], np.cumsum(events)[:-1]])
    # Event k of a row (k ≥ 1) ends interval k - 1.
    index = np.arange(len(row)) - start[row]
    later = index >= 1
    gaps = (day[later] - day[np.flatnonzero(later) - 1]).astype(np.int64).astype(float)
    numerators = np.full((rows, width), np.nan)
    numerators[row[later], index[later] - 1] = gaps
    x = np.full((rows, width), np.datetime64("NaT"), dtype="datetime64[D]")
    x[row[later], index[later] - 1] = day[later]
    last_event = np.full(rows, np.datetime64("NaT"), dtype="datetime64[D]")
    has_events = events > 0
    last_event[has_events] = day[start[has_events] + events[has_events] - 1]
    open_days = (np.datetime64(today, "D") - last_event).astype(float)
    open_days[~has_events] = np.nan
    # The open interval is an x of the chart (so of its positions) when today is later.
    is_open = has_events & (open_days > 0)
    x[is_open, length[is_open]] = np.datetime64(today, "D")
    counted = length + is_open
    freeze, phase, saved = _positions(x, length, baselines or Baselines.none(rows), counted)
    return IndicatorGrid(definition, x, numerators, None, length, freeze, phase, last_event,
                         open_days, saved)


def plotted(grid: IndicatorGrid) -> np.ndarray:
    """The values the chart plots, on its scale (after multiply)."""
    if grid.denominators is None:
        return grid.numerators * grid.definition.multiply
    with np.errstate(invalid="ignore", divide="ignore"):
        return grid.numerators / grid.denominators * grid.definition.multiply
