"""Import a CSV or XLSX file: all of it in one transaction, or nothing.

`preview_import` checks the whole file and says what would happen, writing
nothing; `import_file` plans again inside the writing transaction (the data
may have changed since the preview) and writes only when there is no problem.
Importing the same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlmodel import Session, select

from db.audit import insert_audited, record_changes, record_note, snapshot
from db.catalogue import set_unit_indicators
from db.engine import require_writing
from db.errors import ValidationError
from db.import_mapping import ImportMapping
from db.import_plan import ImportPlan, UnitKey, plan_import
from db.import_reading import open_import_file, parse_import
from db.mapping_profiles import remember_mapping
from db.models import Annotation, Entry, Event, Unit, UnitIndicator, utc_now
from db.permissions import check_permission
from db.units import PATH_SEPARATOR, create_unit


def preview_import(content: bytes, *, filename: str, session: Session, today: date,
                   create_units: bool = False, mapping: ImportMapping | None = None,
                   unit: str | None = None) -> ImportPlan:
    """Check a file and return what importing it would do, with every problem; write nothing.

    A file with Tavle's own columns needs no mapping; any other is read with the
    mapping given, else a guess (unit: the code of the unit the file is for).
    """
    try:
        file = open_import_file(content, filename=filename)
        table, used = parse_import(file, mapping, session=session, unit=unit)
    except ValidationError as refused:
        return ImportPlan(problems=refused.problems)
    plan = plan_import(table, session=session, today=today, create_units=create_units)
    return replace(plan, mapping=used, shape=file.shape)


def import_file(content: bytes, *, filename: str, session: Session, actor: str, today: date,
                create_units: bool = False, mapping: ImportMapping | None = None,
                unit: str | None = None, add_to_board: bool = False) -> ImportPlan:
    """Import a file in the session's transaction; raise ValidationError (writing nothing) if refused.

    New units get the indicators the file brings data for on their board; existing
    units get them when add_to_board is set. A mapping used for one unit is kept
    for that unit's next file of the same shape.
    """
    require_writing(session)
    check_permission(session, actor=actor, action="import", unit_id=None)
    plan = preview_import(content, filename=filename, session=session, today=today,
                          create_units=create_units, mapping=mapping, unit=unit)
    if plan.problems:
        raise ValidationError(plan.problems)
    unit_ids = _create_units(plan.new_units, session=session, actor=actor)
    _write_entries(plan, unit_ids, session=session, actor=actor)
    _write_items(plan, unit_ids, session=session, actor=actor)
    _put_on_boards(plan, unit_ids, session=session, actor=actor, existing_too=add_to_board)
    if plan.mapping is not None and plan.mapping.unit is not None:
        unit_id = session.exec(select(Unit.id).where(Unit.code == plan.mapping.unit)).first()
        if unit_id is not None:
            remember_mapping(unit_id, plan.mapping, shape=plan.shape, session=session, actor=actor)
    record_note(session, actor=actor, action="import", table_name="import",
                after={"file": filename, **plan.summary()})
    return plan


def _put_on_boards(plan: ImportPlan, unit_ids: dict[UnitKey, int], *, session: Session,
                   actor: str, existing_too: bool) -> None:
    """Put the imported indicators on the boards of new units (and of existing ones if asked)."""
    wanted: dict[int, list[int]] = {}
    for unit, indicator_id in plan.off_board:
        if isinstance(unit, str) or existing_too:
            wanted.setdefault(unit_ids.get(unit, unit), []).append(indicator_id)
    for unit_id, indicator_ids in wanted.items():
        board = session.exec(select(UnitIndicator.indicator_id).where(
            UnitIndicator.unit_id == unit_id, UnitIndicator.active)
            .order_by(UnitIndicator.position)).all()
        set_unit_indicators(unit_id, list(board) + [i for i in indicator_ids if i not in board],
                            session=session, actor=actor)


def _create_units(paths: tuple[str, ...], *, session: Session, actor: str) -> dict[UnitKey, int]:
    """Create the units on the planned paths (and the missing ones above them)."""
    created: dict[UnitKey, int] = {}
    for path in sorted(paths, key=lambda text: text.count(PATH_SEPARATOR)):
        parent_id: int | None = None
        parts = path.split(PATH_SEPARATOR)
        for depth, name in enumerate(parts):
            existing = session.exec(select(Unit.id).where(
                Unit.name == name, Unit.deleted_at.is_(None),
                Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id,
            )).first()
            if existing is None:
                kind = ("unit" if depth == len(parts) - 1 else
                        "municipality" if depth == 0 else "area")
                existing = create_unit(name, kind=kind, parent_id=parent_id, session=session,
                                       actor=actor)
            parent_id = existing
        created[path] = parent_id
    return created


def _write_entries(plan: ImportPlan, unit_ids: dict[UnitKey, int], *, session: Session,
                   actor: str) -> None:
    """Insert the new entries and correct the changed ones, with their audit rows."""
    insert_audited(session, Entry, [
        {"unit_id": unit_ids.get(planned.unit, planned.unit), "indicator_id": planned.indicator_id,
         "period_start": planned.period_start, "note": planned.note, **planned.figures}
        for planned in plan.new_entries], actor=actor)
    corrected = []
    for planned in plan.corrected_entries:
        entry = session.get(Entry, planned.entry_id)
        before = snapshot(entry)
        for name, figure in planned.figures.items():
            setattr(entry, name, figure)
        if not planned.keep_note:
            entry.note = planned.note
        entry.deleted_at, entry.recorded_at = None, utc_now()
        session.add(entry)
        corrected.append((entry, before, entry.unit_id))
    record_changes(session, actor=actor, action="correct", changes=corrected)


def _write_items(plan: ImportPlan, unit_ids: dict[UnitKey, int], *, session: Session,
                 actor: str) -> None:
    """Insert the new events and annotations and correct event notes, with audit rows."""
    insert_audited(session, Event, [
        {"unit_id": unit_ids.get(item.unit, item.unit), "indicator_id": item.indicator_id,
         "day": item.day, "note": item.note} for item in plan.new_events], actor=actor)
    corrected = []
    for planned in plan.corrected_events:
        event = session.get(Event, planned.event_id)
        before = snapshot(event)
        event.note, event.recorded_at = planned.note, utc_now()
        session.add(event)
        corrected.append((event, before, event.unit_id))
    record_changes(session, actor=actor, action="correct", changes=corrected)
    insert_audited(session, Annotation, [
        {"unit_id": unit_ids.get(item.unit, item.unit), "indicator_id": item.indicator_id,
         "day": item.day, "text": item.text} for item in plan.new_annotations], actor=actor)
