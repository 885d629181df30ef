"""Board meetings (tavlemøder): the team leader notes the day, the board marks newer signals."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from db.audit import record_change
from db.engine import require_writing
from db.models import BoardMeeting
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row, restore_row, set_deleted
from db.units import live_unit
from db.validation import check_day, raise_if_any

_MEETINGS = SoftDeletable(BoardMeeting, right="board.write", missing_da="Tavlemødet findes ikke.",
                          missing_en="The board meeting does not exist.")


def record_board_meeting(unit_id: int, day: date, *, session: Session, actor: str,
                         today: date) -> int:
    """Note that the unit held its board meeting on day and return the meeting's id.

    A day holds one meeting: noting it again returns the same one (back, if it was deleted).
    """
    require_writing(session)
    check_permission(session, actor=actor, action="board.write", unit_id=unit_id)
    raise_if_any(check_day(day, today=today))
    live_unit(unit_id, session=session)
    meeting = session.exec(select(BoardMeeting).where(
        BoardMeeting.unit_id == unit_id, BoardMeeting.day == day)).first()
    if meeting is not None:
        set_deleted(meeting, False, session=session, actor=actor, unit_id=unit_id)
        return meeting.id
    meeting = BoardMeeting(unit_id=unit_id, day=day)
    session.add(meeting)
    record_change(session, actor=actor, action="add", row=meeting, before=None, unit_id=unit_id)
    return meeting.id


def delete_board_meeting(meeting_id: int, *, session: Session, actor: str) -> None:
    """Delete a board meeting softly (the undo of noting it by mistake)."""
    delete_row(_MEETINGS, meeting_id, session=session, actor=actor)


def restore_board_meeting(meeting_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted board meeting."""
    restore_row(_MEETINGS, meeting_id, session=session, actor=actor)


def last_board_meeting(unit_id: int, *, session: Session, actor: str) -> date | None:
    """Return the day of the unit's latest board meeting, or None when none is noted."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    return session.exec(select(BoardMeeting.day).where(
        BoardMeeting.unit_id == unit_id, BoardMeeting.deleted_at.is_(None))
        .order_by(BoardMeeting.day.desc()).limit(1)).first()
