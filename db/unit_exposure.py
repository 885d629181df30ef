"""A unit's exposure unit (beboerdøgn, visiterede borgere …): chosen per unit or inherited.

A unit that has chosen nothing takes its parent's choice, so an administrator may set
"beboerdøgn" once on the area of care homes, and "visiterede borgere" on home care;
at the top, nothing chosen keeps the catalogue's "sengedage" (a database made
before exposures existed reads as it did).
"""

from __future__ import annotations

from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.models import Unit
from db.permissions import check_permission
from db.units import live_unit
from db.validation import problem, raise_if_any
from indicators import DEFAULT_EXPOSURE, EXPOSURES

INHERITED_EXPOSURE = ""  # the stored choice of a unit that takes its parent's exposure


def unit_exposures(*, session: Session) -> dict[int, str]:
    """Return every unit's exposure code, its own or the nearest ancestor's (else the default)."""
    rows = session.exec(select(Unit.id, Unit.parent_id, Unit.exposure)).all()
    parents = {unit_id: parent_id for unit_id, parent_id, _ in rows}
    own = {unit_id: exposure for unit_id, _, exposure in rows if exposure}
    resolved: dict[int, str] = {}
    for unit_id in parents:
        seen, current = set(), unit_id
        # Walk up until a choice; `seen` guards against a damaged tree that loops.
        while current is not None and current not in own and current not in seen:
            seen.add(current)
            current = parents.get(current)
        resolved[unit_id] = own.get(current, DEFAULT_EXPOSURE)
    return resolved


def chosen_exposures(*, session: Session) -> dict[int, str]:
    """Return each unit's own choice (INHERITED_EXPOSURE when it takes its parent's)."""
    return dict(session.exec(select(Unit.id, Unit.exposure)).all())


def unit_exposure(unit_id: int, *, session: Session) -> str:
    """Return the exposure code a unit's rates are worded in."""
    return unit_exposures(session=session).get(unit_id, DEFAULT_EXPOSURE)


def set_unit_exposure(unit_id: int, exposure: str, *, session: Session, actor: str) -> None:
    """Choose a unit's exposure (a code of EXPOSURES, or INHERITED_EXPOSURE to take the parent's), audited."""
    require_writing(session)
    check_permission(session, actor=actor, action="unit.admin", unit_id=unit_id)
    if exposure != INHERITED_EXPOSURE and exposure not in EXPOSURES:
        choices = ", ".join(EXPOSURES)
        raise_if_any([problem("exposure", f"skal være en af {choices} (eller tom: som overordnet)",
                              f"must be one of {choices} (or empty: as the parent)", row=None)])
    unit = live_unit(unit_id, session=session)
    if unit.exposure == exposure:
        return
    before = snapshot(unit)
    unit.exposure = exposure
    session.add(unit)
    record_change(session, actor=actor, action="correct", row=unit, before=before, unit_id=unit_id)
