"""The sheets of an import file as read: every sheet of a workbook, or the one table of a CSV.

`read_sheets` is the one place an uploaded file is first opened; everything the
import reads (mapping, preview, import, command line) goes through it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from openpyxl import load_workbook

from db.csv_files import read_csv
from db.errors import ValidationError
from db.file_limits import check_cells, check_file
from db.validation import problem

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
CSV_SHEET = "CSV"  # the name the one table of a CSV file goes by


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its cells row by row (row 1 first), how its numbers are written."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    decimal_comma: bool

    def cell(self, row: int, column: int) -> object:
        """Return the cell at an Excel row (from 1) and column index (from 0), or None."""
        if row < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column] if column < len(cells) else None


def is_workbook(content: bytes, *, filename: str) -> bool:
    """Tell a workbook from a CSV file by its name, or by its first bytes."""
    suffix = PurePath(filename).suffix.lower()
    return suffix == ".xlsx" or (suffix != ".csv" and content.startswith(ZIP_MAGIC))


def read_sheets(content: bytes, *, filename: str) -> tuple[Sheet, ...]:
    """Open an uploaded .csv or .xlsx file and return its sheets (raise ValidationError if unreadable)."""
    workbook = is_workbook(content, filename=filename)
    check_file(content, workbook=workbook)  # limits and XML tricks, before any parsing
    if workbook:
        sheets = _workbook_sheets(content)
        for sheet in sheets:
            check_cells((), sheet.rows)
        return sheets
    table = read_csv(content)
    check_cells(table.header, table.rows)
    rows = ((table.header,) if table.header else ()) + table.rows
    return (Sheet(CSV_SHEET, rows, decimal_comma=table.decimal_comma),)


def _workbook_sheets(content: bytes) -> tuple[Sheet, ...]:
    """Read every worksheet's cells (numbers and dates stay typed; formulas give their last value)."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise ValidationError([problem(None, "filen kan ikke læses som Excel-projektmappe (.xlsx)",
                                       "the file cannot be read as an Excel workbook (.xlsx)",
                                       row=None)]) from error
    try:
        return tuple(Sheet(sheet.title, tuple(_trimmed(row) for row in
                                              sheet.iter_rows(values_only=True)),
                           decimal_comma=True)
                     for sheet in workbook.worksheets)
    finally:
        workbook.close()


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    """Drop the empty cells at the end of a row (read-only sheets pad to their widest row)."""
    cells = list(row)
    while cells and (cells[-1] is None or cells[-1] == ""):
        cells.pop()
    return tuple(cells)
