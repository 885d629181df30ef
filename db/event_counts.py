"""Counts per period taken from registered events: one harm, one registration.

A rate or count with `counted_from` stores only its exposure per period; its
numerator is the number of the source indicator's events in each period. A
rate has a row for every period with an exposure entered or an event (a period
whose exposure is not entered yet has no denominator, so charts leave it out
until it is); a count has one for every period from its first entry or event
to its last, empty periods counting 0.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from db.column_frames import frame_of_columns

_COLUMNS = pd.Index(("date", "numerator", "denominator", "value"))  # an entries series
# 1970-01-01 was a Thursday: days since then plus 3, modulo 7, is the weekday (Monday 0).
_EPOCH_WEEKDAY_SHIFT = 3


def period_starts(days: np.ndarray, period: str) -> np.ndarray:
    """Return the first day of the period ("day", "week", "month") each day falls in."""
    days = np.asarray(days, dtype="datetime64[D]")
    if period == "day":
        return days
    if period == "week":
        offsets = (days.astype(np.int64) + _EPOCH_WEEKDAY_SHIFT) % 7
        return days - offsets.astype("timedelta64[D]")
    if period == "month":
        return days.astype("datetime64[M]").astype("datetime64[D]")
    raise ValueError(f"unknown period {period!r}; expected day, week or month")


def counted_numerators(entry_days: np.ndarray, event_days: np.ndarray, *, measure: str,
                       period: str, since: date | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Return the periods to chart and the event count in each (datetime64[D], float).

    entry_days are the period starts of the entered exposures; event_days the days
    of the source indicator's events. since: the read's window; a period starting
    before it is counted only when its exposure was read (a frozen baseline), since
    a period cut by the window would be counted short.
    """
    entry_days = np.asarray(entry_days, dtype="datetime64[D]")
    event_starts = period_starts(event_days, period)
    if since is not None and len(event_starts):
        event_starts = event_starts[(event_starts >= np.datetime64(since, "D"))
                                    | np.isin(event_starts, entry_days)]
    starts, counts = np.unique(event_starts, return_counts=True)
    if measure == "count":
        known = np.union1d(entry_days, starts)
        periods = _every_period(known, period) if len(known) else known
    else:
        periods = np.union1d(entry_days, starts)
    position = np.searchsorted(starts, periods)
    found = (position < len(starts)) & (starts[np.minimum(position, len(starts) - 1)] == periods
                                        if len(starts) else np.zeros(len(periods), dtype=bool))
    numerators = np.zeros(len(periods))
    numerators[found] = counts[position[found]]
    return periods, numerators


def counted_series(series: pd.DataFrame, event_days: np.ndarray, *, measure: str,
                   period: str, since: date | None = None) -> pd.DataFrame:
    """Return an entries series whose numerator is the count of events in each period.

    series holds at most one row per period (entries are stored so).
    """
    entry_days = np.array(series["date"].tolist(), dtype="datetime64[D]")
    periods, numerators = counted_numerators(entry_days, event_days, measure=measure,
                                             period=period, since=since)
    # Each period's entered row, if any, found with numpy: a board has several such
    # series, and a pandas reindex of each costs more than the counting.
    order = np.argsort(entry_days, kind="stable")
    position = np.minimum(np.searchsorted(entry_days, periods, sorter=order),
                          max(len(entry_days) - 1, 0))
    row = order[position] if len(entry_days) else position
    entered = (entry_days[row] == periods) if len(entry_days) else np.zeros(len(periods), bool)

    def entered_figures(name: str) -> np.ndarray:
        figures = np.full(len(periods), np.nan)
        figures[entered] = series[name].to_numpy(dtype=float)[row[entered]]
        return figures

    return frame_of_columns([periods.astype(object), numerators, entered_figures("denominator"),
                             entered_figures("value")], _COLUMNS)


def _every_period(known: np.ndarray, period: str) -> np.ndarray:
    """Return every period start from the first known to the last known, in order."""
    first, last = known.min(), known.max()
    if period == "month":
        months = np.arange(first.astype("datetime64[M]"), last.astype("datetime64[M]") + 1)
        return months.astype("datetime64[D]")
    step = 7 if period == "week" else 1
    return np.arange(first, last + 1, step).astype("datetime64[D]")
