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
from indicators.periods import check_period, period_range, period_starts

ENTRY_MEASURES: tuple[str, ...] = ("proportion", "rate", "count", "measurement")
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
    values = {column: pd.to_numeric(entries[column], errors="coerce").to_numpy(dtype=float)
              for column in _NEEDS[measure]}
    frame = pd.DataFrame({"period": period_starts(entries["date"], period), **values})
    if measure in ("proportion", "rate"):
        complete = frame["numerator"].notna() & frame["denominator"].notna()
        frame = frame[complete]
        if (frame["denominator"] <= 0).any() or (frame["numerator"] < 0).any():
            raise InvalidDataError(
                "En registrering har en nævner på 0 eller derunder, eller en negativ tæller.",
                "An entry has a denominator of 0 or less, or a negative numerator.",
            )
        if measure == "proportion" and (frame["numerator"] > frame["denominator"]).any():
            raise InvalidDataError(
                "En registrering har flere i tælleren end i nævneren.",
                "An entry has a numerator larger than its denominator.",
            )
    else:
        frame = frame[frame[_NEEDS[measure][0]].notna()]

    if frame.empty and (start is None or end is None):
        columns = {"x": pd.DatetimeIndex([]), "y": np.zeros(0)}
        return pd.DataFrame({**columns, "n": np.zeros(0)} if measure in ("proportion", "rate") else columns)
    first = pd.Timestamp(start) if start is not None else frame["period"].min()
    last = pd.Timestamp(end) if end is not None else frame["period"].max()
    periods = period_range(first, last, period)
    grouped = frame.groupby("period")
    if measure == "measurement":
        y = grouped["value"].mean().reindex(periods)
        return pd.DataFrame({"x": periods, "y": y.to_numpy(dtype=float)})
    y = grouped["numerator"].sum().reindex(periods)
    if measure == "count":
        return pd.DataFrame({"x": periods, "y": y.to_numpy(dtype=float)})
    n = grouped["denominator"].sum().reindex(periods)
    return pd.DataFrame({"x": periods, "y": y.to_numpy(dtype=float), "n": n.to_numpy(dtype=float)})
