"""Read an import file into rows: Tavle's own long columns as they are, any other sheet through a mapping.

The mapping is the one given (the mapping step, a command-line profile), else
the one remembered for the unit and the file's shape, else a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, select

from db.catalogue import StoredIndicator, list_indicators, list_packages
from db.csv_files import RawTable
from db.import_mapping import ImportMapping
from db.import_rows import COLUMN_NAMES, ParsedTable, cell_text, parse_table
from db.mapped_rows import computed_notices, read_mapped
from db.mapping_guess import file_shape, guess_mapping, guess_sheet, headings_at
from db.mapping_profiles import remembered_mapping
from db.models import Unit
from db.sheet_files import Sheet, read_sheets


@dataclass(frozen=True)
class ImportFile:
    """An uploaded file as read: its sheets, whether it has Tavle's own columns, its shape."""

    filename: str
    sheets: tuple[Sheet, ...]
    long: bool  # row 1 of the first sheet names Tavle's columns (enhed, indikator, dato, ...)
    shape: str

    def headings(self, mapping: ImportMapping) -> dict[str, tuple[str, ...]]:
        """Return each sheet's headings at the mapping's heading rows."""
        rows = {sheet.sheet: sheet.heading_row for sheet in mapping.sheets}
        return {sheet.name: headings_at(sheet, rows.get(sheet.name, 1)) for sheet in self.sheets}


def open_import_file(content: bytes, *, filename: str) -> ImportFile:
    """Read the file's sheets (raise ValidationError when it is not a CSV or workbook)."""
    sheets = read_sheets(content, filename=filename)
    return ImportFile(filename=filename, sheets=sheets, long=_has_own_columns(sheets),
                      shape=file_shape(sheets))


def proposed_mapping(file: ImportFile, *, unit: str | None, unit_id: int | None,
                     session: Session) -> ImportMapping:
    """Return the mapping remembered for this unit and shape, or else a guess."""
    if unit_id is not None:
        guessed = _guess(file, unit=unit, session=session)
        remembered = remembered_mapping(unit_id, file.shape, session=session,
                                        headings=file.headings(guessed))
        if remembered is not None:
            return replace(remembered, unit=unit)
        return guessed
    return _guess(file, unit=unit, session=session)


def parse_import(file: ImportFile, mapping: ImportMapping | None, *, session: Session,
                 unit: str | None = None) -> tuple[ParsedTable, ImportMapping | None]:
    """Return the file's rows and the mapping they were read with (None for Tavle's own columns)."""
    if mapping is None and file.long:
        first = file.sheets[0].rows
        header = tuple(cell_text(cell) for cell in first[0]) if first else ()
        return parse_table(RawTable(header=header, rows=first[1:],
                                    decimal_comma=file.sheets[0].decimal_comma)), None
    if mapping is None:
        unit_id = session.exec(select(Unit.id).where(Unit.code == unit)).first() if unit else None
        mapping = proposed_mapping(file, unit=unit, unit_id=unit_id, session=session)
    elif unit is not None:
        mapping = replace(mapping, unit=unit)
    table = read_mapped(file.sheets, mapping, indicators=_indicators(session))
    return replace(table, notices=computed_notices(mapping) + table.notices), mapping


def _guess(file: ImportFile, *, unit: str | None, session: Session) -> ImportMapping:
    packages = list_packages(session=session)
    names = {code: (da, en) for code, da, en in zip(packages["code"], packages["name_da"],
                                                     packages["name_en"], strict=True)}
    return guess_mapping(file.sheets, indicators=_indicators(session), package_names=names,
                         unit=unit)


def _indicators(session: Session) -> list[StoredIndicator]:
    return list_indicators(session=session)


def _has_own_columns(sheets: tuple[Sheet, ...]) -> bool:
    """Tell whether row 1 of the first sheet is Tavle's own header (as the export writes it)."""
    if not sheets or not sheets[0].rows:
        return True  # an empty file: the long reader says so
    spellings = {name: key for key, names in COLUMN_NAMES.items() for name in names}
    headings = [cell_text(cell).lstrip("\ufeff").lower() for cell in sheets[0].rows[0]]
    filled = [heading for heading in headings if heading]
    known = [spellings[heading] for heading in filled if heading in spellings]
    return "indicator" in known or ("unit" in known and 2 * len(known) >= len(filled))


def mapping_at_heading_row(file: ImportFile, mapping: ImportMapping, sheet_name: str,
                           heading_row: int, *, session: Session) -> ImportMapping:
    """Return the mapping with one sheet read again from another heading row (its columns guessed)."""
    packages = list_packages(session=session)
    names = {code: (da, en) for code, da, en in zip(packages["code"], packages["name_da"],
                                                     packages["name_en"], strict=True)}
    sheet = next(sheet for sheet in file.sheets if sheet.name == sheet_name)
    guessed = guess_sheet(sheet, indicators=_indicators(session), package_names=names,
                          heading_row=heading_row)
    others = tuple(s for s in mapping.sheets if s.sheet != sheet_name)
    order = [sheet.name for sheet in file.sheets]
    return replace(mapping, sheets=tuple(sorted(others + (guessed,),
                                                key=lambda s: order.index(s.sheet))))
