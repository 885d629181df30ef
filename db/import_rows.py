"""Turn the cells of an import file into typed rows, reporting every cell it cannot read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from db.csv_files import RawTable, unneutralise
from db.errors import Problem
from db.validation import problem

# Accepted spellings of each column, Danish first; matched without case.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "unit": ("enhed", "unit"),
    "indicator": ("indikator", "indicator"),
    "date": ("dato", "date"),
    "numerator": ("tæller", "taeller", "numerator"),
    "denominator": ("nævner", "naevner", "denominator"),
    "value": ("værdi", "vaerdi", "value"),
    "note": ("note", "tekst", "text"),
    "type": ("art", "type"),
}
REQUIRED_COLUMNS = ("unit", "indicator", "date")
# The kind of a row, by the words the "art/type" column accepts.
ROW_TYPES: dict[str, str] = {
    "registrering": "entry", "entry": "entry",
    "hændelse": "event", "haendelse": "event", "event": "event",
    "ændring": "change", "aendring": "change", "change": "change",
}
_DANISH_NUMBER = re.compile(r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")
_POINT_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class ImportRow:
    """One readable row of an import file, with its row number in the file."""

    row: int
    unit: str
    indicator: str
    day: date
    numerator: float | None
    denominator: float | None
    value: float | None
    note: str | None
    row_type: str | None  # "entry", "event", "change", or None to follow the indicator
    sheet: str | None = None  # the sheet of a mapped workbook
    columns: tuple[tuple[str, str], ...] = ()  # (field, Excel column) the row's cells came from
    keep_note: bool = False  # the sheet has no note column: leave stored notes as they are

    def place(self, problems: list[Problem]) -> list[Problem]:
        """Return the problems found in this row with its sheet and the column of their field."""
        columns = dict(self.columns)
        return [replace(found, sheet=self.sheet, column=columns.get(found.field, found.column))
                for found in problems]


@dataclass(frozen=True)
class ParsedTable:
    """The typed rows of a file, the problems found reading it, and which columns it has."""

    rows: tuple[ImportRow, ...]
    problems: tuple[Problem, ...]
    columns: frozenset[str]
    notices: tuple[Problem, ...] = ()  # what was read but not imported, and why (not refusals)


def parse_table(table: RawTable) -> ParsedTable:
    """Read every row of table; rows with unreadable cells become problems, not rows."""
    positions, problems = _map_header(table.header)
    if problems:
        return ParsedTable(rows=(), problems=tuple(problems), columns=frozenset(positions))
    rows: list[ImportRow] = []
    for index, cells in enumerate(table.rows):
        number = index + 2  # row 1 is the header, as Excel counts
        if all(cell_text(cell) == "" for cell in cells):
            continue
        if len(cells) > len(table.header) and any(cell_text(c) for c in cells[len(table.header):]):
            problems.append(problem(None, "har flere celler end der er kolonner",
                                    "has more cells than there are columns", row=number))
            continue
        row, row_problems = _parse_row(number, cells, positions, decimal_comma=table.decimal_comma)
        problems += row_problems
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append(problem(None, "filen har ingen rækker med data", "the file has no data rows",
                                row=None))
    return ParsedTable(rows=tuple(rows), problems=tuple(problems), columns=frozenset(positions))


def _map_header(header: tuple[str, ...]) -> tuple[dict[str, int], list[Problem]]:
    """Find each known column in the header; unknown and repeated names are problems."""
    spellings = {name: key for key, names in COLUMN_NAMES.items() for name in names}
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for position, cell in enumerate(header):
        name = unneutralise(cell_text(cell)).lstrip("\ufeff").strip().lower()
        if not name:
            continue
        key = spellings.get(name)
        if key is None:
            problems.append(problem(None, f"kolonnen {name!r} kendes ikke; kendte kolonner: "
                                    + ", ".join(names[0] for names in COLUMN_NAMES.values()),
                                    f"the column {name!r} is unknown; known columns: "
                                    + ", ".join(names[-1] for names in COLUMN_NAMES.values()),
                                    row=1))
        elif key in positions:
            problems.append(problem(key, "kolonnen står der to gange", "the column appears twice",
                                    row=1))
        else:
            positions[key] = position
    for key in REQUIRED_COLUMNS:
        if key not in positions:
            problems.append(problem(key, "kolonnen mangler", "the column is missing", row=1))
    return positions, problems


def _parse_row(number: int, cells: tuple[object, ...], positions: dict[str, int], *,
               decimal_comma: bool) -> tuple[ImportRow | None, list[Problem]]:
    """Read one row's cells into an ImportRow, or say which cells could not be read."""
    def cell(key: str) -> object:
        position = positions.get(key)
        return cells[position] if position is not None and position < len(cells) else None

    problems: list[Problem] = []
    texts = {key: unneutralise(cell_text(cell(key))) or None
             for key in ("unit", "indicator", "note", "type")}
    for key in ("unit", "indicator"):
        if texts[key] is None:
            problems.append(problem(key, "mangler", "is missing", row=number))
    day = read_date(cell("date"))
    if day is None:
        shown = cell_text(cell("date"))
        problems.append(problem("date", f"{shown!r} er ikke en dato; skriv fx 22-11-2026",
                                f"{shown!r} is not a date; write e.g. 2026-11-22", row=number)
                        if shown else problem("date", "mangler", "is missing", row=number))
    figures: dict[str, float | None] = {}
    for key in ("numerator", "denominator", "value"):
        figures[key], readable = read_number(cell(key), decimal_comma=decimal_comma)
        if not readable:
            problems.append(unreadable_number(key, cell(key), decimal_comma, number))
    row_type = None
    if texts["type"] is not None:
        row_type = ROW_TYPES.get(texts["type"].strip().lower())
        if row_type is None:
            problems.append(problem("type", "skal være registrering, hændelse eller ændring",
                                    "must be entry, event or change", row=number))
    if problems:
        return None, problems
    return ImportRow(row=number, unit=texts["unit"].strip(), indicator=texts["indicator"].strip(),
                     day=day, note=texts["note"], row_type=row_type, **figures), []


def cell_text(cell: object) -> str:
    """Return a cell as stripped text ("" for an empty cell)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).replace("\u00a0", " ").strip()


def read_date(cell: object) -> date | None:
    """Read a date cell: an Excel date, or text such as 22-11-2026 or 2026-11-22."""
    if isinstance(cell, datetime):
        return cell.date() if cell.time() == datetime.min.time() else None
    if isinstance(cell, date):
        return cell
    text = cell_text(cell)
    for pattern in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        if parsed.time() == datetime.min.time():
            return parsed.date()
    return None


def read_number(cell: object, *, decimal_comma: bool) -> tuple[float | None, bool]:
    """Read a number cell; return (number or None when empty, whether it could be read)."""
    if isinstance(cell, bool):
        return None, False
    if isinstance(cell, int | float):
        return float(cell), True
    text = cell_text(cell).replace(" ", "")
    if not text:
        return None, True
    if decimal_comma and _DANISH_NUMBER.fullmatch(text):
        return float(text.replace(".", "").replace(",", ".")), True
    if not decimal_comma and _POINT_NUMBER.fullmatch(text):
        return float(text), True
    return None, False


def unreadable_number(key: str, cell: object, decimal_comma: bool, row: int) -> Problem:
    """Say that a number cell could not be read, and how to write it."""
    shown = cell_text(cell)
    example_da, example_en = ("12,5", "12,5 (decimal comma)") if decimal_comma else ("12.5", "12.5")
    return problem(key, f"{shown!r} er ikke et tal; skriv fx {example_da}",
                   f"{shown!r} is not a number; write e.g. {example_en}", row=row)
