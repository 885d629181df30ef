"""Read series as the engine's input: one query for one indicator, or for a unit's board.

Shapes (one row per period or event, in date order, deleted rows left out):

    entries  date (datetime.date), numerator, denominator, value  (floats, NaN when absent;
             the denominator holds the exposure, e.g. bed-days, for rates)
    events   date (datetime.date), note (str or None)
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Float, Integer, String, and_, literal, null, select, union_all
from sqlalchemy.sql import Select
from sqlmodel import Session

from db.errors import NotFoundError
from db.models import Entry, Event, Indicator, UnitIndicator

ENTRY_SERIES_COLUMNS = ("date", "numerator", "denominator", "value")
EVENT_SERIES_COLUMNS = ("date", "note")
_FIGURES = ("numerator", "denominator", "value")


def read_series(unit_id: int, indicator_id: int, *, session: Session) -> pd.DataFrame:
    """Return one unit's series for one indicator (entries or events shape, by its measure)."""
    frames = _read(Indicator.id == indicator_id, unit_id, session=session)
    if indicator_id not in frames:
        raise NotFoundError(f"Indikatoren findes ikke (id {indicator_id}).")
    return frames[indicator_id]


def read_unit_series(unit_id: int, *, session: Session) -> dict[int, pd.DataFrame]:
    """Return every series on a unit's board, keyed by indicator id in board order."""
    chosen = (select(UnitIndicator.indicator_id)
              .where(UnitIndicator.unit_id == unit_id, UnitIndicator.active)
              .scalar_subquery())
    return _read(Indicator.id.in_(chosen) & Indicator.deleted_at.is_(None), unit_id,
                 session=session, board_order=unit_id)


def empty_series(measure: str) -> pd.DataFrame:
    """Return a series with no rows in the shape the measure reads as."""
    if measure == "events":
        return pd.DataFrame({"date": pd.Series(dtype=object), "note": pd.Series(dtype=object)})
    return pd.DataFrame({"date": pd.Series(dtype=object),
                         **{name: pd.Series(dtype=float) for name in _FIGURES}})


def _read(which, unit_id: int, *, session: Session,
          board_order: int | None = None) -> dict[int, pd.DataFrame]:
    """Run the one query for the chosen indicators and split its rows into series."""
    rows = session.execute(_query(which, unit_id, board_order=board_order)).all()
    measures: dict[int, str] = {}
    collected: dict[int, list[tuple]] = {}
    for indicator_id, measure, day, numerator, denominator, value, note, _position in rows:
        measures.setdefault(indicator_id, measure)
        points = collected.setdefault(indicator_id, [])
        if day is not None:
            points.append((day, numerator, denominator, value, note))
    return {indicator_id: _frame(measures[indicator_id], points)
            for indicator_id, points in collected.items()}


def _frame(measure: str, points: list[tuple]) -> pd.DataFrame:
    """Build the series frame of one indicator from its (date, figures, note) rows."""
    if not points:
        return empty_series(measure)
    days = [_as_date(point[0]) for point in points]
    if measure == "events":
        return pd.DataFrame({"date": pd.Series(days, dtype=object),
                             "note": pd.Series([point[4] for point in points], dtype=object)})
    figures = np.array([point[1:4] for point in points], dtype=float)  # None becomes NaN
    return pd.DataFrame({"date": pd.Series(days, dtype=object), "numerator": figures[:, 0],
                         "denominator": figures[:, 1], "value": figures[:, 2]})


def _as_date(day: date | str) -> date:
    """Return day as a date, whatever the driver handed back."""
    return day if isinstance(day, date) else date.fromisoformat(day)


def _query(which, unit_id: int, *, board_order: int | None) -> Select:
    """Return a UNION ALL of the chosen indicators' entries and events for a unit.

    Each chosen indicator appears at least once (with a NULL date when it has no
    data), so an empty series still comes back in the right shape.
    """
    position = (select(UnitIndicator.position)
                .where(UnitIndicator.unit_id == board_order,
                       UnitIndicator.indicator_id == Indicator.id)
                .scalar_subquery() if board_order is not None else literal(0, Integer))
    entries = (
        select(Indicator.id, Indicator.measure, Entry.period_start.label("day"),
               Entry.numerator, Entry.denominator, Entry.value, null().cast(String).label("note"),
               position.label("position"))
        .select_from(Indicator)
        .outerjoin(Entry, and_(Entry.indicator_id == Indicator.id, Entry.unit_id == unit_id,
                               Entry.deleted_at.is_(None)))
        .where(which, Indicator.measure != "events")
    )
    events = (
        select(Indicator.id, Indicator.measure, Event.day.label("day"),
               null().cast(Float), null().cast(Float), null().cast(Float), Event.note,
               position.label("position"))
        .select_from(Indicator)
        .outerjoin(Event, and_(Event.indicator_id == Indicator.id, Event.unit_id == unit_id,
                               Event.deleted_at.is_(None)))
        .where(which, Indicator.measure == "events")
    )
    union = union_all(entries, events).subquery()
    return select(union.c.id, union.c.measure, union.c.day,
                  union.c.numerator, union.c.denominator, union.c.value, union.c.note,
                  union.c.position).order_by(union.c.position, union.c.id, union.c.day)
