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
from indicators.periods import check_period, period_range, period_starts


def _event_frame(events: pd.DataFrame | Sequence[date]) -> pd.DataFrame:
    """Events as a frame with `date` (Timestamp) and `note`, in date order."""
    if isinstance(events, pd.DataFrame):
        if "date" not in events.columns:
            raise MissingColumnError(
                "Hændelserne mangler kolonnen 'date'.",
                "The events have no column 'date'.",
            )
        frame = pd.DataFrame({
            "date": pd.to_datetime(events["date"]),
            "note": events["note"].astype(object) if "note" in events.columns else None,
        })
    else:
        frame = pd.DataFrame({"date": pd.to_datetime(pd.Series(list(events), dtype=object)), "note": None})
    if frame["date"].isna().any():
        raise InvalidDataError("En hændelse mangler sin dato.", "An event has no date.")
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    frame["note"] = pd.Series([None if pd.isna(note) else str(note) for note in frame["note"]], dtype=object)
    return frame


def days_between_events(events: pd.DataFrame | Sequence[date], *, today: date | None = None) -> pd.DataFrame:
    """Chart input of the days between consecutive events, plus the open interval up to today.

    Returns the columns `x` (date of the event that ends the interval), `y` (days),
    `notes` and `censored` (True only for the open interval, added when today is after
    the last event).
    """
    frame = _event_frame(events)
    dates = pd.DatetimeIndex(frame["date"])
    x = list(dates[1:])
    days = [float(day) for day in np.diff(dates.to_numpy()).astype("timedelta64[D]").astype(int)]
    notes = list(frame["note"].iloc[1:])
    censored = [False] * len(days)
    if today is not None and len(dates):
        today_stamp = pd.Timestamp(today).normalize()
        last = dates[-1]
        if today_stamp < last:
            raise InvalidDataError(
                f"I dag ({today_stamp:%d-%m-%Y}) ligger før den seneste hændelse ({last:%d-%m-%Y}).",
                f"Today ({today_stamp:%Y-%m-%d}) is before the latest event ({last:%Y-%m-%d}).",
            )
        if today_stamp > last:
            x.append(today_stamp)
            days.append(float((today_stamp - last).days))
            notes.append(None)
            censored.append(True)
    result = pd.DataFrame({"x": pd.DatetimeIndex(x), "y": np.array(days, dtype=float),
                           "censored": np.array(censored, dtype=bool)})
    result["notes"] = pd.Series(notes, dtype=object)  # object, so a missing note stays None
    return result[["x", "y", "notes", "censored"]]


def days_since_last_event(events: pd.DataFrame | Sequence[date], *, today: date) -> int | None:
    """Days from the latest event to today (the board's "days since"), None without events."""
    frame = _event_frame(events)
    if frame.empty:
        return None
    return int((pd.Timestamp(today).normalize() - frame["date"].iloc[-1]).days)


def event_counts(events: pd.DataFrame | Sequence[date], *, period: str = "month",
                 start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Chart input of the number of events in every period from start to end (zero where none).

    start defaults to the first event's period and end to the last event's; pass
    end=today to count the current period too.
    """
    check_period(period)
    frame = _event_frame(events)
    if frame.empty and (start is None or end is None):
        return pd.DataFrame({"x": pd.DatetimeIndex([]), "y": np.zeros(0)})
    first = pd.Timestamp(start) if start is not None else frame["date"].iloc[0]
    last = pd.Timestamp(end) if end is not None else frame["date"].iloc[-1]
    periods = period_range(first, last, period)
    counts = pd.Series(period_starts(frame["date"], period)).value_counts()
    return pd.DataFrame({"x": periods, "y": counts.reindex(periods, fill_value=0).to_numpy(dtype=float)})
