"""A unit's exposure unit (beboerdøgn, visiterede borgere …): chosen per unit or inherited.

A unit that has chosen nothing takes its parent's choice, so an administrator may set
"beboerdøgn" once on the area of care homes, and "visiterede borgere" on home care;
at the top, nothing chosen keeps the catalogue's "sengedage" (a database made
before exposures existed reads as it did).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.models import Unit
from db.permissions import check_permission
from db.unit_branches import IDS_AND_ABOVE
from db.units import live_unit
from db.validation import problem, raise_if_any
from indicators import DEFAULT_EXPOSURE, EXPOSURES

INHERITED_EXPOSURE = ""  # the stored choice of a unit that takes its parent's exposure


def unit_exposures(*, session: Session, unit_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Return every unit's exposure code, its own or the nearest ancestor's (else the default).

    unit_ids: only these units (read with the units above them); None: every unit.
    """
    rows = session.exec(_ALL_EXPOSURES if unit_ids is None else _EXPOSURES_AND_ABOVE,
                        params=None if unit_ids is None else {"ids": sorted(set(unit_ids))}).all()
    parents = {unit_id: parent_id for unit_id, parent_id, _ in rows}
    own = {unit_id: exposure for unit_id, _, exposure in rows if exposure}
    wanted = parents if unit_ids is None else set(unit_ids) & parents.keys()
    resolved: dict[int, str] = {}
    for unit_id in wanted:
        seen, current = set(), unit_id
        # Walk up until a choice; `seen` guards against a damaged tree that loops.
        while current is not None and current not in own and current not in seen:
            seen.add(current)
            current = parents.get(current)
        resolved[unit_id] = own.get(current, DEFAULT_EXPOSURE)
    return resolved


# The entry page and the board ask for one unit's exposure at every page run: read with the
# units above it, not every municipality's tree.
_ALL_EXPOSURES = select(Unit.id, Unit.parent_id, Unit.exposure)
_EXPOSURES_AND_ABOVE = _ALL_EXPOSURES.where(Unit.id.in_(IDS_AND_ABOVE))


def chosen_exposures(*, session: Session) -> dict[int, str]:
    """Return each unit's own choice (INHERITED_EXPOSURE when it takes its parent's)."""
    return dict(session.exec(select(Unit.id, Unit.exposure)).all())


def unit_exposure(unit_id: int, *, session: Session) -> str:
    """Return the exposure code a unit's rates are worded in."""
    return unit_exposures(session=session, unit_ids=[unit_id]).get(unit_id, DEFAULT_EXPOSURE)


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
