"""Goal tracking: how far each series is from its programme goal, since when it has met
it, and whether the process as it runs now will meet it.

The programme's goal kinds (indicators.catalogue.GOAL_KINDS):

- "min_days_between": at least N days between events. Judged on the open interval,
  the days since the last event: met from the day that count reaches N.
- "min_share": at least X compliance (0.95). Judged on the latest point: met when it
  is at or above X; met since the first point of the unbroken stretch at or above X.
- "reduce_by": reduce by P from the baseline, the frozen baseline period or else the
  first twelve points (indicators.indicator_chart.goal_target), "at most baseline ×
  (1 − P)". Judged on the sustained level, the median of the last six points (BRIEF.md:
  "reductions are about a sustained new level, not one lucky month"): met since the
  last point of the first six-point window of the unbroken stretch at or below the
  target. One lucky month neither meets it nor, after a real reduction, undoes it.

Assurance is the NHS "Making Data Count" idea (NHSRplotthedots' assurance_type): the
target outside the latest control limits on the good side means the process will
consistently pass, on the bad side that it will consistently fail; inside them, hit
and miss. It needs limits, so run charts (days between events) have none.

The functions take whole tables, one row per series, so the managers' overview
judges 200 units at once; `chart_goal_status` judges one chart model. A GoalStatus is
judged here only: the overview, the board and the reports print it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd

from indicators.catalogue import Goal
from indicators.chart_model import ChartModel
from indicators.errors import InvalidOptionError
from indicators.frame_columns import column_values
from indicators.making_data_count import assurance_of

Assurance = Literal["consistent_pass", "consistent_fail", "inconsistent"]
GoalState = Literal["met", "not_met", "no_goal", "no_data"]
GOAL_STATES: tuple[str, ...] = ("met", "not_met", "no_goal", "no_data")
# Shares such as 19 of 20 land on the goal only up to floating-point rounding once
# multiplied to per cent; a value this close (relative) to the target counts as on it.
ON_TARGET_TOLERANCE = 1e-9
# A reduction is judged on the median of this many latest points: half a year of months,
# so one lucky or one bad month moves the level by at most one rank (issue 13).
SUSTAINED_POINTS = 6


@dataclass(frozen=True)
class GoalStatus:
    """One series against its goal: where it is, since when it meets it, what is assured."""

    kind: str  # one of GOAL_KINDS
    goal: float  # as the catalogue states it: 300 (days), 0.95 (share), 0.5 (reduce by half)
    target: float | None  # the goal on the chart's scale: 300 days, 95 (%), 2,1 per 1000
    latest: float | None  # the value the goal is judged on, on the chart's scale
    met: bool | None  # None when there is nothing to judge yet
    met_since: date | None  # the day the goal has been met from, when it is met
    progress: float | None  # how far along: 1.0 or more means the goal is reached
    assurance: Assurance | None  # None without control limits or target
    baseline: float | None = None  # reduce_by: the baseline level on the chart's scale

    @property
    def upwards(self) -> bool:
        """True when the goal is met at or above its target, False when at or below it."""
        return at_least(self.kind)

    @property
    def state(self) -> GoalState:
        """met or not_met; no_data with nothing to judge yet; no_goal when no target can be set."""
        if self.target is None:
            return "no_goal"
        if self.met is None:
            return "no_data"
        return "met" if self.met else "not_met"


@dataclass(frozen=True)
class GoalTable:
    """Goal status of many series at once; arrays have one entry per series."""

    kind: str
    goal: float
    target: np.ndarray  # NaN where the target cannot be set
    latest: np.ndarray  # NaN where there is no value
    met: np.ndarray  # int8: 1 met, 0 not met, -1 nothing to judge
    met_since: np.ndarray  # datetime64[D], NaT when not met
    progress: np.ndarray  # NaN where there is nothing to judge
    assurance: np.ndarray  # object: an Assurance name or None
    baseline: np.ndarray  # NaN unless reduce_by

    def __len__(self) -> int:
        return len(self.target)

    def status(self, row: int) -> GoalStatus:
        """Return the status of one series."""
        def number(values: np.ndarray) -> float | None:
            value = values[row].item()
            return None if value != value else value  # NaN is the one value unequal to itself

        since = self.met_since[row]
        met = int(self.met[row])
        return GoalStatus(
            kind=self.kind, goal=self.goal, target=number(self.target), latest=number(self.latest),
            met=None if met < 0 else bool(met),
            met_since=None if np.isnat(since) else since.astype(object),
            progress=number(self.progress), assurance=self.assurance[row],
            baseline=number(self.baseline),
        )


def at_least(kind: str) -> bool:
    """True for goals met by reaching up to the target, False for those met by staying below."""
    if kind in ("min_days_between", "min_share"):
        return True
    if kind == "reduce_by":
        return False
    raise InvalidOptionError(f"Ukendt måltype: {kind!r}.", f"Unknown goal kind: {kind!r}.")


def meets(values: np.ndarray, target: np.ndarray, *, upwards: bool) -> np.ndarray:
    """Where values meet the target (at least it, or at most it); False for NaN."""
    slack = ON_TARGET_TOLERANCE * np.maximum(np.abs(target), 1.0)
    with np.errstate(invalid="ignore"):
        return values >= target - slack if upwards else values <= target + slack


def _last_present(values: np.ndarray) -> np.ndarray:
    """Index of the last non-NaN value of each row, -1 for an empty row."""
    points = values.shape[1]
    if points == 0:
        return np.full(values.shape[0], -1)
    present = ~np.isnan(values)
    last = points - 1 - np.argmax(present[:, ::-1], axis=1)
    return np.where(present.any(axis=1), last, -1)


def _pick(values: np.ndarray, column: np.ndarray) -> np.ndarray:
    """values[row, column[row]] for every row, NaN where column is -1."""
    if values.shape[1] == 0:
        return np.full(values.shape[0], np.nan)
    taken = values[np.arange(values.shape[0]), np.maximum(column, 0)]
    return np.where(column >= 0, taken, np.nan)


def _assurances(target: np.ndarray, lcl: np.ndarray, ucl: np.ndarray, *,
                upwards: bool) -> np.ndarray:
    """Assurance of every row from its latest finite limits (NHSRplotthedots' rule)."""
    finite = np.isfinite(lcl) & np.isfinite(ucl)
    last = _last_present(np.where(finite, 0.0, np.nan))
    lower, upper = _pick(lcl, last), _pick(ucl, last)
    improvement = "up" if upwards else "down"
    return np.array([
        None if np.isnan(goal) else assurance_of(float(goal), float(low), float(high), improvement)
        for goal, low, high in zip(target, lower, upper, strict=True)], dtype=object)


def series_goal_table(goal: Goal, x: np.ndarray, y: np.ndarray, target: np.ndarray, *,
                      lcl: np.ndarray | None = None, ucl: np.ndarray | None = None,
                      baseline: np.ndarray | None = None) -> GoalTable:
    """Judge share and reduction goals on series: rows of plotted values y at dates x.

    target holds each row's goal on the chart's scale (NaN where none can be set);
    lcl and ucl the control limits per point (for assurance); baseline the
    reduction's baseline level per row.
    """
    upwards = at_least(goal.kind)
    if goal.kind == "min_days_between":
        raise InvalidOptionError(
            "Mål om dage mellem hændelser vurderes med days_between_goal_table.",
            "Goals of days between events are judged with days_between_goal_table.",
        )
    target = np.asarray(target, dtype=float)
    y = np.asarray(y, dtype=float).reshape(len(target), -1)
    x = np.asarray(x, dtype="datetime64[D]").reshape(len(target), -1)
    if y.shape[1] == 0:  # no points at all: one missing point judges the same
        y, x = np.full((len(target), 1), np.nan), np.full((len(target), 1), np.datetime64("NaT"))
    if goal.kind == "reduce_by":
        y = sustained_level(y)
    rows, points = y.shape
    index = np.arange(points)
    good = meets(y, target[:, None], upwards=upwards)
    bad = ~np.isnan(y) & ~good
    last = _last_present(y)
    latest = _pick(y, last)
    judged = (last >= 0) & ~np.isnan(target)
    met_now = judged & good[np.arange(rows), np.maximum(last, 0)]
    # The goal has been met since the first good point after the last bad one.
    last_bad = np.where(bad, index, -1).max(axis=1, initial=-1)
    first_good = np.where(good & (index > last_bad[:, None]), index, points).min(axis=1, initial=points)
    since = np.full(rows, np.datetime64("NaT"), dtype="datetime64[D]")
    if met_now.any():
        since[met_now] = x[met_now, first_good[met_now]]
    with np.errstate(invalid="ignore", divide="ignore"):
        if upwards:
            progress = latest / target
        else:  # the share of the intended reduction achieved so far
            base = np.full(rows, np.nan) if baseline is None else np.asarray(baseline, dtype=float)
            progress = (base - latest) / (base - target)
    progress = np.where(judged & np.isfinite(progress), progress, np.nan)
    assurance = (np.full(rows, None, dtype=object) if lcl is None or ucl is None else
                 _assurances(target, np.asarray(lcl, dtype=float).reshape(rows, -1),
                             np.asarray(ucl, dtype=float).reshape(rows, -1), upwards=upwards))
    return GoalTable(
        kind=goal.kind, goal=float(goal.value), target=target, latest=latest,
        met=np.where(judged, met_now, -1).astype(np.int8), met_since=since,
        progress=progress, assurance=assurance,
        baseline=np.full(rows, np.nan) if baseline is None else np.asarray(baseline, dtype=float),
    )


def sustained_level(y: np.ndarray, *, points: int = SUSTAINED_POINTS) -> np.ndarray:
    """Per row, at each point: the median of the latest `points` values up to it (NaN before that many)."""
    level = np.full(y.shape, np.nan)
    present = ~np.isnan(y)
    counts = present.sum(axis=1)
    rows = np.flatnonzero(counts >= points)
    if len(rows) == 0:
        return level
    # Every row's present values packed to the left (in order), then all windows at once.
    order = np.argsort(~present[rows], axis=1, kind="stable")
    packed = np.take_along_axis(y[rows], order, axis=1)
    windows = np.lib.stride_tricks.sliding_window_view(packed, points, axis=1)
    with np.errstate(invalid="ignore"):
        medians = np.median(windows, axis=2)
    # Window k ends at the row's (k + points)-th present value: only whole windows count.
    ends = np.arange(medians.shape[1])[None, :] + points - 1
    whole = ends < counts[rows][:, None]
    level[np.broadcast_to(rows[:, None], whole.shape)[whole],
          np.take_along_axis(order, np.minimum(ends, y.shape[1] - 1), axis=1)[whole]] = medians[whole]
    return level


def days_between_goal_table(goal: Goal, last_event: np.ndarray, *, today: date) -> GoalTable:
    """Judge "at least N days between events" on the days since each series' last event.

    last_event holds each series' latest event day (NaT when it has none). The goal is
    met from the day the count reaches N: exactly N days counts.
    """
    if goal.kind != "min_days_between":
        raise InvalidOptionError(
            f"days_between_goal_table vurderer kun dage mellem hændelser, ikke {goal.kind!r}.",
            f"days_between_goal_table judges only days between events, not {goal.kind!r}.",
        )
    last_event = np.asarray(last_event, dtype="datetime64[D]")
    rows = len(last_event)
    has_event = ~np.isnat(last_event)
    days = (np.datetime64(today, "D") - last_event).astype(float)
    days[~has_event] = np.nan
    required = float(goal.value)
    met = has_event & (days >= required)
    since = np.full(rows, np.datetime64("NaT"), dtype="datetime64[D]")
    since[met] = last_event[met] + np.timedelta64(int(np.ceil(required)), "D")
    return GoalTable(
        kind=goal.kind, goal=required, target=np.full(rows, required), latest=days,
        met=np.where(has_event, met, -1).astype(np.int8), met_since=since,
        progress=days / required, assurance=np.full(rows, None, dtype=object),
        baseline=np.full(rows, np.nan),
    )


def reduction_baseline(numerators: np.ndarray, denominators: np.ndarray | None, *,
                       points: np.ndarray, multiply: float = 1.0) -> np.ndarray:
    """Baseline level of every row from its first `points` periods, on the chart's scale.

    Pooled as the chart pools them (sum of counts over sum of exposure for rates, the
    mean for counts), as indicators.indicator_chart.goal_target does for one series.
    """
    numerators = np.asarray(numerators, dtype=float)
    columns = np.arange(numerators.shape[1])
    inside = columns[None, :] < np.asarray(points)[:, None]
    if denominators is None:
        usable = inside & ~np.isnan(numerators)
        with np.errstate(invalid="ignore", divide="ignore"):
            level = np.where(usable, numerators, 0.0).sum(axis=1) / usable.sum(axis=1)
    else:
        denominators = np.asarray(denominators, dtype=float)
        usable = inside & ~np.isnan(numerators) & ~np.isnan(denominators) & (denominators > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            level = (np.where(usable, numerators, 0.0).sum(axis=1)
                     / np.where(usable, denominators, 0.0).sum(axis=1))
    return np.where(usable.any(axis=1), level * multiply, np.nan)


def _days(x: np.ndarray) -> np.ndarray:
    """The points' x as days (dates are stored as datetime64 already; others are parsed)."""
    if x.dtype.kind != "M":
        x = pd.to_datetime(pd.Series(x)).to_numpy()
    return x.astype("datetime64[D]")


def chart_goal_status(model: ChartModel, goal: Goal, *, today: date,
                      last_event: date | None = None) -> GoalStatus:
    """Judge one chart model against its goal (the model's target is the goal's line)."""
    if goal.kind == "min_days_between":
        stamp = np.array([np.datetime64(last_event, "D") if last_event else np.datetime64("NaT")])
        return days_between_goal_table(goal, stamp, today=today).status(0)
    return chart_goal_statuses([model], goal)[0]


def chart_goal_statuses(models: Sequence[ChartModel], goal: Goal) -> list[GoalStatus]:
    """chart_goal_status of each chart model against one share or reduction goal, judged at once.

    A report judges some three hundred charts: one table of them all costs about what
    one chart's table did. Every row is judged on its own, and a row padded with
    missing points at its end judges as the row without them (missing points are
    never latest, good or bad, and have no limits).
    """
    if goal.kind == "min_days_between":
        raise InvalidOptionError(
            "Mål om dage mellem hændelser vurderes med chart_goal_status og den seneste hændelse.",
            "Goals of days between events are judged with chart_goal_status and the last event.",
        )
    judged = [_judged_points(model) for model in models]
    rows, width = len(judged), max((len(days) for days, *_ in judged), default=0)
    x = np.full((rows, width), np.datetime64("NaT"), dtype="datetime64[D]")
    y, lcl, ucl = (np.full((rows, width), np.nan) for _ in range(3))
    for row, (days, values, lower, upper) in enumerate(judged):
        size = len(days)
        x[row, :size], y[row, :size], lcl[row, :size], ucl[row, :size] = days, values, lower, upper
    target = np.array([np.nan if model.target is None else model.target for model in models])
    baseline = None
    if goal.kind == "reduce_by" and goal.value < 1:
        baseline = target / (1.0 - goal.value)  # NaN where there is no target, as None judges
    table = series_goal_table(goal, x, y, target, lcl=lcl, ucl=ucl, baseline=baseline)
    return [table.status(row) for row in range(rows)]


def _judged_points(model: ChartModel) -> tuple[np.ndarray, ...]:
    """The x (as days), y, lcl and ucl of a chart's points that count (not censored)."""
    points = model.points
    counted = ~np.asarray(column_values(points, "censored"), dtype=bool)
    return (_days(column_values(points, "x"))[counted],
            *(np.asarray(column_values(points, name), dtype=float)[counted]
              for name in ("y", "lcl", "ucl")))
