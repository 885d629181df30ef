"""A unit's import template: an .xlsx laid out as teams keep their sheets, which imports unmapped.

A sheet per package, with a title row naming the unit (and its code, so the
import knows the unit), then the headings, then one row per week (or month)
of the year. Each indicator has a column per figure it needs ("NAME: tæller");
a package's event indicators get their own sheet, one event date per row.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from sqlmodel import Session

from db.catalogue import StoredIndicator, list_packages, list_unit_indicators
from db.formulas import neutralise_cell
from db.models import Unit
from db.permissions import check_permission
from db.units import live_unit

UNIT_MARK = "enhed:"  # the title row's "enhed: CODE", read back by db.mapping_guess
FIGURES = {"proportion": ("tæller", "nævner"), "rate": ("tæller", "nævner"),
           "count": ("tæller",), "measurement": ("værdi",)}
EVENT_ROWS = 50  # empty rows with a date format, for the events of a year
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: "-" for c in "[]:*?/\\"})
_SHEET_NAME_LENGTH = 31  # Excel's limit


def build_template(unit_id: int, *, session: Session, actor: str, today: date) -> bytes:
    """Return the unit's template for today's year as .xlsx bytes."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    unit = live_unit(unit_id, session=session)
    packages = list_packages(session=session)
    package_names = dict(zip(packages["code"], packages["name_da"], strict=True))
    by_package: dict[str, list[StoredIndicator]] = {}
    for stored in list_unit_indicators(unit_id, session=session):
        by_package.setdefault(stored.definition.package, []).append(stored)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for package, indicators in by_package.items():
        name = package_names.get(package, package)
        figures = [s for s in indicators if s.definition.measure != "events" and _figures(s)]
        events = [s for s in indicators if s.definition.measure == "events"]
        if figures:
            _period_sheet(workbook, name, unit, figures, year=today.year)
        if events:
            _events_sheet(workbook, f"{name} – hændelser" if figures else name, unit, events)
    if not workbook.worksheets:
        workbook.create_sheet(_sheet_name(unit.name)).append(_cells([_title(unit, "ingen indikatorer")]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _figures(stored: StoredIndicator) -> tuple[str, ...]:
    """The figures a team enters: a count taken from the events is never typed in again."""
    words = FIGURES[stored.definition.measure]
    return tuple(w for w in words if w != "tæller") if stored.definition.counted_from else words


def _cells(values: list[object]) -> list[object]:
    """A row as Excel must read it: a unit or indicator name is never run as a formula."""
    return [neutralise_cell(value) for value in values]


def _title(unit: Unit, what: str) -> str:
    return f"{unit.name} – {what} · {UNIT_MARK} {unit.code}"


def _sheet_name(name: str) -> str:
    return name.translate(_FORBIDDEN_IN_SHEET_NAMES)[:_SHEET_NAME_LENGTH]


def _period_sheet(workbook: Workbook, name: str, unit: Unit, indicators: list[StoredIndicator],
                  *, year: int) -> None:
    """Add a sheet with a row per week (a row per month when every indicator is monthly)."""
    sheet = workbook.create_sheet(_sheet_name(name))
    monthly = all(s.definition.period == "month" for s in indicators)
    sheet.append(_cells([_title(unit, f"{name} {year}")]))
    headings = ([] if monthly else ["Uge"]) + ["Dato"]
    for stored in indicators:
        headings += [f"{stored.definition.name_da}: {word}" for word in _figures(stored)]
    sheet.append(_cells([*headings, "Note"]))
    if monthly:
        starts = [date(year, month, 1) for month in range(1, 13)]
    else:
        weeks = date(year, 12, 28).isocalendar().week  # 28 December is always in the last week
        starts = [date.fromisocalendar(year, week, 1) for week in range(1, weeks + 1)]
    for start in starts:
        week = [] if monthly else [f"{start.isocalendar().year}-W{start.isocalendar().week:02d}"]
        sheet.append([*week, start])
        sheet.cell(sheet.max_row, len(week) + 1).number_format = "DD-MM-YYYY"
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 12


def _events_sheet(workbook: Workbook, name: str, unit: Unit,
                  indicators: list[StoredIndicator]) -> None:
    """Add a sheet for events: a column of dates per event indicator, and a note."""
    sheet = workbook.create_sheet(_sheet_name(name))
    sheet.append(_cells([_title(unit, name)]))
    sheet.append(_cells([f"{stored.definition.name_da}: dato" for stored in indicators] + ["Note"]))
    for row in range(3, 3 + EVENT_ROWS):
        for column in range(1, len(indicators) + 1):
            sheet.cell(row, column).number_format = "DD-MM-YYYY"
