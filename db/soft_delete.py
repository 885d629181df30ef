"""Soft delete and restore: a row is marked deleted, never removed, and can come back.

Every soft-deletable table has a `delete_X` and a `restore_X`; both are one call to
`delete_row` / `restore_row` with the table's `SoftDeletable`, so the rights, the
not-found refusal and the audit row ("delete" or "restore") are the same everywhere.
A table with a rule of its own (a built-in indicator, the one live freeze) takes
the row with `deletable_row` and changes it with `set_deleted`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session, SQLModel

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import utc_now
from db.permissions import check_permission

# Whose unit the right and the audit row concern: the row's unit (its unit_id),
# the unit itself (a row of the unit table), or none (a right over the whole database).
UnitOfRow = Literal["its unit", "itself", "none"]


@dataclass(frozen=True)
class SoftDeletable:
    """A table whose rows are deleted softly: the right it takes and how a missing row is named.

    The not-found message is kept in Danish and English, like every storage refusal.
    """

    model: type[SQLModel]
    right: str  # the action check_permission is asked about, e.g. "entry.write"
    missing_da: str  # NotFoundError's message for an unknown id; "{id}" is replaced by it
    missing_en: str  # the same message in English
    unit: UnitOfRow = "its unit"


def delete_row(table: SoftDeletable, row_id: int, *, session: Session, actor: str) -> SQLModel:
    """Delete a row of table softly, after checking who acts, and return it."""
    row = deletable_row(table, row_id, session=session, actor=actor)
    set_deleted(row, True, session=session, actor=actor, unit_id=_unit_id(table, row_id, row))
    return row


def restore_row(table: SoftDeletable, row_id: int, *, session: Session, actor: str) -> SQLModel:
    """Bring back a deleted row of table, after checking who acts, and return it."""
    row = deletable_row(table, row_id, session=session, actor=actor)
    set_deleted(row, False, session=session, actor=actor, unit_id=_unit_id(table, row_id, row))
    return row


def deletable_row(table: SoftDeletable, row_id: int, *, session: Session,
                  actor: str) -> SQLModel:
    """Return the row (deleted or not) once actor may delete and restore it."""
    require_writing(session)
    # A right that does not depend on the row is checked first: an unknown id tells
    # an actor without the right nothing.
    if table.unit != "its unit":
        check_permission(session, actor=actor, action=table.right,
                         unit_id=_unit_id(table, row_id, None))
    row = session.get(table.model, row_id)
    if row is None:
        raise NotFoundError(table.missing_da.format(id=row_id),
                            table.missing_en.format(id=row_id))
    if table.unit == "its unit":
        check_permission(session, actor=actor, action=table.right, unit_id=row.unit_id)
    return row


def set_deleted(row: SQLModel, deleted: bool, *, session: Session, actor: str,
                unit_id: int | None) -> None:
    """Mark row deleted (or not) and audit it; doing it twice changes nothing the second time."""
    if (row.deleted_at is not None) == deleted:
        return
    before = snapshot(row)
    row.deleted_at = utc_now() if deleted else None
    session.add(row)
    record_change(session, actor=actor, action="delete" if deleted else "restore", row=row,
                  before=before, unit_id=unit_id)


def _unit_id(table: SoftDeletable, row_id: int, row: SQLModel | None) -> int | None:
    """Return the unit the right and the audit row of this row concern."""
    if table.unit == "its unit":
        return row.unit_id
    return row_id if table.unit == "itself" else None
