"""Packages and indicators in the database: the built-in catalogue, custom ones, goals."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError, Problem
from db.models import Indicator, Package, UnitIndicator
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, deletable_row, set_deleted
from db.unit_exposure import unit_exposure
from db.validation import check_free_text, problem, raise_if_any
from indicators import (
    CATALOGUE,
    CHART_TYPES,
    GOAL_KINDS,
    IMPROVEMENTS,
    INDICATOR_KINDS,
    MEASURES,
    PACKAGES,
    PERIODS,
    Goal,
    IndicatorDefinition,
    with_exposure,
)

_DEFINITION_FIELDS = tuple(f.name for f in fields(IndicatorDefinition) if f.name not in
                           ("package", "goal"))
_INDICATORS = SoftDeletable(Indicator, right="indicator.admin",
                            missing_da="Indikatoren findes ikke (id {id}).",
                            missing_en="There is no indicator with id {id}.", unit="none")


@dataclass(frozen=True)
class StoredIndicator:
    """An indicator as this organisation has it: its id, definition and whether it is built in."""

    id: int
    definition: IndicatorDefinition
    builtin: bool
    deleted: bool = False


def sync_catalogue(*, session: Session, actor: str) -> int:
    """Add the built-in packages and indicators the database lacks; return how many were added."""
    require_writing(session)
    packages = {p.code: p for p in session.exec(select(Package)).all()}
    added = 0
    for shipped in PACKAGES:
        if shipped.code not in packages:
            package = Package(code=shipped.code, name_da=shipped.name_da,
                              name_en=shipped.name_en, builtin=True)
            session.add(package)
            record_change(session, actor=actor, action="add", row=package, before=None)
            packages[shipped.code] = package
            added += 1
    known = set(session.exec(select(Indicator.code)).all())
    for definition in CATALOGUE:
        if definition.code not in known:
            row = _row_from(definition, package_id=packages[definition.package].id, builtin=True)
            session.add(row)
            record_change(session, actor=actor, action="add", row=row, before=None)
            added += 1
    return added


def _row_from(definition: IndicatorDefinition, *, package_id: int, builtin: bool) -> Indicator:
    """Return a new Indicator row holding definition."""
    return Indicator(
        package_id=package_id, builtin=builtin,
        goal_kind=definition.goal.kind if definition.goal else None,
        goal_value=definition.goal.value if definition.goal else None,
        **{name: getattr(definition, name) for name in _DEFINITION_FIELDS},
    )


def _definition_of(row: Indicator, package_code: str) -> IndicatorDefinition:
    """Return the plain definition an Indicator row holds."""
    goal = Goal(row.goal_kind, row.goal_value) if row.goal_kind is not None else None
    return IndicatorDefinition(package=package_code, goal=goal,
                               **{name: getattr(row, name) for name in _DEFINITION_FIELDS})


def _stored(rows: list[tuple[Indicator, str]]) -> list[StoredIndicator]:
    """Turn (Indicator, package code) rows into StoredIndicators."""
    return [StoredIndicator(id=row.id, definition=_definition_of(row, code), builtin=row.builtin,
                            deleted=row.deleted_at is not None) for row, code in rows]


def list_indicators(*, session: Session, include_deleted: bool = False) -> list[StoredIndicator]:
    """Return every indicator, in catalogue order of package and then id."""
    query = select(Indicator, Package.code).join(Package).order_by(Package.id, Indicator.id)
    if not include_deleted:
        query = query.where(Indicator.deleted_at.is_(None))
    return _stored(session.exec(query).all())


def get_indicator(indicator_id: int, *, session: Session) -> StoredIndicator:
    """Return one indicator by id, or raise NotFoundError."""
    rows = session.exec(select(Indicator, Package.code).join(Package)
                        .where(Indicator.id == indicator_id)).all()
    if not rows:
        raise NotFoundError(f"Indikatoren findes ikke (id {indicator_id}).",
                            f"There is no indicator with id {indicator_id}.")
    return _stored(rows)[0]


def live_indicator_row(indicator_id: int, *, session: Session) -> Indicator:
    """Return the Indicator row for writing data to, or raise NotFoundError if missing or deleted."""
    row = session.get(Indicator, indicator_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"Indikatoren findes ikke (id {indicator_id}).",
                            f"There is no indicator with id {indicator_id}.")
    return row


def find_indicator(code: str, *, session: Session) -> StoredIndicator:
    """Return the indicator with this code, or raise NotFoundError."""
    row = session.exec(select(Indicator.id).where(Indicator.code == code)).first()
    if row is None:
        raise NotFoundError(f"Indikatoren {code!r} findes ikke.",
                            f"There is no indicator {code!r}.")
    return get_indicator(row, session=session)


def list_packages(*, session: Session) -> pd.DataFrame:
    """Return the packages: id, code, name_da, name_en, builtin."""
    rows = session.exec(select(Package).order_by(Package.id)).all()
    return pd.DataFrame([(p.id, p.code, p.name_da, p.name_en, p.builtin) for p in rows],
                        columns=["id", "code", "name_da", "name_en", "builtin"])


def create_package(code: str, name_da: str, name_en: str, *, session: Session, actor: str) -> int:
    """Add a custom package and return its id."""
    require_writing(session)
    check_permission(session, actor=actor, action="indicator.admin", unit_id=None)
    problems = _check_code(code, taken=session.exec(select(Package.id).where(
        Package.code == code)).first() is not None)
    problems += check_free_text(name_da, field="name", required=True)
    problems += check_free_text(name_en, field="name", required=True)
    raise_if_any(problems)
    package = Package(code=code, name_da=name_da.strip(), name_en=name_en.strip(), builtin=False)
    session.add(package)
    record_change(session, actor=actor, action="add", row=package, before=None)
    return package.id


def create_indicator(definition: IndicatorDefinition, *, session: Session, actor: str) -> int:
    """Add a custom indicator and return its id."""
    require_writing(session)
    check_permission(session, actor=actor, action="indicator.admin", unit_id=None)
    package_id = session.exec(select(Package.id).where(Package.code == definition.package)).first()
    problems = _check_definition(definition)
    problems += _check_code(definition.code, taken=session.exec(select(Indicator.id).where(
        Indicator.code == definition.code)).first() is not None)
    if package_id is None:
        problems.append(problem("code", f"pakken {definition.package!r} findes ikke",
                                f"the package {definition.package!r} does not exist", row=None))
    if definition.counted_from and session.exec(select(Indicator.id).where(
            Indicator.code == definition.counted_from, Indicator.measure == "events",
            Indicator.deleted_at.is_(None))).first() is None:
        problems.append(problem(
            "code", f"{definition.counted_from!r} er ikke en indikator der tæller hændelser",
            f"{definition.counted_from!r} is not an indicator that counts events", row=None))
    raise_if_any(problems)
    row = _row_from(definition, package_id=package_id, builtin=False)
    session.add(row)
    record_change(session, actor=actor, action="add", row=row, before=None)
    return row.id


def update_indicator(indicator_id: int, *, session: Session, actor: str, **changes: object) -> None:
    """Change names, labels, goal, chart or period of an indicator; its code and series stay."""
    require_writing(session)
    check_permission(session, actor=actor, action="indicator.admin", unit_id=None)
    row = session.get(Indicator, indicator_id)
    if row is None:
        raise NotFoundError(f"Indikatoren findes ikke (id {indicator_id}).",
                            f"There is no indicator with id {indicator_id}.")
    if {"code", "measure", "package", "counted_from"} & set(changes):
        # counted_from too: it decides where the series' counts come from
        raise ValueError("code, measure, package and counted_from of an indicator cannot change")
    current = get_indicator(indicator_id, session=session).definition
    updated = replace(current, **changes)
    raise_if_any(_check_definition(updated))
    before = snapshot(row)
    for name in _DEFINITION_FIELDS:
        setattr(row, name, getattr(updated, name))
    row.goal_kind = updated.goal.kind if updated.goal else None
    row.goal_value = updated.goal.value if updated.goal else None
    session.add(row)
    record_change(session, actor=actor, action="correct", row=row, before=before)


def delete_indicator(indicator_id: int, *, session: Session, actor: str) -> None:
    """Delete a custom indicator softly; its data stays and returns with restore_indicator."""
    set_deleted(_custom_indicator(indicator_id, session=session, actor=actor), True,
                session=session, actor=actor, unit_id=None)


def restore_indicator(indicator_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted custom indicator, with its data."""
    set_deleted(_custom_indicator(indicator_id, session=session, actor=actor), False,
                session=session, actor=actor, unit_id=None)


def set_unit_indicators(unit_id: int, indicator_ids: list[int], *, session: Session,
                        actor: str, today: date | None = None) -> None:
    """Make exactly indicator_ids (in this order) the indicators unit_id works with.

    today: the day an indicator new on the board begins to be measured (its measuring_since).
    """
    require_writing(session)
    check_permission(session, actor=actor, action="unit.admin", unit_id=unit_id)
    existing = {link.indicator_id: link for link in session.exec(
        select(UnitIndicator).where(UnitIndicator.unit_id == unit_id)).all()}
    wanted = {indicator_id: position for position, indicator_id in enumerate(indicator_ids)}
    for indicator_id in set(existing) | set(wanted):
        link = existing.get(indicator_id)
        before = snapshot(link) if link else None
        if link is None:
            get_indicator(indicator_id, session=session)  # raises NotFoundError for a wrong id
            link = UnitIndicator(unit_id=unit_id, indicator_id=indicator_id,
                                 measuring_since=today)
        active, position = indicator_id in wanted, wanted.get(indicator_id, link.position)
        if before is not None and (link.active, link.position) == (active, position):
            continue
        link.active, link.position = active, position
        session.add(link)
        session.flush()
        record_change(session, actor=actor, action="correct" if before else "add", row=link,
                      before=before, unit_id=unit_id)


def list_unit_indicators(unit_id: int, *, session: Session) -> list[StoredIndicator]:
    """Return the active indicators of a unit, in board order."""
    query = (select(Indicator, Package.code).join(Package)
             .join(UnitIndicator, UnitIndicator.indicator_id == Indicator.id)
             .where(UnitIndicator.unit_id == unit_id, UnitIndicator.active,
                    Indicator.deleted_at.is_(None))
             .order_by(UnitIndicator.position, Indicator.id))
    return in_exposure(_stored(session.exec(query).all()),
                       unit_exposure(unit_id, session=session))


def in_exposure(indicators: list[StoredIndicator], exposure: str) -> list[StoredIndicator]:
    """Return the indicators worded in a unit's exposure (its bed-day rates reworded)."""
    return [replace(stored, definition=with_exposure(stored.definition, exposure))
            for stored in indicators]


def _custom_indicator(indicator_id: int, *, session: Session, actor: str) -> Indicator:
    """Return a custom indicator (deleted or not) once actor may delete and restore it."""
    row = deletable_row(_INDICATORS, indicator_id, session=session, actor=actor)
    if row.builtin:
        raise ValueError("built-in indicators are switched off per unit, not deleted")
    return row


def _check_code(code: str, *, taken: bool) -> list[Problem]:
    """Check a new code: short lowercase letters, digits and underscores, not used before."""
    if not code or not code.replace("_", "").isalnum() or not code.isascii() or code != code.lower():
        return [problem("code", "skal bestå af små bogstaver (a-z), tal og _",
                        "must consist of lowercase letters (a-z), digits and _", row=None)]
    if taken:
        return [problem("code", f"{code!r} er allerede i brug", f"{code!r} is already in use",
                        row=None)]
    return check_free_text(code, field="code")


def _check_definition(definition: IndicatorDefinition) -> list[Problem]:
    """Check the choices of an indicator definition against the allowed values."""
    problems: list[Problem] = []
    for name, allowed in (("kind", INDICATOR_KINDS), ("measure", MEASURES),
                          ("improvement", IMPROVEMENTS), ("chart", CHART_TYPES),
                          ("period", PERIODS)):
        if getattr(definition, name) not in allowed:
            problems.append(problem(None, f"{name} skal være en af {', '.join(allowed)}",
                                    f"{name} must be one of {', '.join(allowed)}", row=None))
    if definition.goal is not None and definition.goal.kind not in GOAL_KINDS:
        problems.append(problem(None, f"målet skal være en af {', '.join(GOAL_KINDS)}",
                                f"the goal must be one of {', '.join(GOAL_KINDS)}", row=None))
    if definition.counted_from and definition.measure not in ("rate", "count"):
        problems.append(problem(None, "kun en rate eller et antal kan tælles fra hændelser",
                                "only a rate or a count can be counted from events", row=None))
    if not definition.multiply > 0:
        problems.append(problem(None, "multiply skal være større end 0",
                                "multiply must be more than 0", row=None))
    for name in ("name_da", "name_en"):
        problems += check_free_text(getattr(definition, name), field="name", required=True)
    for name in ("unit_da", "unit_en", "numerator_da", "numerator_en", "denominator_da",
                 "denominator_en", *(f"{field}_{language}" for field in (
                     "counts", "source", "collection", "sample", "owner")
                     for language in ("da", "en"))):
        problems += check_free_text(getattr(definition, name), field="name")
    return problems
