"""Baseline settings per unit and indicator: freeze the centre line, or start a new phase.

Nothing rebases by itself: a team saves a freeze or a new phase, with a reason.
A unit and indicator has at most one freeze; saving a new one retires the old.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.models import BASELINE_KINDS, Baseline
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, deletable_row, delete_row, set_deleted
from db.units import lock_unit_for_writing
from db.validation import check_day, check_free_text, clean_text, problem, raise_if_any

BASELINE_COLUMNS = ("id", "kind", "date", "reason", "deleted")
_BASELINES = SoftDeletable(Baseline, right="baseline.write",
                           missing_da="Indstillingen findes ikke.",
                           missing_en="The setting does not exist.")


def add_baseline(unit_id: int, indicator_id: int, kind: str, day: date, reason: str, *,
                 session: Session, actor: str, today: date) -> int:
    """Save a freeze (baseline ends on day) or a new phase (starts on day); return its id."""
    require_writing(session)
    check_permission(session, actor=actor, action="baseline.write", unit_id=unit_id)
    live_indicator_row(indicator_id, session=session)
    problems = check_day(day, today=today) + check_free_text(reason, field="reason",
                                                              required=True)
    if kind not in BASELINE_KINDS:
        problems.append(problem(None, f"typen skal være en af {', '.join(BASELINE_KINDS)}",
                                f"the kind must be one of {', '.join(BASELINE_KINDS)}", row=None))
    raise_if_any(problems)
    lock_unit_for_writing(unit_id, session=session)
    if kind == "freeze":
        _retire_freezes(unit_id, indicator_id, session=session, actor=actor)
    baseline = Baseline(unit_id=unit_id, indicator_id=indicator_id, kind=kind, day=day,
                        reason=clean_text(reason))
    session.add(baseline)
    record_change(session, actor=actor, action="add", row=baseline, before=None,
                  unit_id=unit_id)
    return baseline.id


def delete_baseline(baseline_id: int, *, session: Session, actor: str) -> None:
    """Delete a freeze or phase softly; restore_baseline brings it back."""
    delete_row(_BASELINES, baseline_id, session=session, actor=actor)


def restore_baseline(baseline_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted freeze or phase; a freeze brought back retires the live one."""
    baseline = deletable_row(_BASELINES, baseline_id, session=session, actor=actor)
    if baseline.kind == "freeze":
        _retire_freezes(baseline.unit_id, baseline.indicator_id, session=session, actor=actor,
                        keep=baseline_id)
    set_deleted(baseline, False, session=session, actor=actor, unit_id=baseline.unit_id)


def list_baselines(unit_id: int, indicator_id: int, *, session: Session, actor: str,
                   include_deleted: bool = False) -> pd.DataFrame:
    """Return the saved freeze and phases of a unit and indicator, by date."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    query = select(Baseline).where(Baseline.unit_id == unit_id,
                                   Baseline.indicator_id == indicator_id)
    if not include_deleted:
        query = query.where(Baseline.deleted_at.is_(None))
    rows = session.exec(query.order_by(Baseline.day, Baseline.id)).all()
    return pd.DataFrame([(b.id, b.kind, b.day, b.reason, b.deleted_at is not None)
                         for b in rows], columns=list(BASELINE_COLUMNS))


def list_unit_baselines(unit_id: int, *, session: Session,
                        actor: str) -> dict[int, pd.DataFrame]:
    """Return the live freeze and phases of every indicator of a unit in one query, by indicator."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    rows = session.exec(select(Baseline).where(Baseline.unit_id == unit_id,
                                               Baseline.deleted_at.is_(None))
                        .order_by(Baseline.day, Baseline.id)).all()
    grouped: dict[int, list[tuple]] = {}
    for b in rows:
        grouped.setdefault(b.indicator_id, []).append((b.id, b.kind, b.day, b.reason, False))
    return {indicator_id: pd.DataFrame(found, columns=list(BASELINE_COLUMNS))
            for indicator_id, found in grouped.items()}


def _retire_freezes(unit_id: int, indicator_id: int, *, session: Session, actor: str,
                    keep: int | None = None) -> None:
    """Delete the live freezes of a unit and indicator (but keep), so at most one stays."""
    query = select(Baseline).where(Baseline.unit_id == unit_id,
                                   Baseline.indicator_id == indicator_id,
                                   Baseline.kind == "freeze", Baseline.deleted_at.is_(None))
    if keep is not None:
        query = query.where(Baseline.id != keep)
    for old in session.exec(query).all():
        set_deleted(old, True, session=session, actor=actor, unit_id=unit_id)
