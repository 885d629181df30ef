"""From a log of events (dates) to chart input: days between events, or counts per period.

Days between: each event after the first is one point, the days since the previous
event, plotted at the event's date. The open interval since the last event up to
`today` is added as a censored point: shown, never used for the centre line or the
limits, and a signal now when it already exceeds the upper limit. `today` is always
passed in; the core never reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from indicators.errors import InvalidDataError, MissingColumnError
from indicators.frame_columns import column_values
from indicators.periods import as_day, check_period, period_range, period_start_days


def _event_days(events: pd.DataFrame | Sequence[date]) -> tuple[np.ndarray, list[str | None]]:
    """Event days (datetime64[D]) in date order with their notes (None where there is none)."""
    days = _unordered_days(events)
    if isinstance(events, pd.DataFrame) and "note" in events.columns:
        notes = list(column_values(events, "note"))
    else:
        notes = [None] * len(days)
    order = np.argsort(days, kind="stable")
    notes = [None if note is None or (isinstance(note, float) and np.isnan(note)) else str(note)
             for note in (notes[k] for k in order)]
    return days[order], notes


def _unordered_days(events: pd.DataFrame | Sequence[date]) -> np.ndarray:
    """Event days (datetime64[D]) as given; refuse a missing date or a frame without dates."""
    if isinstance(events, pd.DataFrame):
        if "date" not in events.columns:
            raise MissingColumnError(
                "Hændelserne mangler kolonnen 'date'.",
                "The events have no column 'date'.",
            )
        days = period_start_days(column_values(events, "date"), "day")
        if np.isnat(days).any():  # a missing date (None, NaN, NaT) is read as NaT
            raise InvalidDataError("En hændelse mangler sin dato.", "An event has no date.")
        return days
    listed = list(events)
    if any(day is None or (not isinstance(day, date) and pd.isna(day)) for day in listed):
        raise InvalidDataError("En hændelse mangler sin dato.", "An event has no date.")
    return period_start_days(listed, "day") if listed else np.zeros(0, "datetime64[D]")


def days_between_events(events: pd.DataFrame | Sequence[date], *, today: date | None = None) -> pd.DataFrame:
    """Chart input of the days between consecutive events, plus the open interval up to today.

    Returns the columns `x` (date of the event that ends the interval), `y` (days),
    `notes` and `censored` (True only for the open interval, added when today is after
    the last event).
    """
    columns = days_between_columns(events, today=today)
    # object, so a missing note stays None (pandas would make it a string column)
    return pd.DataFrame({**columns, "notes": pd.Series(columns["notes"], dtype=object)})


def days_between_columns(events: pd.DataFrame | Sequence[date], *,
                         today: date | None = None) -> dict[str, np.ndarray]:
    """days_between_events as its columns, for a caller that needs no frame (indicator_chart)."""
    days, notes = _event_days(events)
    x = days[1:]
    gaps = np.diff(days).astype(np.int64).astype(float)
    notes = notes[1:]
    censored = np.zeros(len(gaps), dtype=bool)
    if today is not None and len(days):
        today_day = as_day(today)
        last = days[-1]
        if today_day < last:
            raise InvalidDataError(
                f"I dag ({pd.Timestamp(today_day):%d-%m-%Y}) ligger før den seneste hændelse "
                f"({pd.Timestamp(last):%d-%m-%Y}).",
                f"Today ({pd.Timestamp(today_day):%Y-%m-%d}) is before the latest event "
                f"({pd.Timestamp(last):%Y-%m-%d}).",
            )
        if today_day > last:
            x = np.append(x, today_day)
            gaps = np.append(gaps, float((today_day - last).astype(np.int64)))
            notes = [*notes, None]
            censored = np.append(censored, True)
    note_column = np.empty(len(notes), dtype=object)
    note_column[:] = notes
    return {"x": x.astype("datetime64[ns]"), "y": gaps, "notes": note_column, "censored": censored}


def days_since_last_event(events: pd.DataFrame | Sequence[date], *, today: date) -> int | None:
    """Days from the latest event to today (the board's "days since"), None without events."""
    days = _unordered_days(events)  # only the latest counts: no notes, no sorting
    if not len(days):
        return None
    return int((as_day(today) - days.max()).astype(np.int64))


def days_without_events(measuring_since: np.ndarray, *, today: date) -> np.ndarray:
    """Days from each measurement start to today ("N dage uden tryksår" while none happened).

    measuring_since is datetime64[D]; NaT (start unknown) and a start after today give NaN.
    Read only where a unit has no event: the board and the overview take it from here.
    """
    starts = np.asarray(measuring_since, dtype="datetime64[D]")
    days = (as_day(today) - starts).astype(float)
    days[np.isnat(starts) | (days < 0)] = np.nan
    return days


def event_counts(events: pd.DataFrame | Sequence[date], *, period: str = "month",
                 start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Chart input of the number of events in every period from start to end (zero where none).

    start defaults to the first event's period and end to the last event's; pass
    end=today to count the current period too.
    """
    check_period(period)
    days, _ = _event_days(events)
    if not len(days) and (start is None or end is None):
        return pd.DataFrame({"x": pd.DatetimeIndex([]), "y": np.zeros(0)})
    first = pd.Timestamp(start) if start is not None else pd.Timestamp(days[0])
    last = pd.Timestamp(end) if end is not None else pd.Timestamp(days[-1])
    periods = period_range(first, last, period)
    starts = period_start_days(days, period)
    slots = np.searchsorted(periods.to_numpy().astype("datetime64[D]"), starts)
    inside = (slots < len(periods)) & (starts >= np.datetime64(periods[0].date()))
    counts = np.bincount(slots[inside], minlength=len(periods)).astype(float)
    return pd.DataFrame({"x": periods, "y": counts})
