"""Entries: the figure of one unit, indicator and period; add, correct, delete, restore."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import bindparam, true
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from db.audit import record_change, record_insert, snapshot
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.errors import NotFoundError, Problem
from db.models import Entry, Indicator, Unit, utc_now
from db.periods import period_start
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.units import live_unit
from db.validation import check_day, check_figures, check_free_text, clean_text, raise_if_any

# Statements of the busiest path, built once: registering is what tablets do all day.
_MEASURE_AND_PERIOD = (
    select(Indicator.measure, Indicator.period, Indicator.counted_from).join(Unit, true())  # two primary keys
    .where(Indicator.id == bindparam("indicator_id"), Indicator.deleted_at.is_(None),
           Unit.id == bindparam("unit_id"), Unit.deleted_at.is_(None)))
_INSERT_NEW_ENTRY = {
    name: dialect_insert(Entry.__table__)
    .on_conflict_do_nothing(index_elements=["unit_id", "indicator_id", "period_start"])
    .returning(Entry.__table__.c.id)
    for name, dialect_insert in (("sqlite", sqlite_insert), ("postgresql", postgresql_insert))
}
_ENTRIES = SoftDeletable(Entry, right="entry.write", missing_da="Registreringen findes ikke.",
                         missing_en="The entry does not exist.")
ENTRY_COLUMNS = ("id", "indicator_id", "date", "numerator", "denominator", "value", "note",
                 "recorded_at", "deleted")


def add_entry(unit_id: int, indicator_id: int, day: date, *, numerator: float | None = None,
              denominator: float | None = None, value: float | None = None,
              note: str | None = None, session: Session, actor: str, today: date) -> int:
    """Record the figure for the period that day falls in and return the entry's id.

    A period holds one entry: when it has one already, this corrects it (and a
    deleted one comes back with the new figures), so the audit log says what changed.
    db/entry_batches.py does the same for many registrations at once, with these pieces.
    """
    require_writing(session)
    check_permission(session, actor=actor, action="entry.write", unit_id=unit_id)
    measure, period, counted_from = _measure_and_period(unit_id, indicator_id, session=session)
    figures = {"numerator": numerator, "denominator": denominator, "value": value}
    raise_if_any(entry_problems(measure, counted_from, figures, day, note, today=today))
    values = new_entry_values(unit_id, indicator_id, period_start(day, period), figures, note)
    # Insert unless the period has its entry; concurrent writers to other periods never
    # wait for each other, and two writers to one period end as an entry and a correction.
    connection = session.connection()  # plain statements: no ORM work on the busiest path
    entry_id = connection.execute(_INSERT_NEW_ENTRY[connection.dialect.name], values).scalar()
    if entry_id is not None:
        record_insert(session, actor=actor, table_name="entry", row_id=entry_id, values=values,
                      unit_id=unit_id)
        return entry_id
    return correct_period(values, figures, note, session=session, actor=actor)


def entry_problems(measure: str, counted_from: str | None, figures: dict[str, float | None],
                   day: date, note: str | None, *, today: date) -> list[Problem]:
    """Return what is wrong with a registration's figures, day and note (empty: nothing)."""
    return (check_figures(measure, **figures, counted=bool(counted_from))
            + check_day(day, today=today) + check_free_text(note, field="note"))


def new_entry_values(unit_id: int, indicator_id: int, start: date,
                     figures: dict[str, float | None], note: str | None) -> dict[str, Any]:
    """Return the columns of a new entry for the period starting on start."""
    return {"unit_id": unit_id, "indicator_id": indicator_id, "period_start": start,
            "note": clean_text(note), **_floats(figures), "recorded_at": utc_now(),
            "deleted_at": None}


def correct_period(values: dict[str, Any], figures: dict[str, float | None], note: str | None,
                   *, session: Session, actor: str) -> int:
    """Correct the entry that already holds the period of values; return its id."""
    entry = session.exec(select(Entry).where(
        Entry.unit_id == values["unit_id"], Entry.indicator_id == values["indicator_id"],
        Entry.period_start == values["period_start"]).with_for_update()).one()
    _overwrite(entry, figures, note, session=session, actor=actor)
    return entry.id


def correct_entry(entry_id: int, *, numerator: float | None = None,
                  denominator: float | None = None, value: float | None = None,
                  note: str | None = None, session: Session, actor: str) -> None:
    """Replace the figures and note of an entry (its period stays)."""
    require_writing(session)
    entry = session.get(Entry, entry_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFoundError(f"Registreringen findes ikke (id {entry_id}).",
                            f"There is no entry with id {entry_id}.")
    check_permission(session, actor=actor, action="entry.write", unit_id=entry.unit_id)
    indicator = session.get(Indicator, entry.indicator_id)
    figures = {"numerator": numerator, "denominator": denominator, "value": value}
    raise_if_any(check_figures(indicator.measure, **figures,
                               counted=bool(indicator.counted_from)) + check_free_text(note, field="note"))
    session.refresh(entry, with_for_update=True)  # a concurrent correction waits for this one
    _overwrite(entry, figures, note, session=session, actor=actor)


def delete_entry(entry_id: int, *, session: Session, actor: str) -> None:
    """Delete an entry softly; restore_entry brings it back."""
    delete_row(_ENTRIES, entry_id, session=session, actor=actor)


def restore_entry(entry_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted entry."""
    restore_row(_ENTRIES, entry_id, session=session, actor=actor)


def list_entries(unit_id: int, *, session: Session, actor: str, indicator_id: int | None = None,
                 limit: int = 20, include_deleted: bool = False) -> pd.DataFrame:
    """Return the unit's most recently recorded entries first (for "correct" and "delete")."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    query = select(Entry).where(Entry.unit_id == unit_id)
    if indicator_id is not None:
        query = query.where(Entry.indicator_id == indicator_id)
    if not include_deleted:
        query = query.where(Entry.deleted_at.is_(None))
    rows = session.exec(query.order_by(Entry.recorded_at.desc(), Entry.id.desc())
                        .limit(limit)).all()
    return pd.DataFrame(
        [(e.id, e.indicator_id, e.period_start, e.numerator, e.denominator, e.value, e.note,
          e.recorded_at, e.deleted_at is not None) for e in rows],
        columns=list(ENTRY_COLUMNS))


def _overwrite(entry: Entry, figures: dict[str, float | None], note: str | None, *,
               session: Session, actor: str) -> None:
    """Give entry new figures and note (undeleting it), auditing only a real change."""
    new = {**_floats(figures), "note": clean_text(note)}
    unchanged = all(getattr(entry, name) == value for name, value in new.items())
    if unchanged and entry.deleted_at is None:
        return
    before = snapshot(entry)
    action = "restore" if entry.deleted_at is not None else "correct"
    for name, value in new.items():
        setattr(entry, name, value)
    entry.deleted_at = None
    entry.recorded_at = utc_now()
    session.add(entry)
    record_change(session, actor=actor, action=action, row=entry, before=before,
                  unit_id=entry.unit_id)


def _measure_and_period(unit_id: int, indicator_id: int, *,
                        session: Session) -> tuple[str, str, str]:
    """Return the indicator's measure, period and counted_from in one query, if both are live."""
    found = session.connection().execute(_MEASURE_AND_PERIOD, {"unit_id": unit_id,
                                                  "indicator_id": indicator_id}).first()
    if found is None:
        raise_missing(unit_id, indicator_id, session=session)
    return found.measure, found.period, found.counted_from


def raise_missing(unit_id: int, indicator_id: int, *, session: Session) -> None:
    """Raise NotFoundError naming which of the unit and the indicator is missing or deleted."""
    live_unit(unit_id, session=session)
    live_indicator_row(indicator_id, session=session)


def _floats(figures: dict[str, float | None]) -> dict[str, float | None]:
    """Store every figure as a float (or None)."""
    return {name: None if figure is None else float(figure) for name, figure in figures.items()}
