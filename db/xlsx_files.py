"""Excel workbooks (.xlsx) written with openpyxl (db.sheet_files reads them)."""

from __future__ import annotations

import io

from openpyxl import Workbook

from db.csv_files import neutralise


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
