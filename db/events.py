"""Events: one rare occurrence (a new pressure ulcer) on a day; add, correct, delete, restore."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import Event, utc_now
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.units import live_unit
from db.validation import (
    check_day,
    check_free_text,
    clean_text,
    problem,
    raise_if_any,
)

EVENT_COLUMNS = ("id", "indicator_id", "date", "note", "recorded_at", "deleted")
_EVENTS = SoftDeletable(Event, right="entry.write", missing_da="Hændelsen findes ikke.",
                        missing_en="The event does not exist.")


def add_event(unit_id: int, indicator_id: int, day: date, *, note: str | None = None,
              session: Session, actor: str, today: date) -> int:
    """Record that the event happened on day and return its id (undo with delete_event)."""
    require_writing(session)
    check_permission(session, actor=actor, action="entry.write", unit_id=unit_id)
    indicator = live_indicator_row(indicator_id, session=session)
    problems = check_day(day, today=today) + check_free_text(note, field="note")
    if indicator.measure != "events":
        problems.append(problem("indicator", "indikatoren tæller ikke hændelser; brug en registrering",
                                "the indicator does not count events; use an entry", row=None))
    raise_if_any(problems)
    live_unit(unit_id, session=session)
    event = Event(unit_id=unit_id, indicator_id=indicator_id, day=day, note=clean_text(note))
    session.add(event)
    record_change(session, actor=actor, action="add", row=event, before=None, unit_id=unit_id)
    return event.id


def correct_event(event_id: int, *, day: date, note: str | None = None, session: Session,
                  actor: str, today: date) -> None:
    """Move an event to another day or change its note."""
    require_writing(session)
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        raise NotFoundError(f"Hændelsen findes ikke (id {event_id}).",
                            f"There is no event with id {event_id}.")
    check_permission(session, actor=actor, action="entry.write", unit_id=event.unit_id)
    raise_if_any(check_day(day, today=today) + check_free_text(note, field="note"))
    if (event.day, event.note) == (day, clean_text(note)):
        return
    before = snapshot(event)
    event.day, event.note, event.recorded_at = day, clean_text(note), utc_now()
    session.add(event)
    record_change(session, actor=actor, action="correct", row=event, before=before,
                  unit_id=event.unit_id)


def delete_event(event_id: int, *, session: Session, actor: str) -> None:
    """Delete an event softly (the "undo" after registering); restore_event brings it back."""
    delete_row(_EVENTS, event_id, session=session, actor=actor)


def restore_event(event_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted event."""
    restore_row(_EVENTS, event_id, session=session, actor=actor)


def list_events(unit_id: int, *, session: Session, actor: str, indicator_id: int | None = None,
                limit: int = 20, include_deleted: bool = False) -> pd.DataFrame:
    """Return the unit's events, most recently recorded first."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    query = select(Event).where(Event.unit_id == unit_id)
    if indicator_id is not None:
        query = query.where(Event.indicator_id == indicator_id)
    if not include_deleted:
        query = query.where(Event.deleted_at.is_(None))
    rows = session.exec(query.order_by(Event.recorded_at.desc(), Event.id.desc())
                        .limit(limit)).all()
    return pd.DataFrame([(e.id, e.indicator_id, e.day, e.note, e.recorded_at,
                          e.deleted_at is not None) for e in rows], columns=list(EVENT_COLUMNS))
