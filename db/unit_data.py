"""Which indicators hold data for a unit: live entries or events, whether on its board or not."""

from __future__ import annotations

from sqlmodel import Session, select

from db.models import Entry, Event
from db.permissions import check_permission


def indicators_with_data(unit_id: int, *, session: Session, actor: str) -> set[int]:
    """Return the ids of the indicators the unit has live entries or events for."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    entries = session.exec(select(Entry.indicator_id).where(
        Entry.unit_id == unit_id, Entry.deleted_at.is_(None)).distinct()).all()
    events = session.exec(select(Event.indicator_id).where(
        Event.unit_id == unit_id, Event.deleted_at.is_(None)).distinct()).all()
    return set(entries) | set(events)
