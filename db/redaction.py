"""Redact a text that should never have been stored (a CPR number, a name) everywhere.

Free-text columns and the audit log's before/after copies are searched for the
text, which is replaced by REDACTED_TEXT. The redaction is audited, a row for
each row it changed (who, when, which row and column) and one for the audit
rows it changed; the text itself is written nowhere.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel, select

from db.audit import record_note
from db.engine import require_writing
from db.errors import ValidationError
from db.models import (
    Annotation,
    AuditLog,
    Baseline,
    BoardLink,
    Entry,
    Event,
    Indicator,
    Package,
    Unit,
    User,
)
from db.permissions import check_permission
from db.validation import problem

REDACTED_TEXT = "[fjernet]"
# Shorter texts would redact ordinary words and figures all over the database.
SHORTEST_REDACTION = 4
# The columns a person writes in (or an import fills with) free text.
FREE_TEXT_COLUMNS: tuple[tuple[type[SQLModel], tuple[str, ...]], ...] = (
    (Unit, ("name",)),
    (Entry, ("note",)),
    (Event, ("note",)),
    (Annotation, ("text",)),
    (Baseline, ("reason",)),
    (User, ("display_name",)),
    (BoardLink, ("label",)),
    (Indicator, ("name_da", "name_en", "unit_da", "unit_en", "numerator_da", "numerator_en",
                 "denominator_da", "denominator_en")),
    (Package, ("name_da", "name_en")),
)


def redact_text(text: str, *, session: Session, actor: str) -> int:
    """Replace text wherever it is stored, the audit log included; return how many rows changed."""
    require_writing(session)
    check_permission(session, actor=actor, action="redact", unit_id=None)
    if len(text.strip()) < SHORTEST_REDACTION:
        raise ValidationError([problem(
            "text", f"skal have mindst {SHORTEST_REDACTION} tegn",
            f"needs at least {SHORTEST_REDACTION} characters", row=None)])
    changed = 0
    for model, columns in FREE_TEXT_COLUMNS:
        for column in columns:
            attribute = getattr(model, column)
            for row in session.exec(select(model).where(
                    attribute.contains(text, autoescape=True))).all():
                value = getattr(row, column)
                if text not in value:  # LIKE ignores case; redact the exact text only
                    continue
                setattr(row, column, value.replace(text, REDACTED_TEXT))
                session.add(row)
                record_note(session, actor=actor, action="redact", table_name=model.__tablename__,
                            row_id=row.id, after={"column": column})
                changed += 1
    audit_rows = _redact_audit_log(text, session=session)
    if audit_rows:
        record_note(session, actor=actor, action="redact", table_name="audit_log",
                    after={"audit_rows": audit_rows})
    return changed + len(audit_rows)


def _redact_audit_log(text: str, *, session: Session) -> list[int]:
    """Replace text in every audit row's before and after; return the ids of those changed."""
    changed = []
    for row in session.exec(select(AuditLog).where(
            (AuditLog.before.is_not(None)) | (AuditLog.after.is_not(None)))).all():
        before, after = _without(row.before, text), _without(row.after, text)
        if before != row.before or after != row.after:
            row.before, row.after = before, after  # new objects: the JSON columns see the change
            session.add(row)
            changed.append(row.id)
    return changed


def _without(value: Any, text: str) -> Any:
    """Return value (JSON: dicts, lists, strings) with text replaced in every string."""
    if isinstance(value, str):
        return value.replace(text, REDACTED_TEXT)
    if isinstance(value, dict):
        return {key: _without(item, text) for key, item in value.items()}
    if isinstance(value, list):
        return [_without(item, text) for item in value]
    return value
