"""Round axis ticks: numbers on 1-2-2,5-5 steps, dates on whole days, weeks, months or years."""

from __future__ import annotations

import math
from datetime import date, timedelta

# Steps people read without effort, times a power of ten.
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
# Date tick spacings from fine to coarse: the first that fits max_ticks wins.
DATE_STEPS = (("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1), ("month", 2),
              ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10))
UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def nice_step(raw_step: float, *, whole: bool = False) -> float:
    """Return the smallest 1, 2, 2,5 or 5 times a power of ten that is at least raw_step.

    With whole=True the step is a whole number, so counts never get ticks at 2,5.
    """
    if whole and raw_step <= 1:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw_step))
    return next(m * magnitude for m in NICE_STEPS
                if m * magnitude >= raw_step * (1 - 1e-9) and not (whole and (m * magnitude) % 1))


def number_ticks(low: float, high: float, count: int = 5, *, whole: bool = False) -> list[float]:
    """Return round ticks from at or below low to at or above high, about count of them."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"Axis ends must be finite numbers, got {low} and {high}.")
    if high < low:
        low, high = high, low
    if high == low:
        return [low]
    step = nice_step((high - low) / max(count - 1, 1), whole=whole)
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    # Rounding to the step's decimals keeps 0.30000000000000004 out of the labels.
    decimals = tick_decimals(step) + 1
    return [round(i * step, decimals) for i in range(first, last + 1)]


def tick_decimals(step: float) -> int:
    """Return how many decimals tell ticks one step apart from each other (0,25 needs 2)."""
    decimals = 0
    while decimals < 10 and abs(step * 10 ** decimals - round(step * 10 ** decimals)) > 1e-6:
        decimals += 1
    return decimals


def date_ticks(start: date, end: date, *, max_ticks: int = 8) -> tuple[str, list[date]]:
    """Return the tick unit and at most max_ticks whole dates from start to end."""
    span_days = (end - start).days
    for unit, every in DATE_STEPS:
        if span_days / (UNIT_DAYS[unit] * every) > max_ticks + 1:
            continue  # surely too many: skip building the list
        ticks = dates_every(start, end, unit, every)
        if len(ticks) <= max_ticks:
            return unit, ticks
    years = max(1, math.ceil((end.year - start.year + 1) / max_ticks))
    return "year", dates_every(start, end, "year", years)


def dates_every(start: date, end: date, unit: str, every: int) -> list[date]:
    """Return the dates from start to end that begin a day, ISO week, month or year, every nth."""
    if unit == "day":
        return [start + timedelta(days=i) for i in range(0, (end - start).days + 1, every)]
    if unit == "week":
        monday = start + timedelta(days=-start.weekday() % 7)
        mondays = [monday + timedelta(weeks=i) for i in range((end - monday).days // 7 + 1)]
        return [d for d in mondays if every == 1 or d.isocalendar().week % every == 0]
    if unit == "month":
        firsts = []
        year, month = (start.year, start.month) if start.day == 1 else divmod_month(start.year, start.month + 1)
        while date(year, month, 1) <= end:
            if (month - 1) % every == 0:
                firsts.append(date(year, month, 1))
            year, month = divmod_month(year, month + 1)
        return firsts
    first_year = start.year if (start.month, start.day) == (1, 1) else start.year + 1
    return [date(y, 1, 1) for y in range(first_year, end.year + 1) if y % every == 0]


def divmod_month(year: int, month: int) -> tuple[int, int]:
    """Return (year, month) with month 13 carried into the next year."""
    return (year + 1, 1) if month > 12 else (year, month)
