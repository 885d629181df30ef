"""The period a date falls in: the day itself, its ISO week (from Monday), or its month."""

from __future__ import annotations

from datetime import date, timedelta


def period_start(day: date, period: str) -> date:
    """Return the first day of the period ("day", "week" or "month") that day falls in."""
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {period!r}; expected day, week or month")
