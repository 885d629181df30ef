"""The axes of a chart and how its values print: positions, domains, ticks, titles.

Part of the geometry that screen and paper share (see reports.drawing.chart_geometry).
x positions are numbers: days since 1970-01-01 for dates, so both renderers
place dates with the same arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from indicators import ChartModel
from reports.drawing.axis_ticks import date_ticks, number_ticks, tick_decimals
from reports.drawing.point_columns import point_column
from reports.wording.formats import format_axis_date, format_number, percent_suffix

EPOCH = pd.Timestamp("1970-01-01")
DAY = pd.Timedelta(days=1)
EPOCH_DATE = date(1970, 1, 1)
NANOSECONDS_PER_DAY = 86_400e9
NANOSECOND_DATES = np.dtype("datetime64[ns]")
ZERO_BASED_CHARTS = frozenset({"c", "u", "g", "t", "mr", "s"})  # counts, rates, days: from 0
SHARE_CHARTS = frozenset({"p", "pp"})
# Period of the data from the median distance between points, in days.
PERIOD_UNITS = (("day", 0, 1.5), ("week", 6, 8), ("month", 27, 32), ("quarter", 88, 93),
                ("year", 360, 370))
Y_TITLES: dict[str, tuple[str, str]] = {
    "share": ("Andel", "Share"),
    "g": ("Dage mellem hændelser", "Days between events"),
    "t": ("Dage mellem hændelser", "Days between events"),
    "c": ("Antal", "Count"),
    "u": ("Rate", "Rate"),
    "xbar": ("Gennemsnit", "Average"),
    "s": ("Standardafvigelse", "Standard deviation"),
    "mr": ("Forskel fra forrige punkt", "Moving range"),
}
# A goal beyond the data by more than this many times the data's own span would squeeze
# the data into a strip along one edge (300 days over falls 0-20 days apart): the axis then
# shows the data and the goal is said in words under the plot.
TARGET_SQUEEZE = 3.0
TARGET_OFF_SCALE: dict[str, tuple[str, str]] = {
    "above": ("Mål: {value} (over diagrammets top)", "Goal: {value} (above the top of the chart)"),
    "below": ("Mål: {value} (under diagrammets bund)", "Goal: {value} (below the bottom of the chart)"),
}
X_TITLES: dict[str, tuple[str, str]] = {
    "day": ("Dato", "Date"), "week": ("Uge", "Week"), "month": ("Måned", "Month"),
    "quarter": ("Kvartal", "Quarter"), "year": ("År", "Year"), "event": ("Hændelsesdato", "Date of event"),
    "number": ("Nr.", "No."),
}


@dataclass(frozen=True)
class ValueStyle:
    """How the chart's y values are printed: as shares in percent or as plain numbers."""

    percent: bool
    factor: float  # multiply by this before printing: 100 for shares kept as 0-1
    tick_decimals: int
    value_decimals: int
    suffix: str  # " %" (no-break space) in Danish, "%" in English, "" for numbers

    def tick(self, value: float, language: str) -> str:
        """Return an axis tick label."""
        return format_number(value * self.factor, language=language, decimals=self.tick_decimals) + self.suffix

    def value(self, value: float, language: str) -> str:
        """Return a plotted value for a label or a tooltip."""
        text = format_number(value * self.factor, language=language, decimals=self.value_decimals)
        return text if text == "–" else text + self.suffix

    def line(self, value: float, language: str) -> str:
        """Return a centre line, limit or target value for its end label.

        Points of whole counts print without decimals, but a line through them need
        not be whole: a mean of 0,33 errors a month must not print as 0. Three figures
        are as many as a reader uses: 58,9 and 237 days, not 237,09.
        """
        if self.value_decimals == 0 and not self.percent:
            scaled = abs(value * self.factor)
            decimals = 0 if scaled >= 100 else 1 if scaled >= 10 else 2
            return format_number(value * self.factor, language=language, max_decimals=decimals)
        return self.value(value, language)


@dataclass(frozen=True)
class Axis:
    """An axis: its domain, its ticks with printed labels, and its title."""

    domain: tuple[float, float]
    ticks: tuple[tuple[float, str], ...]
    title: str
    unit: str | None = None  # x axis of dates: day, week, month or year between ticks


def x_ticks_for_columns(columns: int) -> int:
    """Return how many x ticks fit under one panel when panels stand columns abreast."""
    return max(3, round(8 / max(columns, 1)))


def x_positions(x: pd.Series | np.ndarray) -> tuple[str, np.ndarray, tuple[str, ...]]:
    """Return the kind of x and each x as a number: days since 1970 for dates.

    x: the column, or its numpy array of plain dates or numbers (see x_column).
    """
    if isinstance(x, np.ndarray) and x.dtype.kind in "fiu":
        return "number", np.asarray(x, dtype=float), ()
    if pd.api.types.is_datetime64_any_dtype(x):
        # A chart's own column is plain datetime64[ns]: no conversion, no copy.
        # Only a plain column's values: a zoned one's .values is deprecated (pandas 3.1).
        stored = x if isinstance(x, np.ndarray) else x.values if x.dtype == NANOSECOND_DATES else None
        if not (isinstance(stored, np.ndarray) and stored.dtype == NANOSECOND_DATES):
            stored = (x.astype(NANOSECOND_DATES) if isinstance(x, np.ndarray)
                      else x.to_numpy(dtype=NANOSECOND_DATES))
        nanoseconds = stored.astype("int64").astype(float)
        nanoseconds[np.isnat(stored)] = math.nan
        return "date", nanoseconds / NANOSECONDS_PER_DAY, ()
    if pd.api.types.is_numeric_dtype(x):
        return "number", x.to_numpy(dtype=float), ()
    categories = tuple(dict.fromkeys(str(v) for v in x))
    return "category", np.array([categories.index(str(v)) for v in x], dtype=float), categories


def x_column(frame: pd.DataFrame) -> pd.Series | np.ndarray:
    """Return the points' x for x_positions: its numpy array when that is plain dates or numbers.

    A report's 400 charts would each make a Series of x; the appendix reads the array anyway.
    Anything else (dates with a time zone, categories) goes as the Series it is.
    """
    column = point_column(frame, "x")
    return column if column.dtype.kind in "Mfiu" else frame["x"]


def annotation_position(x: object, x_kind: str, categories: tuple[str, ...]) -> float:
    """Return an annotation's x as a position on the chart's x axis."""
    if x_kind == "date":
        return (pd.Timestamp(x) - EPOCH) / DAY
    if x_kind == "category":
        return float(categories.index(str(x))) if str(x) in categories else math.nan
    return float(x)


def median_spacing(positions: np.ndarray) -> float:
    """Return the median distance between neighbouring x positions (1 when there is none)."""
    finite = positions[np.isfinite(positions)]
    steps = np.diff(finite)
    if not (steps > 0).all():  # out of order or repeated: the distinct positions, in order
        steps = np.diff(np.unique(finite))
    # (A chart's x rises point by point, and np.unique costs some 30 µs a chart.)
    gaps = np.sort(steps)
    if not len(gaps):
        return 1.0
    # np.median's own arithmetic (the middle gap, or the mean of the middle two) without
    # its overhead, which a report pays 400 times.
    middle = len(gaps) // 2
    return float(gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2)


def infer_period_unit(spacing_days: float) -> str:
    """Return the period the data is kept in (day, week, month ...) from its spacing."""
    for unit, low, high in PERIOD_UNITS:
        if low <= spacing_days <= high:
            return unit
    return "event"  # irregular, e.g. the dates of events on a days-between chart


def value_style(model: ChartModel, y: np.ndarray, line_values: dict[str, np.ndarray], *,
                percent: bool | None, language: str) -> ValueStyle:
    """Return how values print: shares as percent, counts without decimals."""
    if percent is None:
        percent = is_share(model)
    factor = 100.0 if percent and model.multiply == 1 else 1.0
    finite = np.concatenate([y, *line_values.values()])
    finite = finite[np.isfinite(finite)] * factor
    span = float(finite.max() - finite.min()) if len(finite) else 1.0
    y_finite = y[np.isfinite(y)] * factor
    whole = len(y_finite) > 0 and _all_close(y_finite, np.round(y_finite))
    ticks = number_ticks(0.0, span or 1.0, 5, whole=whole and not percent)
    decimals = tick_decimals(ticks[1] - ticks[0]) if len(ticks) > 1 else 0
    suffix = percent_suffix(language) if percent else ""
    return ValueStyle(percent, factor, decimals, 0 if whole else min(decimals + 1, 3), suffix)


def _all_close(values: np.ndarray, nearest: np.ndarray) -> bool:
    """Return np.all(np.isclose(values, nearest)) for finite arrays, without its overhead."""
    # np.isclose's own test with its default tolerances (rtol 1e-05, atol 1e-08).
    return bool(np.all(np.abs(values - nearest) <= 1e-08 + 1e-05 * np.abs(nearest)))


def is_share(model: ChartModel) -> bool:
    """Return True when y is a share of a whole: P charts, or run charts of numerator/n."""
    if model.chart in SHARE_CHARTS:
        return True
    if model.chart != "run" or model.multiply not in (1, 100):
        return False
    frame = model.points
    numerator, n, y = (np.asarray(point_column(frame, c), dtype=float) for c in ("numerator", "n", "y"))
    usable = np.isfinite(y) & np.isfinite(n) & (n > 0)
    return bool(usable.any()) and bool(
        np.all(numerator[usable] <= n[usable])
        and np.allclose(y[usable], numerator[usable] / n[usable] * model.multiply)
    )


def x_axis_for(positions, spacing, annotation_positions, x_kind, categories, period_unit,
               chart, language, max_ticks, title) -> Axis:
    """Return the x axis: half a period of air at each end, dated ticks in the language."""
    known = [p for p in [*positions, *annotation_positions] if math.isfinite(p)]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    domain = (low - spacing / 2, high + spacing / 2)
    if x_kind == "date":
        first, last = (EPOCH_DATE + timedelta(days=math.floor(v)) for v in (low, high))
        unit, tick_dates = date_ticks(first, last, max_ticks=max_ticks)
        ticks = tuple((float((d - EPOCH_DATE).days), format_axis_date(d, unit=unit, language=language))
                      for d in tick_dates)
        words = X_TITLES["event" if chart in ("g", "t") else period_unit or "day"]
    elif x_kind == "category":
        step = max(1, math.ceil(len(categories) / max_ticks))
        ticks = tuple((float(i), categories[i]) for i in range(0, len(categories), step))
        unit, words = None, ("", "")
    else:
        values = number_ticks(low, high, max_ticks)
        decimals = tick_decimals(values[1] - values[0]) if len(values) > 1 else 0
        ticks = tuple((v, format_number(v, language=language, decimals=decimals))
                      for v in values if domain[0] <= v <= domain[1])
        unit, words = None, X_TITLES["number"]
    return Axis(domain, ticks, title if title is not None else pick(words, language), unit)


def target_off_scale(model: ChartModel, y: np.ndarray, line_values: dict[str, np.ndarray]) -> str | None:
    """Return "above" or "below" when the goal lies too far beyond the data to share its axis."""
    target = model.target
    if target is None or not math.isfinite(target):
        return None
    data = np.concatenate([y, *(v for k, v in line_values.items() if k != "target")])
    data = data[np.isfinite(data)]
    if not len(data):
        return None
    low, high = float(data.min()), float(data.max())
    if model.chart in ZERO_BASED_CHARTS:
        low = min(low, 0.0)
    span = (high - low) or abs(high) or 1.0
    if target > high and target - low > TARGET_SQUEEZE * span:
        return "above"
    if target < low and high - target > TARGET_SQUEEZE * span:
        return "below"
    return None


def y_axis_for(model, y, line_values, values: ValueStyle, language, tick_count, title, *,
               show_target: bool = True) -> Axis:
    """Return the y axis: round ticks that hold every point, line and (when shown) the target."""
    finite = np.concatenate([y, *line_values.values()])
    finite = finite[np.isfinite(finite)]
    if show_target and model.target is not None and math.isfinite(model.target):
        finite = np.append(finite, model.target)
    low, high = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    if model.chart in ZERO_BASED_CHARTS or (values.percent and low >= 0):
        low = min(low, 0.0) if model.chart in ZERO_BASED_CHARTS or low < 0.35 * high else low
    if high == low:
        high, low = high + max(abs(high) * 0.1, 1.0), low - (0.0 if low == 0 else max(abs(low) * 0.1, 1.0))
    whole = values.value_decimals == 0 and not values.percent
    ticks = number_ticks(low * values.factor, high * values.factor, tick_count, whole=whole)
    if values.percent:  # a share never goes beyond 0 % and 100 %
        ticks = [t for t in ticks if 0 <= t <= 100] or ticks
    ticks = [t / values.factor for t in ticks]
    domain = (min(ticks[0], low), max(ticks[-1], high))
    if values.percent and title is not None and title.strip() == "%":
        title = None  # a bare "%" on its own says less than the "Andel (%)" it stands for
    if title is None:
        key = "share" if values.percent else model.chart
        title = pick(Y_TITLES.get(key, ("Værdi", "Value")), language)
        title = f"{title} ({values.suffix.strip()})" if values.percent else title
    return Axis(domain, tuple((t, values.tick(t, language)) for t in ticks), title)


def x_title_for(measure: str, language: str) -> str | None:
    """Return the x axis title an indicator's measure calls for, None to let the spacing decide.

    Days between events are dated by the events: monthly-looking gaps still are not months.
    """
    return pick(X_TITLES["event"], language) if measure == "events" else None


def pick(words: tuple[str, str], language: str) -> str:
    """Return the Danish or the English of a (da, en) pair."""
    return words[1] if language == "en" else words[0]
