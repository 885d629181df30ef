"""Excel workbooks (.xlsx) read and written with openpyxl: the first sheet, one table."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook, load_workbook

from db.csv_files import RawTable, neutralise
from db.errors import ValidationError
from db.validation import problem


def read_xlsx(content: bytes) -> RawTable:
    """Read the first sheet of a workbook into cells (numbers and dates stay typed)."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise ValidationError([problem(None, "filen kan ikke læses som Excel-projektmappe (.xlsx)",
                                       "the file cannot be read as an Excel workbook (.xlsx)",
                                       row=None)]) from error
    try:
        sheet = workbook.worksheets[0]
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        return RawTable(header=(), rows=(), decimal_comma=True)
    header = tuple("" if cell is None else str(cell) for cell in rows[0])
    return RawTable(header=header, rows=tuple(rows[1:]), decimal_comma=True)


def write_xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    """Write cells to one sheet; text is neutralised so that no cell becomes a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Tavle")
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(cell) if isinstance(cell, str) else cell for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
