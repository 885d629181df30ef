"""Entries: the figure of one unit, indicator and period; add, correct, delete, restore."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import Entry, Indicator, utc_now
from db.periods import period_start
from db.permissions import check_permission
from db.soft_delete import set_deleted
from db.units import lock_unit_for_writing
from db.validation import check_day, check_figures, check_free_text, clean_text, raise_if_any

ENTRY_COLUMNS = ("id", "indicator_id", "date", "numerator", "denominator", "value", "note",
                 "recorded_at", "deleted")


def add_entry(unit_id: int, indicator_id: int, day: date, *, numerator: float | None = None,
              denominator: float | None = None, value: float | None = None,
              note: str | None = None, session: Session, actor: str, today: date) -> int:
    """Record the figure for the period that day falls in and return the entry's id.

    A period holds one entry: when it has one already, this corrects it (and a
    deleted one comes back with the new figures), so the audit log says what changed.
    """
    require_writing(session)
    check_permission(session, actor=actor, action="entry.write", unit_id=unit_id)
    indicator = live_indicator_row(indicator_id, session=session)
    figures = {"numerator": numerator, "denominator": denominator, "value": value}
    raise_if_any(check_figures(indicator.measure, **figures)
                 + check_day(day, today=today) + check_free_text(note, field="note"))
    lock_unit_for_writing(unit_id, session=session)
    start = period_start(day, indicator.period)
    entry = session.exec(select(Entry).where(
        Entry.unit_id == unit_id, Entry.indicator_id == indicator_id,
        Entry.period_start == start)).first()
    if entry is None:
        entry = Entry(unit_id=unit_id, indicator_id=indicator_id, period_start=start,
                      note=clean_text(note), **_floats(figures))
        session.add(entry)
        record_change(session, actor=actor, action="add", row=entry, before=None,
                      unit_id=unit_id)
        return entry.id
    _overwrite(entry, figures, note, session=session, actor=actor)
    return entry.id


def correct_entry(entry_id: int, *, numerator: float | None = None,
                  denominator: float | None = None, value: float | None = None,
                  note: str | None = None, session: Session, actor: str) -> None:
    """Replace the figures and note of an entry (its period stays)."""
    require_writing(session)
    entry = session.get(Entry, entry_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFoundError(f"Registreringen findes ikke (id {entry_id}).")
    check_permission(session, actor=actor, action="entry.write", unit_id=entry.unit_id)
    measure = session.get(Indicator, entry.indicator_id).measure
    figures = {"numerator": numerator, "denominator": denominator, "value": value}
    raise_if_any(check_figures(measure, **figures) + check_free_text(note, field="note"))
    lock_unit_for_writing(entry.unit_id, session=session)
    _overwrite(entry, figures, note, session=session, actor=actor)


def delete_entry(entry_id: int, *, session: Session, actor: str) -> None:
    """Delete an entry softly; restore_entry brings it back."""
    _set_entry_deleted(entry_id, True, session=session, actor=actor)


def restore_entry(entry_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted entry."""
    _set_entry_deleted(entry_id, False, session=session, actor=actor)


def list_entries(unit_id: int, *, session: Session, indicator_id: int | None = None,
                 limit: int = 20, include_deleted: bool = False) -> pd.DataFrame:
    """Return the unit's most recently recorded entries first (for "correct" and "delete")."""
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


def _set_entry_deleted(entry_id: int, deleted: bool, *, session: Session, actor: str) -> None:
    """Mark an entry deleted or not, after checking who acts."""
    require_writing(session)
    entry = session.get(Entry, entry_id)
    if entry is not None:
        check_permission(session, actor=actor, action="entry.write", unit_id=entry.unit_id)
    set_deleted(entry, deleted, session=session, actor=actor, what_da="Registreringen",
                unit_id=entry.unit_id if entry else None)


def _floats(figures: dict[str, float | None]) -> dict[str, float | None]:
    """Store every figure as a float (or None)."""
    return {name: None if figure is None else float(figure) for name, figure in figures.items()}

