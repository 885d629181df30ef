"""Bring back a soft-deleted row named by an audit row (table and id), with the table's own rules.

The audit view offers "restore" on a delete; each table's restore function
checks the rights and writes the audit row, so this only picks the function.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, SQLModel

from db.annotations import restore_annotation
from db.baselines import restore_baseline
from db.board_meetings import restore_board_meeting
from db.catalogue import restore_indicator
from db.entries import restore_entry
from db.errors import NotFoundError
from db.events import restore_event
from db.models import (
    Annotation,
    Baseline,
    BoardMeeting,
    Entry,
    Event,
    Indicator,
    SamplingSwitch,
    Unit,
    User,
)
from db.sampling import restore_sampling_switch
from db.units import restore_unit
from db.users import restore_user

_Restore = Callable[..., None]
RESTORABLE: dict[str, tuple[type[SQLModel], _Restore]] = {
    "entry": (Entry, restore_entry),
    "event": (Event, restore_event),
    "annotation": (Annotation, restore_annotation),
    "baseline": (Baseline, restore_baseline),
    "board_meeting": (BoardMeeting, restore_board_meeting),
    "sampling_switch": (SamplingSwitch, restore_sampling_switch),
    "unit": (Unit, restore_unit),
    "indicator": (Indicator, restore_indicator),
    "app_user": (User, restore_user),
}


def is_deleted(table_name: str, row_id: int, *, session: Session) -> bool:
    """Tell whether the row still is deleted (and so can be restored)."""
    if table_name not in RESTORABLE:
        return False
    row = session.get(RESTORABLE[table_name][0], row_id)
    return row is not None and row.deleted_at is not None


def restore_deleted(table_name: str, row_id: int, *, session: Session, actor: str) -> None:
    """Restore the deleted row of table_name (entry, event, annotation, ...) by its id."""
    if table_name not in RESTORABLE:
        raise NotFoundError(f"Rækker i {table_name!r} kan ikke gendannes herfra.",
                            f"Rows of {table_name!r} cannot be restored here.")
    RESTORABLE[table_name][1](row_id, session=session, actor=actor)
