"""From recorded entries to chart input per day, ISO week or month.

An entries frame has the columns `date` (datetime.date), `numerator`, `denominator`
and `value` (floats or NaN), as the storage layer hands them over. Per measure:
- proportion: numerators and denominators summed per period (23 of 25 triaged);
- rate: counts and exposure (e.g. bed-days) summed per period; the chart multiplies
  (1000: per 1000 bed-days);
- count: numerators summed per period;
- measurement: the mean of the values of the period.
Every period between the first and the last (or the given start and end) gets a
row; a period without entries is missing (NaN), never silently zero.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from indicators.errors import InvalidDataError, InvalidOptionError, MissingColumnError
from indicators.frame_columns import column_values
from indicators.periods import check_period, period_days, period_start_days

ENTRY_MEASURES: tuple[str, ...] = ("proportion", "rate", "count", "measurement")
# A column of chart input: the periods' first days, or figures.
ChartColumn = pd.DatetimeIndex | np.ndarray
_NEEDS = {
    "proportion": ("numerator", "denominator"),
    "rate": ("numerator", "denominator"),
    "count": ("numerator",),
    "measurement": ("value",),
}


def entry_series(entries: pd.DataFrame, *, measure: str, period: str = "month",
                 start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Chart input for one indicator's entries: `x` (first day of the period), `y`, and
    `n` for proportions and rates."""
    return pd.DataFrame(entry_columns(entries, measure=measure, period=period, start=start,
                                      end=end))


def entry_columns(entries: pd.DataFrame, *, measure: str, period: str = "month",
                  start: date | None = None, end: date | None = None) -> dict[str, ChartColumn]:
    """entry_series as its columns, for a caller that needs no frame (indicator_chart)."""
    check_period(period)
    if measure not in _NEEDS:
        listed = ", ".join(ENTRY_MEASURES)
        raise InvalidOptionError(
            f"Ugyldig værdi for measure: {measure!r}. Vælg en af {listed}.",
            f"Invalid value for measure: {measure!r}. Choose one of {listed}.",
        )
    needed = ("date", *_NEEDS[measure])
    missing = [column for column in needed if column not in entries.columns]
    if missing:
        raise MissingColumnError(
            f"Registreringerne mangler kolonnen '{missing[0]}'.",
            f"The entries have no column '{missing[0]}'.",
        )
    values = {column: _numbers(entries, column) for column in _NEEDS[measure]}
    periods_of_rows = period_start_days(column_values(entries, "date"), period)
    if measure in ("proportion", "rate"):
        numerator, denominator = values["numerator"], values["denominator"]
        complete = ~np.isnan(numerator) & ~np.isnan(denominator)
        if (denominator[complete] <= 0).any() or (numerator[complete] < 0).any():
            raise InvalidDataError(
                "En registrering har en nævner på 0 eller derunder, eller en negativ tæller.",
                "An entry has a denominator of 0 or less, or a negative numerator.",
            )
        if measure == "proportion" and (numerator[complete] > denominator[complete]).any():
            raise InvalidDataError(
                "En registrering har flere i tælleren end i nævneren.",
                "An entry has a numerator larger than its denominator.",
            )
    else:
        complete = ~np.isnan(values[_NEEDS[measure][0]])
    periods_of_rows = periods_of_rows[complete]
    values = {column: figures[complete] for column, figures in values.items()}

    if not len(periods_of_rows) and (start is None or end is None):
        columns = {"x": pd.DatetimeIndex([]), "y": np.zeros(0)}
        return {**columns, "n": np.zeros(0)} if measure in ("proportion", "rate") else columns
    days = period_days(start if start is not None else periods_of_rows.min(),
                       end if end is not None else periods_of_rows.max(), period)
    periods = days.astype("datetime64[ns]")  # what period_range holds, without the index
    # Position of each row's period in the range; rows outside the range are left out.
    slots = np.searchsorted(days, periods_of_rows)
    inside = (slots < len(periods)) & (periods_of_rows >= days[0])
    slots = slots[inside]
    rows_per_period = np.bincount(slots, minlength=len(periods)).astype(float)
    empty = rows_per_period == 0

    def summed(figures: np.ndarray) -> np.ndarray:
        totals = np.bincount(slots, weights=figures[inside], minlength=len(periods))
        return np.where(empty, np.nan, totals)

    if measure == "measurement":
        with np.errstate(invalid="ignore", divide="ignore"):
            y = summed(values["value"]) / rows_per_period
        return {"x": periods, "y": y}
    y = summed(values["numerator"])
    if measure == "count":
        return {"x": periods, "y": y}
    return {"x": periods, "y": y, "n": summed(values["denominator"])}


def _numbers(entries: pd.DataFrame, column: str) -> np.ndarray:
    """The entries' column as floats, NaN where a value is missing or not a number."""
    values = column_values(entries, column)
    if values.dtype.kind == "f":
        return np.asarray(values, dtype=float)
    return pd.to_numeric(entries[column], errors="coerce").to_numpy(dtype=float)
