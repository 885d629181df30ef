"""One indicator's column of the managers' overview: every unit's verdict, latest value and goal.

`batch_column` judges all units at once from the grid (`analyze_batch`, then the
Anhøj verdict `indicators.verdict` would give: the finding that reaches the
latest point, then the highest-ranked rule); `chart_column` draws the charts the
batch does not draw (g, t, …) one at a time with `indicator_chart`. A P chart of
shares near 0 % or 100 % is judged by the board's own rule (indicators.skewed_shares),
which the batch does not know: `with_charted_rows` charts those rows alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

import numpy as np
import pandas as pd

from indicators.batch import analyze_batch
from indicators.catalogue import IndicatorDefinition
from indicators.constants import MIN_USEFUL_POINTS
from indicators.control_lines import ControlLines
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
from indicators.open_interval import OPEN_INTERVAL_MEANS
from indicators.overview_grid import IndicatorGrid, plotted
from indicators.overview_skewed import judge_skewed, skewed_rows, vectorisable
from indicators.runs import longest_run_limit, row_run_lengths, runs_analysis, sides
from indicators.skewed_shares import (
    NORMAL_APPROXIMATION_MIN_COUNT,
    exact_binomial_lines,
    lopsided_run_findings,
    skewed,
)

# Rows are charted alone when their expected successes or failures are under twice the
# skewed-share threshold: a margin, so that no row the engine would judge as skewed
# stays with the batch however its phases and baseline fall.
_CHARTED_ALONE_MARGIN = 2.0


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
    run_latest = _long_run_latest(y, centre, long_run)
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
            for direction, latest_points in zip((1, -1), run_latest, strict=True):
                if latest_points[row] >= 0:
                    findings.append((int(latest_points[row]), run_rank, direction, "long_run"))
        if few_crossings[row]:
            findings.append((-1, crossings_rank, 0, "crossings"))
        latest, _, direction, name = min(findings, key=lambda found: (-found[0], found[1]))
        verdict[row] = signal_kind(direction, improvement)
        rule[row] = name
    return verdict, rule


def _long_run_latest(y: np.ndarray, centre: np.ndarray, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the latest point of a run above and of a run below the centre longer than the limit (-1: none).

    What long_run_findings finds in runs_analysis of each chosen row, for all of them at
    once: the rows' run lengths, and the limit of each row's own useful points.
    """
    above, below = np.full(len(y), -1), np.full(len(y), -1)
    rows = np.flatnonzero(chosen)
    if len(rows) == 0:
        return above, below
    side = sides(y[rows], centre[rows][:, None], np.ones(y[rows].shape, dtype=bool))
    lengths = row_run_lengths(side)
    counted = (side != 0).sum(axis=1)
    limits = {int(n): longest_run_limit(int(n)) for n in np.unique(counted) if n > 0}
    # No useful point, no run: a limit no run reaches.
    limit = np.array([limits.get(int(n), side.shape[1]) for n in counted])
    index = np.arange(side.shape[1])[None, :]
    beyond = lengths > limit[:, None]
    above[rows] = np.where(beyond & (side == 1), index, -1).max(axis=1, initial=-1)
    below[rows] = np.where(beyond & (side == -1), index, -1).max(axis=1, initial=-1)
    return above, below


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
        if chart == "p" and denominators is not None:
            _judge_skewed_rows(chosen, result.centre_line / definition.multiply, numerators, denominators,
                               definition, (verdict, rule, useful, lcl, ucl))
    return verdict, rule, useful, lcl, ucl


# Rows judged together: a table per point for this many rows stays some tens of megabytes.
_SKEWED_CHUNK = 128


def _judge_skewed_rows(chosen: np.ndarray, shares: np.ndarray, numerators: np.ndarray,
                       denominators: np.ndarray, definition: IndicatorDefinition,
                       into: tuple[np.ndarray, ...]) -> None:
    """Judge the skewed P rows among chosen by the board's rule, writing verdict, rule, useful, lcl, ucl."""
    verdict, rule, useful, lcl, ucl = into
    skew = skewed_rows(shares, denominators[chosen])
    picked, picked_shares = chosen[skew], shares[skew]
    for start in range(0, len(picked), _SKEWED_CHUNK):
        rows, row_shares = picked[start:start + _SKEWED_CHUNK], picked_shares[start:start + _SKEWED_CHUNK]
        if vectorisable(denominators[rows]):
            verdict[rows], rule[rows], useful[rows], lcl[rows], ucl[rows] = judge_skewed(
                numerators[rows], denominators[rows], row_shares, multiply=definition.multiply,
                improvement=definition.improvement)
            continue
        for row, share in zip(rows.tolist(), row_shares.tolist(), strict=True):
            judged = _lopsided_p_row(numerators[row], denominators[row], share, definition.multiply,
                                     definition.improvement)
            if judged is not None:
                verdict[row], rule[row], useful[row], lcl[row], ucl[row] = judged


def _lopsided_p_row(numerators: np.ndarray, denominators: np.ndarray, share: float, multiply: float,
                    improvement: str | None) -> tuple[str, str | None, int, np.ndarray, np.ndarray] | None:
    """One P-chart row judged by the board's rule for shares near 0 % or 100 % (None when it is not skewed).

    The same steps as the engine's (indicators.skewed_shares, indicators.verdict), on one
    row's arrays: probability limits, the side-aware run rule, the latest finding first.
    """
    if share != share or not skewed(share, denominators):
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        y = numerators / denominators
    present = ~np.isnan(y)
    centre = np.full(len(y), share)
    lines = ControlLines(y=y, n=denominators, cl=centre, lcl=centre, ucl=centre, lcl_95=centre, ucl_95=centre)
    lines = exact_binomial_lines(replace(lines, lcl=np.full(len(y), np.nan), ucl=np.full(len(y), np.nan)))
    runs = runs_analysis(y, centre, np.ones(len(y), dtype=bool))
    lcl, ucl = lines.lcl * multiply, lines.ucl * multiply
    if int(present.sum()) < MIN_USEFUL_POINTS:
        return "too_few", None, runs.n_useful, lcl, ucl
    findings = [(int(f.points.max()), RULE_PRIORITY.index(f.rule), f.direction, f.rule)
                for f in lopsided_run_findings(runs, lines, 0)]
    with np.errstate(invalid="ignore"):
        for mask, direction in ((y > lines.ucl, 1), (y < lines.lcl, -1)):
            if mask.any():
                findings.append((int(np.flatnonzero(mask).max()), RULE_PRIORITY.index("sigma"), direction, "sigma"))
    if not findings:
        return "no_signal", "lopsided", runs.n_useful, lcl, ucl
    _, _, direction, name = min(findings, key=lambda found: (-found[0], found[1]))
    return signal_kind(direction, improvement), name, runs.n_useful, lcl, ucl


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
        frozen = grid.freeze if grid.goal_freeze is None else grid.goal_freeze
        points = np.where(frozen > 0, frozen, REDUCTION_BASELINE_POINTS)
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


def open_interval_rows(grid: IndicatorGrid) -> np.ndarray:
    """Rows of a days-between run chart whose open interval signals (indicators.open_interval)."""
    if grid.definition.measure != "events" or grid.definition.chart != "run":
        return np.zeros(grid.rows, dtype=bool)
    closed = grid.shifted(grid.numerators)
    columns = np.arange(closed.shape[1])[None, :]
    in_base = np.where(grid.freeze[:, None] > 0, columns < grid.freeze[:, None], True)
    closed = np.where(in_base, closed, np.nan)
    present = ~np.isnan(closed)
    counted = present.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(present, closed, 0.0).sum(axis=1) / counted
    longest = np.where(present, closed, -np.inf).max(axis=1, initial=-np.inf)
    days = grid.open_days
    with np.errstate(invalid="ignore"):
        return (counted > 0) & (mean > 0) & (days > mean * OPEN_INTERVAL_MEANS) & (days > longest)


def batch_column(grid: IndicatorGrid, *, today: date) -> ColumnResult:
    """Judge every row of one indicator's grid (its chart must be a batch chart)."""
    verdict, rule, useful, lcl, ucl = _batch_column(grid)
    opened = open_interval_rows(grid)
    if opened.any():  # the open interval is the latest point: its finding is the verdict
        verdict[opened] = signal_kind(1, grid.definition.improvement)
        rule[opened] = "open_interval"
    y = plotted(grid)
    latest, period = _latest(grid, y)
    return ColumnResult(verdict, rule, latest, period, useful,
                        _goal_table(grid, y, lcl, ucl, today=today))


def near_boundary_rows(grid: IndicatorGrid) -> np.ndarray:
    """Rows whose shares may lie too near 0 % or 100 % for the batch's rules.

    A P chart's rows whose smallest subgroup expects few successes or failures; a run
    chart's rows of shares with any point at 0 % or 100 % (its median may lie there).
    """
    chart, denominators = grid.definition.chart, grid.denominators
    if chart != "run" or denominators is None or grid.definition.measure != "proportion":
        return np.zeros(grid.rows, dtype=bool)
    numerators = grid.numerators
    usable = ~np.isnan(numerators) & ~np.isnan(denominators) & (denominators > 0)
    if chart == "run":
        return (usable & ((numerators <= 0) | (numerators >= denominators))).any(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = (np.where(usable, numerators, 0.0).sum(axis=1)
                 / np.where(usable, denominators, 0.0).sum(axis=1))
    smallest = np.where(usable, denominators, np.inf).min(axis=1)
    expected = np.minimum(smallest * share, smallest * (1.0 - share))
    return usable.any(axis=1) & ~(expected >= _CHARTED_ALONE_MARGIN * NORMAL_APPROXIMATION_MIN_COUNT)


def _merged(table: GoalTable | None, rows: np.ndarray, alone: GoalTable | None) -> GoalTable | None:
    """table with the given rows taken from alone (which holds just those rows)."""
    if table is None or alone is None:
        return table
    columns = {}
    for entry in fields(GoalTable):
        values = getattr(table, entry.name)
        if isinstance(values, np.ndarray):
            values = values.copy()
            values[rows] = getattr(alone, entry.name)
        columns[entry.name] = values
    return replace(table, **columns)


def with_charted_rows(result: ColumnResult, grid: IndicatorGrid, series: Sequence[pd.DataFrame],
                      rows: np.ndarray, *, today: date, freeze_until: Sequence[date | None],
                      phase_starts: Sequence[Sequence[date]]) -> ColumnResult:
    """result with the chosen rows (a boolean mask) judged by charting each alone."""
    chosen = np.flatnonzero(rows)
    verdict, rule, useful, statuses = _charted(grid, series, chosen, today=today, freeze_until=freeze_until,
                                               phase_starts=phase_starts)
    merged_verdict, merged_rule = result.verdict.copy(), result.rule.copy()
    merged_useful = result.useful_points.copy()
    merged_verdict[chosen], merged_rule[chosen], merged_useful[chosen] = verdict, rule, useful
    alone = _table_of(grid.definition, statuses) if grid.definition.goal else None
    return replace(result, verdict=merged_verdict, rule=merged_rule, useful_points=merged_useful,
                   goal=_merged(result.goal, chosen, alone))


def _charted(grid: IndicatorGrid, series: Sequence[pd.DataFrame], chosen: np.ndarray, *, today: date,
             freeze_until: Sequence[date | None], phase_starts: Sequence[Sequence[date]],
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[GoalStatus]]:
    """Verdict, rule, useful points and goal status of the chosen rows, each charted alone."""
    definition = grid.definition
    count = len(chosen)
    verdict, rule = np.empty(count, dtype=object), np.empty(count, dtype=object)
    useful = np.zeros(count, dtype=np.int64)
    statuses = []
    for place, row in enumerate(chosen.tolist()):
        model = indicator_chart(series[row], definition, today=today,
                                freeze_until=freeze_until[row], phase_starts=phase_starts[row])
        verdict[place], rule[place] = model.verdict.kind, model.verdict.rule
        useful[place] = model.phases[-1].n_useful if model.phases else 0
        if definition.goal is not None:
            last = grid.last_event[row]
            statuses.append(chart_goal_status(
                model, definition.goal, today=today,
                last_event=None if np.isnat(last) else pd.Timestamp(last).date()))
    return verdict, rule, useful, statuses


def chart_column(grid: IndicatorGrid, series: Sequence[pd.DataFrame], *, today: date,
                 freeze_until: Sequence[date | None], phase_starts: Sequence[Sequence[date]],
                 ) -> ColumnResult:
    """Judge every row by charting it alone: for charts the batch does not draw."""
    definition = grid.definition
    verdict, rule, useful, statuses = _charted(grid, series, np.arange(grid.rows), today=today,
                                               freeze_until=freeze_until, phase_starts=phase_starts)
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
