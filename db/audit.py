"""The audit log: a row per change, written in the same transaction as the change."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import insert
from sqlmodel import Session, SQLModel, select

from db.models import AuditLog, utc_now
from db.permissions import check_permission

# Secrets never enter the audit log; it only says that they changed.
REDACTED_COLUMNS = frozenset({"password_hash", "pin_hash", "token_hash"})
_INSERT_AUDIT = insert(AuditLog.__table__)
# Many audit rows in one statement: a RETURNING makes SQLAlchemy send one multi-row VALUES.
# (A batch of registrations on PostgreSQL writes its audit rows with its entries instead:
# db.audited_inserts.)
_INSERT_AUDITS = insert(AuditLog.__table__).returning(AuditLog.__table__.c.id)
AUDIT_COLUMNS = ("id", "at", "actor", "action", "table_name", "row_id", "unit_id", "before", "after")


def snapshot(row: SQLModel) -> dict[str, Any]:
    """Return the row's columns as JSON-safe values (dates and times as ISO text)."""
    return json_safe({column.key: getattr(row, column.key) for column in row.__table__.columns})


def json_safe(values: dict[str, Any]) -> dict[str, Any]:
    """Return column values fit for the audit log: ISO dates, secrets replaced by ***."""
    safe: dict[str, Any] = {}
    for key, value in values.items():
        if key in REDACTED_COLUMNS:
            value = None if value is None else "***"
        safe[key] = value.isoformat() if isinstance(value, date | datetime) else value
    return safe


def insert_audited(session: Session, model: type[SQLModel], rows: list[dict[str, Any]], *,
                   actor: str, action: str = "add") -> list[int]:
    """Insert many rows of model in one statement, each with its audit row; return their ids.

    For imports and seeding: building ORM objects row by row costs more than the write.
    """
    if not rows:
        return []
    now = utc_now()
    rows = [{"recorded_at": now, **row} for row in rows] if "recorded_at" in (
        model.__table__.columns) else rows
    ids = list(session.execute(insert(model).returning(model.id, sort_by_parameter_order=True),
                               rows).scalars())
    session.execute(insert(AuditLog), [
        {"at": now, "actor": actor, "action": action, "table_name": model.__tablename__,
         "row_id": row_id, "unit_id": row.get("unit_id"), "before": None,
         "after": json_safe({"id": row_id, **row})}
        for row_id, row in zip(ids, rows, strict=True)])
    return ids


def record_change(session: Session, *, actor: str, action: str, row: SQLModel,
                  before: dict[str, Any] | None, unit_id: int | None = None) -> None:
    """Add the audit row for a change to row (flushed, so it has its id)."""
    session.flush()
    session.add(AuditLog(
        at=utc_now(), actor=actor, action=action, table_name=row.__tablename__,
        row_id=getattr(row, "id", None), unit_id=unit_id, before=before,
        after=snapshot(row),
    ))


def record_insert(session: Session, *, actor: str, table_name: str, row_id: int,
                  values: dict[str, Any], unit_id: int | None) -> None:
    """Add the audit row for a row inserted without an ORM object."""
    session.connection().execute(_INSERT_AUDIT, insert_audit_row(
        actor=actor, table_name=table_name, row_id=row_id, values=values, unit_id=unit_id))


def record_inserts(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add many audit rows made by insert_audit_row in one statement."""
    if not rows:
        return
    session.connection().execute(_INSERT_AUDITS, rows).all()


def insert_audit_row(*, actor: str, table_name: str, row_id: int, values: dict[str, Any],
                     unit_id: int | None) -> dict[str, Any]:
    """Return the audit row's columns for a row inserted without an ORM object."""
    return {"at": utc_now(), "actor": actor, "action": "add", "table_name": table_name,
            "row_id": row_id, "unit_id": unit_id, "before": None,
            "after": json_safe({"id": row_id, **values})}


def record_changes(session: Session, *, actor: str, action: str,
                   changes: list[tuple[SQLModel, dict[str, Any] | None, int | None]]) -> None:
    """Add the audit rows for many changes at once: (row, before, unit_id) each."""
    session.flush()
    at = utc_now()
    session.add_all([
        AuditLog(at=at, actor=actor, action=action, table_name=row.__tablename__,
                 row_id=getattr(row, "id", None), unit_id=unit_id, before=before,
                 after=snapshot(row))
        for row, before, unit_id in changes
    ])


def record_note(session: Session, *, actor: str, action: str, table_name: str,
                unit_id: int | None = None, row_id: int | None = None,
                after: dict[str, Any] | None = None) -> None:
    """Add an audit row for an event that changes no single row (an import, a lockout)."""
    session.add(AuditLog(at=utc_now(), actor=actor, action=action, table_name=table_name,
                         row_id=row_id, unit_id=unit_id, after=after))


def read_audit(*, session: Session, actor: str, unit_id: int | None = None,
               by: str | None = None, table_name: str | None = None,
               row_id: int | None = None, limit: int = 500) -> pd.DataFrame:
    """Return the newest audit rows first, filtered by unit, by whom, table and row.

    actor is who reads (an administrator); by filters on who made the change.
    """
    check_permission(session, actor=actor, action="audit.read", unit_id=None)
    query = select(AuditLog)
    if unit_id is not None:
        query = query.where(AuditLog.unit_id == unit_id)
    if by is not None:
        query = query.where(AuditLog.actor == by)
    if table_name is not None:
        query = query.where(AuditLog.table_name == table_name)
    if row_id is not None:
        query = query.where(AuditLog.row_id == row_id)
    rows = session.exec(query.order_by(AuditLog.id.desc()).limit(limit)).all()
    return pd.DataFrame([[getattr(r, c) for c in AUDIT_COLUMNS] for r in rows],
                        columns=list(AUDIT_COLUMNS))


def audit_actors(*, session: Session, actor: str) -> list[str]:
    """Return everyone the audit log names as making a change, by name (actor reads)."""
    check_permission(session, actor=actor, action="audit.read", unit_id=None)
    return sorted(session.exec(select(AuditLog.actor).distinct()).all())
