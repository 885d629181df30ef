"""Sheets as ISH teams keep them, built for the import tests: real .xlsx and cp1252 .csv files."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook

TITLE = "Plejecenter Bøgely – tidlig opsporing 2026"
HEADINGS = ["Uge", "Dato (mandag)", "Antal triagerede", "Antal borgere", "Andel triageret (%)",
            "Kommentar"]
# Week, Monday, triaged, citizens, share (%), comment; the share of week 46 is typed wrong.
WEEKS = [(44, "26-10-2026", 23, 25, 92, "ny tavle"), (45, "02-11-2026", 24, 25, 96, None),
         (46, "09-11-2026", 25, 25, 80, "alle triageret")]
ULCERS = [(datetime(2026, 9, 3), "hæl"), (datetime(2026, 10, 14), "sacrum")]


def workbook_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """Return an .xlsx holding the sheets, in order, each as its rows of cells."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def boegely_workbook(*, ulcers=ULCERS) -> bytes:
    """The early-detection sheet with a title row and a computed share, and a sheet of ulcers."""
    triage = [[TITLE], HEADINGS] + [list(week) for week in WEEKS]
    return workbook_bytes({"Tidlig opsporing": triage,
                           "Tryksår": [["Dato", "Note"]] + [list(u) for u in ulcers]})


def boegely_csv() -> bytes:
    """The early-detection sheet as Danish Excel saves it: cp1252, semicolons, decimal comma."""
    lines = [TITLE + ";;;;;", ";".join(HEADINGS)]
    for week, monday, triaged, citizens, share, comment in WEEKS:
        lines.append(f"{week};{monday};{triaged};{citizens};{share},0;{comment or ''}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")
