"""Guess a mapping from what a sheet looks like: its heading row and the words of its headings.

The guess is only a starting point the administrator checks on the mapping
step; a column it cannot place is "unknown", which stops an import until
someone says what it is (or to ignore it).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime

from db.catalogue import StoredIndicator
from db.import_mapping import IGNORE, ColumnRole, ImportMapping, SheetMapping
from db.import_rows import COLUMN_NAMES
from db.sheet_files import Sheet
from indicators import names_in_every_exposure

# Title rows above the headings are few; a heading row further down is not searched for.
HEADING_SEARCH_ROWS = 15
_YEAR = re.compile(r"\b(19[9]\d|20\d\d)\b")
_UNIT_MARK = re.compile(r"(?:enhed|unit):\s*([a-z0-9][a-z0-9_-]*)", re.IGNORECASE)  # templates
_LONG_ROLES = {"unit": "unit", "indicator": "indicator", "date": "date",
               "numerator": "numerator_any", "denominator": "denominator_any",
               "value": "value_any", "note": "note", "type": "type"}
# The words after "NAME:" in a template's headings (and their English twins).
FIGURE_WORDS = {"tæller": "numerator", "numerator": "numerator", "nævner": "denominator",
                "denominator": "denominator", "værdi": "value", "value": "value",
                "dato": "event", "date": "event", "hændelser": "event", "events": "event"}
_WEEK = ("uge", "ugenr", "ugenr.", "ugenummer", "week", "iso-uge", "iso uge")
_YEARS = ("år", "year", "årstal")
_DATE_STARTS = ("dato", "date", "mandag", "dag", "day")
_NOTE_STARTS = ("kommentar", "bemærk", "note", "comment", "tekst", "text")
# Words of a column computed from others (a share, a total): ignored, or checked.
_COMPUTED_WORDS = ("andel", "%", "procent", "i alt", "total", "sum", "gennemsnit", "average",
                   "share")


def find_heading_row(sheet: Sheet) -> int:
    """Return the row (from 1) holding the headings: the first with two or more text cells only."""
    for number, cells in enumerate(sheet.rows[:HEADING_SEARCH_ROWS], start=1):
        filled = [cell for cell in cells if cell is not None and str(cell).strip()]
        if len(filled) >= 2 and all(isinstance(cell, str) for cell in filled):
            return number
    return 1


def headings_at(sheet: Sheet, heading_row: int) -> tuple[str, ...]:
    """Return the sheet's headings in a row, as wide as its widest data row ("" where blank)."""
    width = max((len(cells) for cells in sheet.rows[heading_row - 1:]), default=0)
    return tuple(_text(sheet.cell(heading_row, column)) for column in range(width))


def file_shape(sheets: tuple[Sheet, ...]) -> str:
    """Return a key for a file's shape: its sheets' names and headings, not its title or data."""
    described = []
    for sheet in sheets:
        headings = headings_at(sheet, find_heading_row(sheet))
        described.append([sheet.name, [" ".join(h.lower().split()) for h in headings]])
    return hashlib.sha256(json.dumps(described, ensure_ascii=False).encode()).hexdigest()


def title_year(sheet: Sheet, heading_row: int) -> int | None:
    """Return a year written in the title rows above the headings ("… 2026"), if any."""
    for cells in sheet.rows[:heading_row - 1]:
        for cell in cells:
            found = _YEAR.search(_text(cell))
            if found:
                return int(found.group(1))
    return None


def guess_mapping(sheets: tuple[Sheet, ...], *, indicators: list[StoredIndicator],
                  package_names: dict[str, tuple[str, ...]], unit: str | None = None,
                  ) -> ImportMapping:
    """Guess every sheet's heading row and each column's role; empty sheets are skipped."""
    mapped, skipped = [], []
    for sheet in sheets:
        if not any(_text(cell) for cells in sheet.rows for cell in cells):
            skipped.append(sheet.name)
            continue
        mapped.append(guess_sheet(sheet, indicators=indicators, package_names=package_names))
        if unit is None:
            unit = title_unit(sheet, mapped[-1].heading_row)
    return ImportMapping(sheets=tuple(mapped), unit=unit, skipped=tuple(skipped))


def title_unit(sheet: Sheet, heading_row: int) -> str | None:
    """Return the unit code a template writes in its title row ("enhed: solbakken"), if any."""
    for cells in sheet.rows[:heading_row - 1]:
        for cell in cells:
            found = _UNIT_MARK.search(_text(cell))
            if found:
                return found.group(1).lower()
    return None


def guess_sheet(sheet: Sheet, *, indicators: list[StoredIndicator],
                package_names: dict[str, tuple[str, ...]], heading_row: int | None = None,
                ) -> SheetMapping:
    """Guess one sheet's mapping (at heading_row, or the row find_heading_row finds)."""
    row = heading_row or find_heading_row(sheet)
    headings = headings_at(sheet, row)
    names = _indicator_names(indicators)
    columns = []
    for position, heading in enumerate(headings):
        if heading:
            columns.append(guess_column(heading, names))
        else:  # a column without a heading holds nothing, or something to ask about
            has_data = any(_text(sheet.cell(number, position))
                           for number in range(row + 1, len(sheet.rows) + 1))
            columns.append(ColumnRole("unknown") if has_data else IGNORE)
    mapping = SheetMapping(sheet=sheet.name, heading_row=row, headings=headings,
                           columns=tuple(columns), year=title_year(sheet, row))
    return _dates_of_events(mapping, sheet.name, indicators, package_names)


def guess_column(heading: str, names: dict[str, StoredIndicator]) -> ColumnRole:
    """Guess one column's role from its heading."""
    text = " ".join(heading.lower().split())
    for key, spellings in COLUMN_NAMES.items():
        if text in spellings:
            return ColumnRole(_LONG_ROLES[key])
    name, _, word = text.rpartition(":")
    if name.strip() in names and word.strip() in FIGURE_WORDS:
        return ColumnRole(FIGURE_WORDS[word.strip()], names[name.strip()].definition.code)
    if text in names:
        definition = names[text].definition
        single = {"events": "event", "measurement": "value", "count": "numerator"}
        if definition.measure in single:
            return ColumnRole(single[definition.measure], definition.code)
    first_word = text.split(" ")[0].rstrip(".:")
    if text in _WEEK or first_word in ("uge", "week"):
        return ColumnRole("week")
    if text in _YEARS:
        return ColumnRole("year")
    if first_word in _DATE_STARTS:
        return ColumnRole("date")
    if text.startswith(_NOTE_STARTS):
        return ColumnRole("note")
    if any(word in text for word in _COMPUTED_WORDS):
        return ColumnRole("computed")
    return ColumnRole("unknown")


def _dates_of_events(mapping: SheetMapping, sheet_name: str, indicators: list[StoredIndicator],
                     package_names: dict[str, tuple[str, ...]]) -> SheetMapping:
    """Read a sheet of dates alone, named for a package with one event indicator, as its events."""
    roles = [column.role for column in mapping.columns]
    if roles.count("date") != 1 or not set(roles) <= {"date", "note", "ignore"}:
        return mapping
    name = sheet_name.strip().lower()
    events = [stored for stored in indicators if stored.definition.measure == "events" and (
        name in (n.lower() for n in package_names.get(stored.definition.package, ()))
        or name in (stored.definition.name_da.lower(), stored.definition.name_en.lower()))]
    if len(events) != 1:
        return mapping
    return mapping.with_role(roles.index("date"), ColumnRole("event", events[0].definition.code))


def _indicator_names(indicators: list[StoredIndicator]) -> dict[str, StoredIndicator]:
    """Return each indicator by its code and its Danish and English names, in lower case."""
    names: dict[str, StoredIndicator] = {}
    for stored in indicators:
        definition = stored.definition
        # A unit's template names a rate in its exposure ("pr. 1000 beboerdøgn").
        for name in (definition.code, *names_in_every_exposure(definition)):
            names.setdefault(name.lower(), stored)
    return names


def _text(cell: object) -> str:
    """Return a cell as stripped text (a date as dd-mm-yyyy)."""
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        return f"{cell:%d-%m-%Y}"
    return str(cell).replace("\u00a0", " ").strip()
