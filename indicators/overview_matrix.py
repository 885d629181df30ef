"""The managers' overview: every unit × every indicator, judged the way its chart judges it.

Each cell holds the chart's current verdict (improvement, deterioration, neutral,
no signal, too few points), the latest value, the goal status and, for event
indicators, the days since the last event. The whole matrix is computed from
long-form figures in one pass per indicator: `overview_grid` builds every unit's
points, `analyze_batch` finds centre lines, limits and runs for all rows at once,
and the verdict picks the same finding `indicators.verdict` picks with the Anhøj
rules (the one reaching the latest point, then the highest-ranked rule). Charts
the batch does not draw (g, t, …) fall back to `indicator_chart`, one cell at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from indicators.batch import BATCH_CHARTS, analyze_batch
from indicators.catalogue import IndicatorDefinition
from indicators.constants import MIN_USEFUL_POINTS
from indicators.findings import RULE_PRIORITY, signal_kind
from indicators.goals import (
    GoalStatus,
    GoalTable,
    chart_goal_status,
    days_between_goal_table,
    reduction_baseline,
    series_goal_table,
)
from indicators.indicator_chart import REDUCTION_BASELINE_POINTS, indicator_chart
from indicators.overview_grid import Baselines, IndicatorGrid, entry_grid, event_grid, plotted
from indicators.rules_anhoej import long_run_findings
from indicators.runs import runs_analysis

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
        return OverviewCell(
            unit=unit, indicator=indicator, verdict=self.verdict[row, column],
            rule=self.rule[row, column], latest=None if latest != latest else latest,
            latest_period=None if np.isnat(period) else period.astype(object),
            days_since_event=None if days != days else int(days), goal=goal,
            useful_points=int(self.useful_points[row, column]),
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


@dataclass(frozen=True)
class ColumnResult:
    """What one indicator's column holds, for its rows."""

    verdict: np.ndarray
    rule: np.ndarray
    latest: np.ndarray
    latest_period: np.ndarray
    useful_points: np.ndarray
    goal: GoalTable | None


def row_verdicts(y: np.ndarray, centre: np.ndarray, lcl: np.ndarray, ucl: np.ndarray,
                 n_useful: np.ndarray, longest: np.ndarray, longest_max: np.ndarray,
                 crossings: np.ndarray, crossings_min: np.ndarray, *,
                 improvement: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Verdict kind and rule of every row, as the Anhøj rule set's verdict would name them."""
    rows, points = y.shape
    index = np.arange(points)
    with np.errstate(invalid="ignore"):
        above, below = y > ucl, y < lcl
    last_above = np.where(above, index, -1).max(axis=1, initial=-1)
    last_below = np.where(below, index, -1).max(axis=1, initial=-1)
    long_run = (n_useful > 0) & (longest > longest_max)
    few_crossings = (n_useful > 0) & (crossings < crossings_min)
    verdict = np.where(n_useful < MIN_USEFUL_POINTS, "too_few", "no_signal").astype(object)
    rule = np.full(rows, None, dtype=object)
    sigma_rank, run_rank = RULE_PRIORITY.index("sigma"), RULE_PRIORITY.index("long_run")
    crossings_rank = RULE_PRIORITY.index("crossings")
    for row in np.flatnonzero((n_useful >= MIN_USEFUL_POINTS)
                              & ((last_above >= 0) | (last_below >= 0) | long_run | few_crossings)):
        # (latest point, rank, direction, rule) of every finding; the verdict takes the
        # finding reaching the latest point, then the highest-ranked rule.
        findings = []
        if last_above[row] >= 0:
            findings.append((last_above[row], sigma_rank, 1, "sigma"))
        if last_below[row] >= 0:
            findings.append((last_below[row], sigma_rank, -1, "sigma"))
        if long_run[row]:
            runs = runs_analysis(y[row], np.full(points, centre[row]), np.ones(points, dtype=bool))
            for finding in long_run_findings(runs, runs.longest_run_max, "long_run", 0):
                findings.append((int(finding.points.max()), run_rank, finding.direction, "long_run"))
        if few_crossings[row]:
            findings.append((-1, crossings_rank, 0, "crossings"))
        latest, _, direction, name = min(findings, key=lambda found: (-found[0], found[1]))
        verdict[row] = signal_kind(direction, improvement)
        rule[row] = name
    return verdict, rule


def _batch_column(grid: IndicatorGrid) -> tuple[np.ndarray, ...]:
    """Verdicts, rules, useful points, and the latest phase's limits, for a batch chart."""
    definition = grid.definition
    numerators = grid.shifted(grid.numerators)
    denominators = None if grid.denominators is None else grid.shifted(grid.denominators)
    chart = definition.chart
    if chart in ("run", "i") and denominators is not None:
        with np.errstate(invalid="ignore", divide="ignore"):
            numerators, denominators = numerators / denominators, None
    rows, width = numerators.shape
    verdict = np.empty(rows, dtype=object)
    rule = np.empty(rows, dtype=object)
    useful = np.zeros(rows, dtype=np.int64)
    lcl, ucl = np.full((rows, width), np.nan), np.full((rows, width), np.nan)
    for freeze in np.unique(grid.freeze):
        chosen = np.flatnonzero(grid.freeze == freeze)
        result = analyze_batch(
            numerators[chosen], None if denominators is None else denominators[chosen],
            chart=chart, freeze=int(freeze) or None, multiply=definition.multiply)
        verdict[chosen], rule[chosen] = row_verdicts(
            result.y, result.centre_line, result.lcl, result.ucl, result.n_useful,
            result.longest_run, result.longest_run_max, result.n_crossings,
            result.n_crossings_min, improvement=definition.improvement)
        useful[chosen] = result.n_useful
        lcl[chosen], ucl[chosen] = result.lcl, result.ucl
    return verdict, rule, useful, lcl, ucl


def _goal_table(grid: IndicatorGrid, y: np.ndarray, lcl: np.ndarray, ucl: np.ndarray, *,
                today: date) -> GoalTable | None:
    """The goal status of every row, or None when the indicator has no goal."""
    definition = grid.definition
    goal = definition.goal
    if goal is None:
        return None
    if goal.kind == "min_days_between":
        return days_between_goal_table(goal, grid.last_event, today=today)
    baseline = None
    if goal.kind == "min_share":
        target = np.full(grid.rows, goal.value * definition.multiply)
    else:
        points = np.where(grid.freeze > 0, grid.freeze, REDUCTION_BASELINE_POINTS)
        baseline = reduction_baseline(grid.numerators, grid.denominators, points=points,
                                      multiply=definition.multiply)
        target = baseline * (1.0 - goal.value)
    return series_goal_table(goal, grid.x, y, target, lcl=lcl, ucl=ucl, baseline=baseline)


def _latest(grid: IndicatorGrid, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The latest plotted value and its date per row (days since, for events)."""
    if grid.definition.measure == "events":
        return grid.open_days.copy(), grid.last_event.copy()
    present = ~np.isnan(y)
    last = y.shape[1] - 1 - np.argmax(present[:, ::-1], axis=1)
    has = present.any(axis=1)
    rows = np.arange(grid.rows)
    latest = np.where(has, y[rows, last], np.nan)
    period = np.where(has, grid.x[rows, last], np.datetime64("NaT"))
    return latest, period.astype("datetime64[D]")


def batch_column(grid: IndicatorGrid, *, today: date) -> ColumnResult:
    """Judge every row of one indicator's grid (its chart must be a batch chart)."""
    verdict, rule, useful, lcl, ucl = _batch_column(grid)
    y = plotted(grid)
    latest, period = _latest(grid, y)
    return ColumnResult(verdict, rule, latest, period, useful,
                        _goal_table(grid, y, lcl, ucl, today=today))


def chart_column(grid: IndicatorGrid, series: Sequence[pd.DataFrame], *, today: date,
                 freeze_until: Sequence[date | None], phase_starts: Sequence[Sequence[date]],
                 ) -> ColumnResult:
    """Judge every row by charting it alone: for charts the batch does not draw."""
    definition = grid.definition
    rows = grid.rows
    verdict, rule = np.empty(rows, dtype=object), np.empty(rows, dtype=object)
    useful = np.zeros(rows, dtype=np.int64)
    statuses = []
    for row in range(rows):
        model = indicator_chart(series[row], definition, today=today,
                                freeze_until=freeze_until[row], phase_starts=phase_starts[row])
        verdict[row], rule[row] = model.verdict.kind, model.verdict.rule
        useful[row] = model.phases[-1].n_useful if model.phases else 0
        if definition.goal is not None:
            last = grid.last_event[row]
            statuses.append(chart_goal_status(
                model, definition.goal, today=today,
                last_event=None if np.isnat(last) else pd.Timestamp(last).date()))
    latest, period = _latest(grid, plotted(grid))
    return ColumnResult(verdict, rule, latest, period, useful,
                        _table_of(definition, statuses) if definition.goal else None)


def _table_of(definition: IndicatorDefinition, statuses: list[GoalStatus]) -> GoalTable:
    """Stack single goal statuses into a table."""
    def numbers(name: str) -> np.ndarray:
        return np.array([np.nan if getattr(s, name) is None else getattr(s, name)
                         for s in statuses], dtype=float)

    return GoalTable(
        kind=definition.goal.kind, goal=float(definition.goal.value),
        target=numbers("target"), latest=numbers("latest"),
        met=np.array([-1 if s.met is None else int(s.met) for s in statuses], dtype=np.int8),
        met_since=np.array([np.datetime64(s.met_since, "D") if s.met_since else np.datetime64("NaT")
                            for s in statuses], dtype="datetime64[D]"),
        progress=numbers("progress"),
        assurance=np.array([s.assurance for s in statuses], dtype=object),
        baseline=numbers("baseline"),
    )


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
    if assigned is None:
        used = np.ones(shape, dtype=bool)
    else:
        used = np.zeros(shape, dtype=bool)
        rows = unit_index.get_indexer(assigned["unit"])
        columns = pd.Index(codes).get_indexer(assigned["indicator"])
        known = (rows >= 0) & (columns >= 0)
        used[rows[known], columns[known]] = True
    verdict = np.full(shape, None, dtype=object)
    rule = np.full(shape, None, dtype=object)
    latest = np.full(shape, np.nan)
    latest_period = np.full(shape, np.datetime64("NaT"), dtype="datetime64[D]")
    days_since = np.full(shape, np.nan)
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
        if definition.chart in BATCH_CHARTS:
            result = batch_column(grid, today=today)
        else:
            series = _column_series(grid, len(unit_rows), chosen, day, figures)
            result = chart_column(
                grid, series, today=today,
                freeze_until=[None if np.isnat(d) else pd.Timestamp(d).date()
                              for d in saved.freeze_until],
                phase_starts=[() if np.isnat(d) else (pd.Timestamp(d).date(),)
                              for d in saved.phase_day])
        verdict[unit_rows, column] = result.verdict
        rule[unit_rows, column] = result.rule
        latest[unit_rows, column] = result.latest
        latest_period[unit_rows, column] = result.latest_period
        useful_points[unit_rows, column] = result.useful_points
        if definition.measure == "events":
            days_since[unit_rows, column] = grid.open_days
        if result.goal is not None:
            goals[definition.code] = (unit_rows, result.goal)
    return OverviewMatrix(tuple(unit_index), tuple(indicators), used, verdict, rule, latest,
                          latest_period, days_since, useful_points, goals)


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
    parts = {}
    for number, name in enumerate(names):
        if name in wanted:
            parts[name] = frame.iloc[order[starts[number]:starts[number + 1]]]
    return parts
