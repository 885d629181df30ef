"""Import a CSV or XLSX file: all of it in one transaction, or nothing.

`preview_import` checks the whole file and says what would happen, writing
nothing; `import_file` plans again inside the writing transaction (the data
may have changed since the preview) and writes only when there is no problem.
Importing the same file again changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

from sqlmodel import Session, select

from db.audit import insert_audited, record_changes, record_note, snapshot
from db.csv_files import RawTable, read_csv
from db.engine import require_writing
from db.errors import ValidationError
from db.file_limits import check_cells, check_file
from db.import_plan import ImportPlan, UnitKey, plan_import
from db.import_rows import parse_table
from db.models import Annotation, Entry, Event, Unit, utc_now
from db.permissions import check_permission
from db.units import PATH_SEPARATOR, create_unit
from db.xlsx_files import read_xlsx

_ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive


def read_table_file(content: bytes, *, filename: str) -> RawTable:
    """Read the cells of a .csv or .xlsx file (by its name, or by its first bytes)."""
    suffix = PurePath(filename).suffix.lower()
    workbook = suffix == ".xlsx" or (suffix != ".csv" and content.startswith(_ZIP_MAGIC))
    check_file(content, workbook=workbook)  # limits and XML tricks, before any parsing
    table = read_xlsx(content) if workbook else read_csv(content)
    check_cells(table.header, table.rows)
    return table


def preview_import(content: bytes, *, filename: str, session: Session, today: date,
                   create_units: bool = False) -> ImportPlan:
    """Check a file and return what importing it would do, with every problem; write nothing."""
    try:
        table = parse_table(read_table_file(content, filename=filename))
    except ValidationError as refused:
        return ImportPlan(problems=refused.problems)
    return plan_import(table, session=session, today=today, create_units=create_units)


def import_file(content: bytes, *, filename: str, session: Session, actor: str, today: date,
                create_units: bool = False) -> ImportPlan:
    """Import a file in the session's transaction; raise ValidationError (writing nothing) if refused."""
    require_writing(session)
    check_permission(session, actor=actor, action="import", unit_id=None)
    plan = preview_import(content, filename=filename, session=session, today=today,
                          create_units=create_units)
    if plan.problems:
        raise ValidationError(plan.problems)
    unit_ids = _create_units(plan.new_units, session=session, actor=actor)
    _write_entries(plan, unit_ids, session=session, actor=actor)
    _write_items(plan, unit_ids, session=session, actor=actor)
    record_note(session, actor=actor, action="import", table_name="import",
                after={"file": filename, **plan.summary()})
    return plan


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
    """Insert the new events and annotations, with their audit rows."""
    insert_audited(session, Event, [
        {"unit_id": unit_ids.get(item.unit, item.unit), "indicator_id": item.indicator_id,
         "day": item.day, "note": item.text} for item in plan.new_events], actor=actor)
    insert_audited(session, Annotation, [
        {"unit_id": unit_ids.get(item.unit, item.unit), "indicator_id": item.indicator_id,
         "day": item.day, "text": item.text} for item in plan.new_annotations], actor=actor)
