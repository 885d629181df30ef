"""The unit tree (municipality → area → unit): create, rename, move, delete and restore."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Row
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError, Problem
from db.models import UNIT_KINDS, Unit
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.unit_branches import IDS_AND_ABOVE
from db.validation import check_free_text, problem, raise_if_any

UNIT_COLUMNS = ("id", "code", "name", "kind", "parent_id", "path", "depth", "deleted")
PATH_SEPARATOR = " / "
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_UNITS = SoftDeletable(Unit, right="unit.admin", missing_da="Enheden findes ikke (id {id}).",
                       missing_en="There is no unit with id {id}.", unit="itself")


def code_from_name(name: str) -> str:
    """Return a URL-friendly code for a name: "Plejecenter Solbakken" → "plejecenter-solbakken"."""
    plain = unicodedata.normalize("NFKD", name.lower().translate(_DANISH_LETTERS))
    plain = plain.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "enhed"


def create_unit(name: str, *, kind: str, parent_id: int | None, session: Session, actor: str,
                code: str | None = None) -> int:
    """Add a unit under parent_id (None for the top) and return its id."""
    require_writing(session)
    check_permission(session, actor=actor, action="unit.admin", unit_id=parent_id)
    code = code or _free_code(code_from_name(name), session=session)
    problems = check_free_text(name, field="name", required=True)
    problems += _check_kind(kind)
    problems += _check_code(code, session=session) + check_free_text(code, field="code")
    if parent_id is not None:
        live_unit(parent_id, session=session)
    raise_if_any(problems)
    unit = Unit(code=code, name=name.strip(), kind=kind, parent_id=parent_id)
    session.add(unit)
    record_change(session, actor=actor, action="add", row=unit, before=None, unit_id=None)
    return unit.id


def rename_unit(unit_id: int, name: str, *, session: Session, actor: str) -> None:
    """Give a unit a new name; its code, data and history stay."""
    require_writing(session)
    check_permission(session, actor=actor, action="unit.admin", unit_id=unit_id)
    raise_if_any(check_free_text(name, field="name", required=True))
    unit = live_unit(unit_id, session=session)
    before = snapshot(unit)
    unit.name = name.strip()
    session.add(unit)
    record_change(session, actor=actor, action="correct", row=unit, before=before, unit_id=unit_id)


def move_unit(unit_id: int, parent_id: int | None, *, session: Session, actor: str) -> None:
    """Move a unit (with everything below it) under another parent, e.g. a new district."""
    require_writing(session)
    check_permission(session, actor=actor, action="unit.admin", unit_id=unit_id)
    unit = live_unit(unit_id, session=session)
    if parent_id is not None:
        live_unit(parent_id, session=session)
        if parent_id in descendant_ids(unit_id, session=session):
            raise_if_any([problem("unit", "en enhed kan ikke flyttes ind under sig selv",
                                  "a unit cannot be moved below itself", row=None)])
    before = snapshot(unit)
    unit.parent_id = parent_id
    session.add(unit)
    record_change(session, actor=actor, action="correct", row=unit, before=before, unit_id=unit_id)


def delete_unit(unit_id: int, *, session: Session, actor: str) -> None:
    """Delete a unit softly (the units below it are hidden with it); its data stays."""
    delete_row(_UNITS, unit_id, session=session, actor=actor)


def restore_unit(unit_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted unit, with its data and the units below it."""
    restore_row(_UNITS, unit_id, session=session, actor=actor)


def list_units(*, session: Session, include_deleted: bool = False,
               within: Iterable[int] | None = None) -> pd.DataFrame:
    """Return the tree as rows in depth-first order with each unit's path of names.

    within: only these units and the units above them (their paths), e.g. the units a
    user's rights reach; None: the whole tree.
    """
    statement = _ALL_UNITS if within is None else _UNITS_AND_ABOVE
    found = session.exec(statement, params=None if within is None else {"ids": sorted(within)})
    children: dict[int | None, list[Row]] = {}
    for unit in found.all():
        children.setdefault(unit.parent_id, []).append(unit)
    rows: list[tuple] = []
    # Depth first without recursion: a region's tree holds thousands of units.
    stack = [(unit, (), False) for unit in reversed(children.get(None, []))]
    while stack:
        unit, path, hidden = stack.pop()
        deleted = hidden or unit.deleted_at is not None
        names = (*path, unit.name)
        if include_deleted or not deleted:
            rows.append((unit.id, unit.code, unit.name, unit.kind, unit.parent_id,
                         PATH_SEPARATOR.join(names), len(path), deleted))
        stack.extend((child, names, deleted) for child in reversed(children.get(unit.id, [])))
    return pd.DataFrame(rows, columns=list(UNIT_COLUMNS))


# Plain rows, not objects, by queries made once per process: the unit picker lists the units
# at every page run, and a region's database holds every municipality's tree.
_ALL_UNITS = (select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.parent_id, Unit.deleted_at)
              .order_by(Unit.name, Unit.id))
_UNITS_AND_ABOVE = _ALL_UNITS.where(Unit.id.in_(IDS_AND_ABOVE))


def has_units(*, session: Session) -> bool:
    """Tell whether list_units would list any unit: whether a top unit is live."""
    return session.exec(_A_LIVE_TOP_UNIT).first() is not None


_A_LIVE_TOP_UNIT = select(Unit.id).where(Unit.parent_id.is_(None), Unit.deleted_at.is_(None)).limit(1)


def find_unit(code: str, *, session: Session) -> int:
    """Return the id of the live unit with this code, or raise NotFoundError."""
    unit_id = session.exec(select(Unit.id).where(Unit.code == code,
                                                 Unit.deleted_at.is_(None))).first()
    if unit_id is None:
        raise NotFoundError(f"Enheden {code!r} findes ikke.", f"There is no unit {code!r}.")
    return unit_id


def descendant_ids(unit_id: int, *, session: Session) -> set[int]:
    """Return the ids of unit_id and every unit below it."""
    pairs = session.exec(select(Unit.id, Unit.parent_id)).all()
    found, frontier = {unit_id}, [unit_id]
    while frontier:
        parent = frontier.pop()
        for child, child_parent in pairs:
            if child_parent == parent and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def lock_unit_for_writing(unit_id: int, *, session: Session) -> Unit:
    """Return the live unit, holding its row lock until commit so writes to it queue.

    For rules that span rows (a unit and indicator has one freeze): PostgreSQL
    takes the row lock (SELECT ... FOR UPDATE); SQLite already holds the
    database's write lock since BEGIN IMMEDIATE.
    """
    unit = session.exec(select(Unit).where(Unit.id == unit_id).with_for_update()).first()
    if unit is None or unit.deleted_at is not None:
        raise NotFoundError(f"Enheden findes ikke (id {unit_id}).",
                            f"There is no unit with id {unit_id}.")
    return unit


def live_unit(unit_id: int, *, session: Session) -> Unit:
    """Return the unit, or raise NotFoundError when it does not exist or is deleted."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFoundError(f"Enheden findes ikke (id {unit_id}).",
                            f"There is no unit with id {unit_id}.")
    return unit


def _free_code(base: str, *, session: Session) -> str:
    """Return base, or base-2, base-3 ... whichever is not used yet."""
    taken = set(session.exec(select(Unit.code).where(Unit.code.startswith(base))).all())
    number, code = 1, base
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def _check_kind(kind: str) -> list[Problem]:
    """Check that kind is one of UNIT_KINDS."""
    if kind in UNIT_KINDS:
        return []
    return [problem(None, f"typen skal være en af {', '.join(UNIT_KINDS)}",
                    f"the kind must be one of {', '.join(UNIT_KINDS)}", row=None)]


def _check_code(code: str, *, session: Session) -> list[Problem]:
    """Check a unit code: lowercase letters, digits and hyphens, not used before."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", code):
        return [problem("code", "skal bestå af små bogstaver (a-z), tal og -",
                        "must consist of lowercase letters (a-z), digits and -", row=None)]
    if session.exec(select(Unit.id).where(Unit.code == code)).first() is not None:
        return [problem("code", f"{code!r} er allerede i brug", f"{code!r} is already in use",
                        row=None)]
    return []
