"""Annotations: dated PDSA changes on a unit's charts; add, correct, delete, restore."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, or_, select

from db.audit import record_change, snapshot
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import Annotation, utc_now
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.units import live_unit
from db.validation import check_day, check_free_text, clean_text, raise_if_any

ANNOTATION_COLUMNS = ("id", "indicator_id", "date", "text", "deleted")
_ANNOTATIONS = SoftDeletable(Annotation, right="annotation.write",
                             missing_da="Kommentaren findes ikke.",
                             missing_en="The comment does not exist.")


def add_annotation(unit_id: int, day: date, text: str, *, indicator_id: int | None = None,
                   session: Session, actor: str, today: date) -> int:
    """Note a change on day for one indicator, or for all the unit's charts; return its id."""
    require_writing(session)
    check_permission(session, actor=actor, action="annotation.write", unit_id=unit_id)
    if indicator_id is not None:
        live_indicator_row(indicator_id, session=session)
    raise_if_any(check_day(day, today=today)
                 + check_free_text(text, field="text", required=True))
    live_unit(unit_id, session=session)
    annotation = Annotation(unit_id=unit_id, indicator_id=indicator_id, day=day,
                            text=clean_text(text))
    session.add(annotation)
    record_change(session, actor=actor, action="add", row=annotation, before=None,
                  unit_id=unit_id)
    return annotation.id


def correct_annotation(annotation_id: int, *, day: date, text: str,
                       indicator_id: int | None = None, session: Session, actor: str,
                       today: date) -> None:
    """Change the day, text or indicator of an annotation."""
    require_writing(session)
    annotation = session.get(Annotation, annotation_id)
    if annotation is None or annotation.deleted_at is not None:
        raise NotFoundError(f"Kommentaren findes ikke (id {annotation_id}).",
                            f"There is no comment with id {annotation_id}.")
    check_permission(session, actor=actor, action="annotation.write", unit_id=annotation.unit_id)
    if indicator_id is not None:
        live_indicator_row(indicator_id, session=session)
    raise_if_any(check_day(day, today=today)
                 + check_free_text(text, field="text", required=True))
    new = (day, clean_text(text), indicator_id)
    if (annotation.day, annotation.text, annotation.indicator_id) == new:
        return
    before = snapshot(annotation)
    annotation.day, annotation.text, annotation.indicator_id = new
    annotation.recorded_at = utc_now()
    session.add(annotation)
    record_change(session, actor=actor, action="correct", row=annotation, before=before,
                  unit_id=annotation.unit_id)


def delete_annotation(annotation_id: int, *, session: Session, actor: str) -> None:
    """Delete an annotation softly; restore_annotation brings it back."""
    delete_row(_ANNOTATIONS, annotation_id, session=session, actor=actor)


def restore_annotation(annotation_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted annotation."""
    restore_row(_ANNOTATIONS, annotation_id, session=session, actor=actor)


def list_annotations(unit_id: int, *, session: Session, actor: str,
                     indicator_id: int | None = None,
                     include_deleted: bool = False) -> pd.DataFrame:
    """Return a unit's annotations by date; with indicator_id, those for it and for all charts."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    query = select(Annotation).where(Annotation.unit_id == unit_id)
    if indicator_id is not None:
        query = query.where(or_(Annotation.indicator_id == indicator_id,
                                Annotation.indicator_id.is_(None)))
    if not include_deleted:
        query = query.where(Annotation.deleted_at.is_(None))
    rows = session.exec(query.order_by(Annotation.day, Annotation.id)).all()
    return pd.DataFrame([(a.id, a.indicator_id, a.day, a.text, a.deleted_at is not None)
                         for a in rows], columns=list(ANNOTATION_COLUMNS))
