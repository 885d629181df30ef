"""Calendar periods the Danish way: days, ISO weeks starting on Monday, and months.

A period is named by its first day (a pandas Timestamp); `iso_week` gives the
ISO 8601 week-year and week number that Danes call "uge 47".
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from indicators.errors import InvalidOptionError

PERIODS: tuple[str, ...] = ("day", "week", "month")


def check_period(period: str) -> str:
    """Return period if it is one of day, week, month; refuse anything else."""
    if period not in PERIODS:
        listed = ", ".join(PERIODS)
        raise InvalidOptionError(
            f"Ugyldig værdi for period: {period!r}. Vælg en af {listed}.",
            f"Invalid value for period: {period!r}. Choose one of {listed}.",
        )
    return period


def period_starts(dates: pd.Series | pd.DatetimeIndex | np.ndarray, period: str) -> pd.DatetimeIndex:
    """The first day of the period each date falls in (Monday for weeks)."""
    check_period(period)
    days = pd.DatetimeIndex(pd.to_datetime(dates)).normalize()
    if period == "week":
        return days - pd.to_timedelta(days.day_of_week, unit="D")
    if period == "month":
        return days - pd.to_timedelta(days.day - 1, unit="D")
    return days


def period_range(first: date | pd.Timestamp, last: date | pd.Timestamp, period: str) -> pd.DatetimeIndex:
    """Every period from the one holding first to the one holding last, by their first days."""
    start, end = period_starts([first, last], period)
    frequency = {"day": "D", "week": "W-MON", "month": "MS"}[period]
    return pd.date_range(start, end, freq=frequency)


def iso_week(day: date | pd.Timestamp) -> tuple[int, int]:
    """ISO 8601 (week-year, week) of a day, e.g. (2026, 47) for 22-11-2026."""
    year, week, _ = pd.Timestamp(day).isocalendar()
    return int(year), int(week)
