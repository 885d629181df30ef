"""Turn what a caller hands the engine into one tidy set of chart-input arrays.

The input has `x, y, n, notes, facet, censored`, one entry per observation
(several entries may share an x; they are aggregated later).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from indicators.errors import InvalidDataError, MissingColumnError, NonNumericValueError

XKind = Literal["number", "date", "category"]


@dataclass(frozen=True)
class ChartInput:
    """Observations as equally long arrays, before aggregation per x."""

    x: np.ndarray
    y: np.ndarray
    n: np.ndarray
    notes: np.ndarray
    facet: np.ndarray
    censored: np.ndarray
    x_kind: XKind
    has_n: bool


def _numeric(values: pd.Series, column: str) -> np.ndarray:
    """Return values as floats (missing and infinite as NaN), refusing text."""
    if values.dtype.kind in "fiu":
        numbers = values.to_numpy(dtype=float, copy=True)
        numbers[~np.isfinite(numbers)] = np.nan
        return numbers
    if pd.api.types.is_bool_dtype(values):
        values = values.astype(float)
    if not pd.api.types.is_numeric_dtype(values):
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna() & values.notna() & (values.astype(str).str.strip() != "")
        if bad.any():
            position = int(np.flatnonzero(bad.to_numpy())[0])
            text = values.iloc[position]
            raise NonNumericValueError(
                f"Kolonnen '{column}' skal indeholde tal, men række {position + 1} indeholder {text!r}.",
                f"Column '{column}' must hold numbers, but row {position + 1} holds {text!r}.",
            )
        values = converted
    numbers = np.array(values.to_numpy(dtype=float, na_value=np.nan), dtype=float, copy=True)
    numbers[~np.isfinite(numbers)] = np.nan  # an infinite value is no observation
    return numbers


def x_kind(x: pd.Series) -> XKind:
    """Say whether x holds numbers, dates or categories (which only get dots)."""
    if pd.api.types.is_datetime64_any_dtype(x):
        return "date"
    if pd.api.types.is_numeric_dtype(x) and not pd.api.types.is_bool_dtype(x):
        return "number"
    present = x.dropna()
    if len(present) and all(isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "isoformat")
                            for value in present):
        return "date"
    return "category"


def chart_input(data: pd.DataFrame | pd.Series | Sequence[float] | np.ndarray) -> ChartInput:
    """Return the chart input for data: a frame with `y` (and optionally `x, n, notes,
    facet, censored`), a series indexed by x, or a plain sequence of values."""
    if isinstance(data, pd.DataFrame):
        if "y" not in data.columns:
            raise MissingColumnError(
                "Data mangler kolonnen 'y' med de værdier, der skal vises.",
                "The data has no column 'y' holding the values to chart.",
            )
        frame = data
        x = frame["x"] if "x" in frame.columns else pd.Series(np.arange(1, len(frame) + 1), index=frame.index)
        y = frame["y"]
    elif isinstance(data, pd.Series):
        frame = None
        y = data
        if isinstance(data.index, pd.RangeIndex):
            x = pd.Series(np.arange(1, len(data) + 1), index=data.index)
        else:
            x = pd.Series(data.index, index=data.index)
    else:
        try:
            values = np.asarray(data, dtype=object).ravel()
        except (TypeError, ValueError) as error:
            raise InvalidDataError(
                "Data skal være en tabel, en serie eller en liste af tal.",
                "Data must be a table, a series or a list of numbers.",
            ) from error
        frame = None
        y = pd.Series(values)
        x = pd.Series(np.arange(1, len(values) + 1))

    kind = x_kind(x)
    if kind == "date" and not pd.api.types.is_datetime64_any_dtype(x):
        x = pd.to_datetime(x)
    if kind == "date" and isinstance(x.dtype, pd.DatetimeTZDtype):
        x = x.dt.tz_localize(None)

    count = len(y)

    def optional(column: str, default: object) -> np.ndarray:
        if frame is not None and column in frame.columns:
            return frame[column].to_numpy(dtype=object)
        return np.full(count, default, dtype=object)

    has_n = frame is not None and "n" in frame.columns
    censored = optional("censored", False)
    return ChartInput(
        x=x.to_numpy(),
        y=_numeric(y, "y"),
        n=_numeric(frame["n"], "n") if has_n else np.full(count, np.nan),
        notes=optional("notes", None),
        facet=optional("facet", None),
        censored=np.array([bool(value) if value is not None and value == value else False for value in censored],
                          dtype=bool) if frame is not None and "censored" in frame.columns
        else np.zeros(count, dtype=bool),
        x_kind=kind,
        has_n=has_n,
    )


def dated_input(columns: Mapping[str, np.ndarray | pd.DatetimeIndex]) -> ChartInput:
    """Return what chart_input gives for a frame of these columns, without the frame.

    The columns are what indicator_chart builds: `x` (dates), `y` and optionally `n`
    (floats), `notes` (objects) and `censored` (booleans). A board charts hundreds of
    series; building and reading a frame for each costs more than analysing it.
    """
    x = np.asarray(columns["x"])
    count = len(x)
    has_n = "n" in columns
    return ChartInput(
        x=x,
        y=_finite(columns["y"]),
        n=_finite(columns["n"]) if has_n else np.full(count, np.nan),
        notes=(np.asarray(columns["notes"], dtype=object) if "notes" in columns
               else np.full(count, None, dtype=object)),
        facet=np.full(count, None, dtype=object),
        censored=(np.asarray(columns["censored"], dtype=bool) if "censored" in columns
                  else np.zeros(count, dtype=bool)),
        x_kind="date",
        has_n=has_n,
    )


def _finite(values: np.ndarray) -> np.ndarray:
    """Return a copy of float values with infinite ones as NaN, as _numeric does."""
    numbers = np.array(values, dtype=float, copy=True)
    numbers[~np.isfinite(numbers)] = np.nan
    return numbers
