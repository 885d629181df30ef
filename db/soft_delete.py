"""Soft delete and restore: a row is marked deleted, never removed, and can come back."""

from __future__ import annotations

from sqlmodel import Session, SQLModel

from db.audit import record_change, snapshot
from db.errors import NotFoundError
from db.models import utc_now


def set_deleted(row: SQLModel | None, deleted: bool, *, session: Session, actor: str,
                what_da: str, what_en: str, unit_id: int | None) -> None:
    """Mark row deleted (or not) and audit it; doing it twice changes nothing the second time.

    what_da and what_en name the row for the refusal when it does not exist ("Hændelsen", "The event").
    """
    if row is None:
        raise NotFoundError(f"{what_da} findes ikke.", f"{what_en} does not exist.")
    if (row.deleted_at is not None) == deleted:
        return
    before = snapshot(row)
    row.deleted_at = utc_now() if deleted else None
    session.add(row)
    record_change(session, actor=actor, action="delete" if deleted else "restore", row=row,
                  before=before, unit_id=unit_id)
