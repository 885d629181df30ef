"""The managers' overview: every unit × every indicator, judged the way its chart judges it.

Each cell holds the chart's current verdict (improvement, deterioration, neutral,
no signal, too few points), the latest value, the goal status and, for event
indicators, the days since the last event. The whole matrix is computed from
long-form figures in one pass per indicator: `overview_grid` builds every unit's
points and `overview_columns` judges each indicator's column (all units at once
where the batch engine draws the chart, one at a time otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from indicators.batch import BATCH_CHARTS
from indicators.catalogue import IndicatorDefinition
from indicators.goals import (
    GoalStatus,
    GoalTable,
)
from indicators.overview_columns import (
    batch_column,
    chart_column,
    near_boundary_rows,
    with_charted_rows,
)
from indicators.overview_grid import Baselines, IndicatorGrid, entry_grid, event_grid
from indicators.series_events import days_without_events

# Columns of the long-form inputs.
ENTRY_COLUMNS: tuple[str, ...] = ("unit", "indicator", "date", "numerator", "denominator", "value")
EVENT_COLUMNS: tuple[str, ...] = ("unit", "indicator", "date")
BASELINE_COLUMNS: tuple[str, ...] = ("unit", "indicator", "kind", "date")
# Columns of OverviewMatrix.frame(), one row per assigned cell.
CELL_COLUMNS: tuple[str, ...] = (
    "unit", "indicator", "verdict", "rule", "latest", "latest_period", "days_since_event",
    "goal_met", "goal_met_since", "goal_progress", "goal_target", "assurance", "useful_points",
)


@dataclass(frozen=True)
class OverviewCell:
    """One unit's indicator as the overview shows it."""

    unit: object
    indicator: str
    verdict: str  # improvement, deterioration, neutral, no_signal, too_few
    rule: str | None  # the rule behind the verdict: sigma, long_run, crossings
    latest: float | None  # the latest point, on the chart's scale (days since, for events)
    latest_period: date | None  # the first day of the latest point's period, or its event
    days_since_event: int | None  # events only
    goal: GoalStatus | None  # None when the indicator has no goal
    useful_points: int  # points of the latest phase off the centre line
    # No event yet: days since the unit began measuring ("N dage uden"), as the board says.
    days_without_event: int | None = None


@dataclass(frozen=True)
class OverviewMatrix:
    """Cells of units × indicators; arrays have one row per unit, one column per indicator."""

    units: tuple[object, ...]
    indicators: tuple[IndicatorDefinition, ...]
    assigned: np.ndarray  # bool: the unit works with the indicator
    verdict: np.ndarray  # object: verdict kind, None when not assigned
    rule: np.ndarray  # object
    latest: np.ndarray  # float, NaN without a value
    latest_period: np.ndarray  # datetime64[D]
    days_since_event: np.ndarray  # float, NaN for entries or without events
    useful_points: np.ndarray  # int
    goals: dict[str, tuple[np.ndarray, GoalTable]] = field(default_factory=dict)
    # per indicator code: the unit positions of the table's rows, and the table
    days_without_event: np.ndarray | None = None  # float: NaN where an event exists or no start

    @cached_property
    def _positions(self) -> tuple[dict[object, int], dict[str, int], dict[str, dict[int, int]]]:
        """Row of each unit, column of each indicator code, goal-table row of each unit row."""
        goal_rows = {code: {int(row): number for number, row in enumerate(rows)}
                     for code, (rows, _) in self.goals.items()}
        return ({unit: row for row, unit in enumerate(self.units)},
                {definition.code: column for column, definition in enumerate(self.indicators)},
                goal_rows)

    def cell(self, unit: object, indicator: str) -> OverviewCell | None:
        """The cell of one unit and indicator code, None when the unit does not use it."""
        unit_rows, columns, goal_rows = self._positions
        row, column = unit_rows[unit], columns[indicator]
        if not self.assigned[row, column]:
            return None
        goal = None
        if indicator in self.goals:
            goal = self.goals[indicator][1].status(goal_rows[indicator][row])
        latest = self.latest[row, column].item()
        period = self.latest_period[row, column]
        days = self.days_since_event[row, column].item()
        without = (float("nan") if self.days_without_event is None
                   else self.days_without_event[row, column].item())
        return OverviewCell(
            unit=unit, indicator=indicator, verdict=self.verdict[row, column],
            rule=self.rule[row, column], latest=None if latest != latest else latest,
            latest_period=None if np.isnat(period) else period.astype(object),
            days_since_event=None if days != days else int(days), goal=goal,
            useful_points=int(self.useful_points[row, column]),
            days_without_event=None if without != without else int(without),
        )

    def frame(self) -> pd.DataFrame:
        """Every assigned cell as one row (CELL_COLUMNS), units in order, then indicators."""
        rows, columns = np.nonzero(self.assigned)
        count = len(rows)
        goal_met = np.full(count, -1, dtype=np.int8)
        goal_since = np.full(count, np.datetime64("NaT"), dtype="datetime64[D]")
        goal_progress = np.full(count, np.nan)
        goal_target = np.full(count, np.nan)
        assurance = np.full(count, None, dtype=object)
        for column, definition in enumerate(self.indicators):
            if definition.code not in self.goals:
                continue
            table_rows, table = self.goals[definition.code]
            where = np.full(len(self.units), -1)
            where[table_rows] = np.arange(len(table_rows))
            mine = np.flatnonzero(columns == column)
            position = where[rows[mine]]
            goal_met[mine] = table.met[position]
            goal_since[mine] = table.met_since[position]
            goal_progress[mine] = table.progress[position]
            goal_target[mine] = table.target[position]
            assurance[mine] = table.assurance[position]
        codes = np.array([definition.code for definition in self.indicators], dtype=object)
        return pd.DataFrame({
            "unit": pd.Series(np.array(self.units, dtype=object)[rows], dtype=object),
            "indicator": codes[columns], "verdict": self.verdict[rows, columns],
            "rule": self.rule[rows, columns], "latest": self.latest[rows, columns],
            "latest_period": self.latest_period[rows, columns],
            "days_since_event": self.days_since_event[rows, columns], "goal_met": goal_met,
            "goal_met_since": goal_since, "goal_progress": goal_progress,
            "goal_target": goal_target, "assurance": assurance,
            "useful_points": self.useful_points[rows, columns],
        })


def _baselines(baselines: pd.DataFrame | None, code: str, rows: np.ndarray,
               unit_index: pd.Index) -> Baselines:
    """The latest freeze and the latest new-phase day of each row's unit."""
    result = Baselines.none(len(rows))
    if baselines is None or baselines.empty:
        return result
    mine = baselines[baselines["indicator"] == code]
    if mine.empty:
        return result
    where = np.full(len(unit_index), -1)
    where[rows] = np.arange(len(rows))
    position = where[unit_index.get_indexer(mine["unit"])]
    days = np.asarray(pd.to_datetime(mine["date"]).to_numpy(), dtype="datetime64[D]")
    kinds = mine["kind"].to_numpy()
    for kind, target in (("freeze", result.freeze_until), ("new_phase", result.phase_day)):
        chosen = (kinds == kind) & (position >= 0)
        # NaT is the smallest int64, so the maximum is the latest saved day.
        latest = target.view(np.int64)
        np.maximum.at(latest, position[chosen], days[chosen].view(np.int64))
    return result


def _column_series(grid: IndicatorGrid, rows: int, chosen: np.ndarray, day: np.ndarray,
                   figures: dict[str, np.ndarray]) -> list[pd.DataFrame]:
    """Per-row stored series (for the one-at-a-time fallback)."""
    frames = []
    for row in range(rows):
        mine = chosen == row
        frames.append(pd.DataFrame({"date": pd.Series(day[mine].astype(object), dtype=object),
                                    **{name: values[mine] for name, values in figures.items()}}))
    return frames


def overview_matrix(entries: pd.DataFrame, events: pd.DataFrame,
                    indicators: Sequence[IndicatorDefinition], units: Sequence[object], *,
                    today: date, assigned: pd.DataFrame | None = None,
                    baselines: pd.DataFrame | None = None) -> OverviewMatrix:
    """Judge every unit's indicators from long-form figures.

    entries has ENTRY_COLUMNS and events EVENT_COLUMNS (unit keys as in units,
    indicator codes); assigned lists the (unit, indicator) pairs a unit works with
    (all pairs when None); baselines the saved baselines (BASELINE_COLUMNS, kind
    "freeze" or "new_phase").
    """
    unit_index = pd.Index(list(units), dtype=object)
    codes = [definition.code for definition in indicators]
    shape = (len(unit_index), len(codes))
    started = np.full(shape, np.datetime64("NaT"), dtype="datetime64[D]")
    if assigned is None:
        used = np.ones(shape, dtype=bool)
    else:
        used = np.zeros(shape, dtype=bool)
        rows = unit_index.get_indexer(assigned["unit"])
        columns = pd.Index(codes).get_indexer(assigned["indicator"])
        known = (rows >= 0) & (columns >= 0)
        used[rows[known], columns[known]] = True
        if "measuring_since" in assigned:
            started[rows[known], columns[known]] = np.asarray(
                assigned["measuring_since"].to_numpy(), dtype="datetime64[D]")[known]
    verdict = np.full(shape, None, dtype=object)
    rule = np.full(shape, None, dtype=object)
    latest = np.full(shape, np.nan)
    latest_period = np.full(shape, np.datetime64("NaT"), dtype="datetime64[D]")
    days_since = np.full(shape, np.nan)
    days_without = np.full(shape, np.nan)
    useful_points = np.zeros(shape, dtype=np.int64)
    goals: dict[str, tuple[np.ndarray, GoalTable]] = {}
    entry_parts = _split(entries, codes)
    event_parts = _split(events, codes)
    for column, definition in enumerate(indicators):
        unit_rows = np.flatnonzero(used[:, column])
        if len(unit_rows) == 0:
            continue
        where = np.full(len(unit_index), -1)
        where[unit_rows] = np.arange(len(unit_rows))
        part = (event_parts if definition.measure == "events" else entry_parts).get(definition.code)
        frame = part if part is not None else pd.DataFrame(columns=list(ENTRY_COLUMNS))
        chosen = where[unit_index.get_indexer(frame["unit"])] if len(frame) else np.zeros(0, int)
        inside = chosen >= 0
        day = np.asarray(pd.to_datetime(frame["date"]).to_numpy(), dtype="datetime64[D]")[inside]
        chosen = chosen[inside]
        saved = _baselines(baselines, definition.code, unit_rows, unit_index)
        if definition.measure == "events":
            grid = event_grid(definition, chosen, day, rows=len(unit_rows), today=today,
                              baselines=saved)
            figures = {}
        else:
            figures = {name: frame[name].to_numpy(dtype=float)[inside]
                       for name in ("numerator", "denominator", "value")}
            grid = entry_grid(definition, chosen, day, figures["numerator"],
                              figures["denominator"], figures["value"], rows=len(unit_rows),
                              today=today, baselines=saved)
        dates = {"freeze_until": [None if np.isnat(d) else pd.Timestamp(d).date() for d in saved.freeze_until],
                 "phase_starts": [() if np.isnat(d) else (pd.Timestamp(d).date(),) for d in saved.phase_day]}
        if definition.chart in BATCH_CHARTS:
            result = batch_column(grid, today=today)
            alone = near_boundary_rows(grid)
            if alone.any():  # the board's rule for shares near 0 % or 100 %, which the batch lacks
                series = _column_series(grid, len(unit_rows), chosen, day, figures)
                result = with_charted_rows(result, grid, series, alone, today=today, **dates)
        else:
            series = _column_series(grid, len(unit_rows), chosen, day, figures)
            result = chart_column(grid, series, today=today, **dates)
        verdict[unit_rows, column] = result.verdict
        rule[unit_rows, column] = result.rule
        latest[unit_rows, column] = result.latest
        latest_period[unit_rows, column] = result.latest_period
        useful_points[unit_rows, column] = result.useful_points
        if definition.measure == "events":
            days_since[unit_rows, column] = grid.open_days
            none_yet = unit_rows[np.isnan(grid.open_days)]
            days_without[none_yet, column] = days_without_events(started[none_yet, column],
                                                                 today=today)
        if result.goal is not None:
            goals[definition.code] = (unit_rows, result.goal)
    return OverviewMatrix(tuple(unit_index), tuple(indicators), used, verdict, rule, latest,
                          latest_period, days_since, useful_points, goals,
                          days_without_event=days_without)


def _split(frame: pd.DataFrame, codes: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The rows of each indicator code, without a pass over the frame per code."""
    if frame is None or frame.empty:
        return {}
    # Integer codes sort far faster than the strings they stand for.
    numbers, names = pd.factorize(frame["indicator"])
    order = np.argsort(numbers, kind="stable")
    counts = np.bincount(numbers[numbers >= 0], minlength=len(names))
    starts = np.concatenate([[0], np.cumsum(counts)]) + int((numbers < 0).sum())
    wanted = set(codes)
    # The code column itself is not needed in the parts: taking its strings cost as much as the rest.
    figures = frame[[column for column in frame.columns if column != "indicator"]]
    parts = {}
    for number, name in enumerate(names):
        if name in wanted:
            parts[name] = figures.iloc[order[starts[number]:starts[number + 1]]]
    return parts
