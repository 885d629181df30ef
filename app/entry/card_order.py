"""Which card comes first on the tablet, and which are already done for their period.

Cards stand in the order they are filled: the daily figures (the task of every shift)
first, then the events (one tap, whenever one happens), then the weekly and the monthly
ones. A card keeps its place after it is saved, so nothing moves under the finger; a
"✓ i dag" mark says what is done instead.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from app.entry.descriptions import entry_fields
from db import StoredIndicator, period_start
from indicators import IndicatorDefinition

# Lower comes first. Events are daily in the catalogue but happen rarely: after the daily
# figures, before the weekly ones, so that both fit the tablet's first screen.
_DAILY_FIGURES, _EVENTS, _WEEKLY, _MONTHLY, _OTHER = range(5)
_PERIOD_RANK = {"day": _DAILY_FIGURES, "week": _WEEKLY, "month": _MONTHLY}


def fill_rank(definition: IndicatorDefinition) -> int:
    """Return how early an indicator's card stands: how often it is filled, most often first."""
    if definition.measure == "events":
        return _EVENTS
    return _PERIOD_RANK.get(definition.period, _OTHER)


def in_fill_order(active: list[StoredIndicator]) -> list[StoredIndicator]:
    """Return the unit's cards most often filled first, in the unit's own order within a rank."""
    return sorted(active, key=lambda stored: fill_rank(stored.definition))


def is_done(definition: IndicatorDefinition, series: pd.DataFrame, day: date) -> bool:
    """Tell whether the card's period that day falls in is recorded, every figure the card asks for
    included (an event: that day)."""
    if series.empty:
        return False
    if definition.measure == "events":
        return day in set(series["date"])
    rows = series[series["date"] == period_start(day, definition.period)]
    # A rate counted from events has a row as soon as an event is in; it is done only when
    # the exposure the card asks for is in too, or the rate is never drawn.
    asked = [field for field in entry_fields(definition) if field in rows.columns]
    return not rows.empty and bool(rows[asked].notna().all(axis=None)) if asked else not rows.empty
