"""Assemble ChartModel.points: one row per plotted x (and facet), in x order."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from indicators.chart_model import POINT_COLUMNS
from indicators.facet_analysis import FacetAnalysis

try:  # pandas 3: a frame from its blocks as they are
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks
    from pandas.arrays import DatetimeArray as _DatetimeArray
except ImportError:  # pragma: no cover - pandas 2
    _from_blocks = None
# The dtypes a points frame's columns come in, built as blocks directly (others: pandas' way).
_BLOCK_DTYPES = frozenset(np.dtype(name) for name in (
    "float64", "int64", "bool", "object", "datetime64[ns]"))
# Built once: an index of column names costs as much as a small frame.
_COLUMN_INDEX = pd.Index(POINT_COLUMNS, dtype=object)
_OBJECT_COLUMNS = ("facet", "notes", "signal_kind", "signal_rules")
_COUNT_COLUMNS = ("n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min")


def _facet_columns(result: FacetAnalysis, target: float | None) -> dict[str, Any]:
    sub, plan = result.sub, result.plan
    size = len(sub)

    def joined(attribute: str) -> np.ndarray:
        parts = [getattr(lines, attribute) for lines in result.lines]
        if len(parts) == 1:  # one phase, as most charts: the frame copies its columns anyway
            return parts[0]
        return np.concatenate(parts) if parts else np.zeros(0)

    counts = {name: np.full(size, np.nan) for name in _COUNT_COLUMNS}
    runs_signal = np.zeros(size, dtype=bool)
    in_longest = np.zeros(size, dtype=bool)
    lopsided = result.lopsided or (False,) * len(result.spans)
    for span, runs, skewed in zip(result.spans, result.runs, lopsided, strict=True):
        for name in _COUNT_COLUMNS:
            value = getattr(runs, name)
            counts[name][span] = np.nan if value is None else value
        runs_signal[span] = runs.runs_signal and result.time_ordered and not skewed
        if runs.longest_run:
            in_longest[span] = runs.run_length == runs.longest_run
    y, ucl, lcl = joined("y"), joined("ucl"), joined("lcl")
    with np.errstate(invalid="ignore"):
        sigma = (y > ucl) | (y < lcl)
    return {
        "x": sub.x,
        "facet": np.full(size, sub.facet, dtype=object) if sub.facet is not None else np.full(size, None, dtype=object),
        "y": y,
        "numerator": sub.y_sum,
        "n": joined("n"),
        "cl": joined("cl"),
        "lcl": lcl,
        "ucl": ucl,
        "lcl_95": joined("lcl_95"),
        "ucl_95": joined("ucl_95"),
        "target": np.full(size, np.nan if target is None else target),
        "part": plan.part,
        "baseline": plan.baseline,
        "include": result.include,
        "notes": np.array(sub.notes, dtype=object),
        "runs_signal": runs_signal,
        "sigma_signal": sigma,
        "in_longest_run": in_longest,
        "signal": result.flagged,
        "signal_kind": result.kinds,
        "censored": sub.censored,
        "position": plan.position,
        **counts,
        "signal_rules": _object_array(result.rule_names),
    }


def _blocks(arrays: list[np.ndarray]) -> list[tuple[Any, np.ndarray]]:
    """The frame's blocks: the columns of each dtype stacked, with where they go.

    What pandas' constructors do, without their checks of every column: a report
    builds four hundred of these frames. Dates are wrapped as pandas would wrap them.
    """
    places: dict[np.dtype, list[int]] = {}
    for at, array in enumerate(arrays):
        places.setdefault(array.dtype, []).append(at)
    size = len(arrays[0])
    blocks = []
    for dtype, columns in places.items():
        if dtype.kind == "M" and len(columns) == 1:
            values: Any = _DatetimeArray._simple_new(arrays[columns[0]], dtype=dtype)
        else:  # the group's columns copied end to end in one go, seen as its rows
            values = np.concatenate([arrays[at] for at in columns]).reshape(len(columns), size)
        blocks.append((values, np.array(columns)))
    return blocks


def _object_array(items: list[Any]) -> np.ndarray:
    """A 1-d object array holding items as they are (tuples stay tuples)."""
    return np.fromiter(items, dtype=object, count=len(items))  # fromiter never looks inside


def points_frame(results: list[FacetAnalysis], *, target: float | None) -> pd.DataFrame:
    """The per-point frame with the columns POINT_COLUMNS."""
    return frame_of_points(point_columns(results, target=target))


def point_columns(results: list[FacetAnalysis], *, target: float | None) -> dict[str, np.ndarray] | None:
    """The columns of the points frame as arrays (target on every point), or None without facets."""
    columns = [_facet_columns(result, target) for result in results]
    if not columns:
        return None
    return {name: np.concatenate([facet[name] for facet in columns]) if len(columns) > 1 else columns[0][name]
            for name in POINT_COLUMNS}


def frame_of_points(merged: dict[str, np.ndarray] | None) -> pd.DataFrame:
    """The points frame of point_columns' arrays."""
    if merged is None:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in POINT_COLUMNS})
    index = pd.RangeIndex(len(merged["y"]))
    arrays = [merged[name] for name in POINT_COLUMNS]
    if _from_blocks is not None and all(type(array) is np.ndarray and array.dtype in _BLOCK_DTYPES
                                        for array in arrays):
        return _from_blocks(_blocks(arrays), index=index, columns=_COLUMN_INDEX)
    if hasattr(pd.DataFrame, "_from_arrays"):
        # Six times faster than the public constructor, which matters for the 2 ms budget of
        # one chart; it also keeps text columns as objects with None (no str inference).
        return pd.DataFrame._from_arrays(arrays, columns=_COLUMN_INDEX, index=index, verify_integrity=False)
    columns = {name: pd.Series(array, dtype=object if name in _OBJECT_COLUMNS else None, index=index, copy=False)
               for name, array in zip(POINT_COLUMNS, arrays, strict=True)}
    return pd.DataFrame(columns, columns=_COLUMN_INDEX, index=index, copy=False)
