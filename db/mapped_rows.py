"""Read the sheets of a file through its mapping into the rows the import plans with.

A long sheet gives a row per line (its indicator in a column). A wide sheet
gives, per line (a week, a month or a day), one row per indicator that has
cells on that line, and one event per date in an event column. Computed
columns are read only to check them against the numerator and denominator.
"""

from __future__ import annotations

from datetime import date

from openpyxl.utils import get_column_letter

from db.catalogue import StoredIndicator
from db.errors import Problem
from db.import_mapping import INDICATOR_ROLES, ImportMapping, SheetMapping
from db.import_rows import (
    ROW_TYPES,
    ImportRow,
    ParsedTable,
    cell_text,
    read_date,
    read_number,
    unreadable_number,
)
from db.sheet_files import CSV_SHEET, Sheet
from db.validation import problem
from db.week_cells import read_week

# Which figures each measure needs in a wide sheet.
NEEDED_FIGURES = {"proportion": ("numerator", "denominator"), "rate": ("numerator", "denominator"),
                  "count": ("numerator",), "measurement": ("value",), "events": ("event",)}
# A computed share agrees when it is the ratio, or the ratio in per cent, to its shown decimals.
SHARE_TOLERANCE = 0.006
PERCENT_TOLERANCE = 0.6
# A sheet's weeks go forward: a week number this much lower than the last starts a new year.
_NEW_YEAR_DROP = 26
# The roles only one column of a sheet may take, with their names in messages.
_SINGLE_ROLES = {"unit": ("enhed", "unit"), "indicator": ("indikator", "indicator"),
                 "date": ("dato", "date"), "week": ("uge", "week"), "year": ("år", "year"),
                 "note": ("note", "note"), "type": ("art", "type")}


def read_mapped(sheets: tuple[Sheet, ...], mapping: ImportMapping, *,
                indicators: list[StoredIndicator]) -> ParsedTable:
    """Return the rows the mapped sheets hold, every cell that cannot be read, and notices."""
    by_name = {sheet.name: sheet for sheet in sheets}
    measures = {stored.definition.code: stored.definition.measure for stored in indicators}
    # A count taken from the registered events is never read from a sheet (see db.event_counts).
    counted = frozenset(s.definition.code for s in indicators if s.definition.counted_from)
    rows: list[ImportRow] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    for sheet_mapping in mapping.sheets:
        sheet = by_name.get(sheet_mapping.sheet)
        if sheet is None:
            problems.append(problem(None, f"arket {sheet_mapping.sheet!r} findes ikke i filen",
                                    f"the file has no sheet {sheet_mapping.sheet!r}", row=None))
            continue
        reader = _SheetReader(sheet, sheet_mapping, unit=mapping.unit, measures=measures,
                              counted=counted)
        found = reader.check_mapping()
        if not found:
            reader.read()
            found = reader.problems
        rows += reader.rows
        problems += found
        notices += reader.notices
    if not rows and not problems:
        problems.append(problem(None, "filen har ingen rækker med data", "the file has no data rows",
                                row=None))
    has_note = any(column.role == "note" for s in mapping.sheets for column in s.columns)
    return ParsedTable(rows=tuple(rows), problems=tuple(problems),
                       columns=frozenset({"note"} if has_note else ()), notices=tuple(notices))


class _SheetReader:
    """Reads one sheet through its mapping; collects rows, problems and notices."""

    def __init__(self, sheet: Sheet, mapping: SheetMapping, *, unit: str | None,
                 measures: dict[str, str], counted: frozenset[str] = frozenset()) -> None:
        self.sheet, self.mapping, self.unit, self.measures = sheet, mapping, unit, measures
        self.counted = counted
        self.name = None if sheet.name == CSV_SHEET else sheet.name
        self.rows: list[ImportRow] = []
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.roles: dict[str, list[int]] = {}
        for position, column in enumerate(mapping.columns):
            self.roles.setdefault(column.role, []).append(position)
        self.keep_note = "note" not in self.roles

    def _problem(self, da: str, en: str, *, row: int | None, position: int | None = None,
                 field: str | None = None) -> Problem:
        """Return a problem placed in this sheet (and column)."""
        found = problem(field, da, en, row=row)
        column = None if position is None else get_column_letter(position + 1)
        return Problem(found.row, found.field, found.message_da, found.message_en,
                       sheet=self.name, column=column)

    def check_mapping(self) -> list[Problem]:
        """Return what is wrong with the mapping itself (nothing is read when anything is)."""
        found: list[Problem] = []
        heading_row = self.mapping.heading_row
        for position in self.roles.get("unknown", ()):
            heading = self.mapping.headings[position] or get_column_letter(position + 1)
            found.append(self._problem(
                f"kolonnen {heading!r} kendes ikke; vælg hvad den er, eller Ignorér",
                f"the column {heading!r} is unknown; choose what it is, or Ignore",
                row=heading_row, position=position))
        for role, (name_da, name_en) in _SINGLE_ROLES.items():
            for position in self.roles.get(role, [])[1:]:
                found.append(self._problem(f"to kolonner er valgt som {name_da}",
                                           f"two columns are chosen as {name_en}",
                                           row=heading_row, position=position))
        if self.unit is None and "unit" not in self.roles:
            found.append(self._problem("vælg enheden filen er for, eller en kolonne med enheden",
                                       "choose the unit the file is for, or a column with the unit",
                                       row=None))
        if self.mapping.is_long():
            if "date" not in self.roles:
                found.append(self._problem("vælg kolonnen med datoen", "choose the date column",
                                           row=None))
            return found
        figures: dict[str, set[str]] = {}
        for column in self.mapping.columns:
            if column.role in INDICATOR_ROLES:
                figures.setdefault(column.indicator, set()).add(column.role)
        if not figures and "unknown" not in self.roles:
            found.append(self._problem(
                "ingen kolonne er knyttet til en indikator", "no column belongs to an indicator",
                row=None))
        for code, roles in figures.items():
            measure = self.measures.get(code)
            missing = [role for role in NEEDED_FIGURES.get(measure, ()) if role not in roles
                       and not (role == "numerator" and code in self.counted)]
            if measure is None:
                found.append(self._problem(f"indikatoren findes ikke: {code!r}",
                                           f"no such indicator: {code!r}", row=None))
            elif missing:
                found.append(self._problem(
                    f"{code} mangler en kolonne: {', '.join(missing)}",
                    f"{code} lacks a column: {', '.join(missing)}", row=None))
        only_events = all(roles == {"event"} for roles in figures.values())
        if not only_events and not ({"date", "week"} & set(self.roles)):
            found.append(self._problem("vælg kolonnen med datoen eller ugen",
                                       "choose the column with the date or the week", row=None))
        return found

    def read(self) -> None:
        """Read every line below the headings."""
        previous_week: tuple[int, int] | None = None
        year = self.mapping.year
        for number in range(self.mapping.heading_row + 1, len(self.sheet.rows) + 1):
            cells = self.sheet.rows[number - 1]
            if all(cell_text(cell) == "" for cell in cells):
                continue
            if self.mapping.is_long():
                self._long_line(number)
                continue
            day, year, previous_week = self._line_day(number, year, previous_week)
            self._wide_line(number, day)

    def _cell(self, number: int, role: str) -> tuple[object, int | None]:
        """Return the cell of the line's column with this (single) role, and its position."""
        positions = self.roles.get(role)
        if not positions:
            return None, None
        return self.sheet.cell(number, positions[0]), positions[0]

    def _text(self, number: int, role: str) -> str | None:
        return cell_text(self._cell(number, role)[0]) or None

    def _unit(self, number: int) -> str | None:
        """Return the line's unit: this unit, or the unit column's cell."""
        if "unit" in self.roles:
            text = self._text(number, "unit")
            if text is None:
                self.problems.append(self._problem("mangler", "is missing", row=number,
                                                   position=self.roles["unit"][0], field="unit"))
            return text
        return self.unit

    def _letters(self, **positions: int | None) -> tuple[tuple[str, str], ...]:
        return tuple((field, get_column_letter(position + 1))
                     for field, position in positions.items() if position is not None)

    def _long_line(self, number: int) -> None:
        """Read a line of a long sheet: unit, indicator, date, figures, note and kind."""
        unit = self._unit(number)
        indicator = self._text(number, "indicator")
        date_cell, date_position = self._cell(number, "date")
        day = self._day(date_cell, number, date_position)
        figures, readable = {}, True
        for field in ("numerator", "denominator", "value"):
            cell, position = self._cell(number, f"{field}_any")
            figures[field], ok = read_number(cell, decimal_comma=self.sheet.decimal_comma)
            if not ok:
                readable = False
                self.problems.append(self._placed(unreadable_number(
                    field, cell, self.sheet.decimal_comma, number), position))
        kind = None
        if self._text(number, "type") is not None:
            kind = ROW_TYPES.get(self._text(number, "type").lower())
            if kind is None:
                self.problems.append(self._problem(
                    "skal være registrering, hændelse eller ændring", "must be entry, event or change",
                    row=number, position=self.roles["type"][0], field="type"))
                readable = False
        if indicator is None:
            self.problems.append(self._problem("mangler", "is missing", row=number,
                                               position=self.roles["indicator"][0],
                                               field="indicator"))
        if unit is None or indicator is None or day is None or not readable:
            return
        self.rows.append(ImportRow(
            row=number, unit=unit, indicator=indicator, day=day, note=self._text(number, "note"),
            row_type=kind, sheet=self.name, keep_note=self.keep_note,
            columns=self._letters(date=date_position, note=self._cell(number, "note")[1],
                                  numerator=self._cell(number, "numerator_any")[1],
                                  denominator=self._cell(number, "denominator_any")[1],
                                  value=self._cell(number, "value_any")[1]),
            **figures))

    def _placed(self, found: Problem, position: int | None) -> Problem:
        column = None if position is None else get_column_letter(position + 1)
        return Problem(found.row, found.field, found.message_da, found.message_en,
                       sheet=self.name, column=column)

    def _day(self, cell: object, number: int, position: int | None) -> date | None:
        """Read a date cell, or report it as missing or unreadable."""
        day = read_date(cell)
        if day is None:
            shown = cell_text(cell)
            self.problems.append(self._problem(
                f"{shown!r} er ikke en dato; skriv fx 22-11-2026" if shown else "mangler",
                f"{shown!r} is not a date; write e.g. 22-11-2026" if shown else "is missing",
                row=number, position=position, field="date"))
        return day

    def _line_day(self, number: int, year: int | None, previous: tuple[int, int] | None,
                  ) -> tuple[date | None, int | None, tuple[int, int] | None]:
        """Return the line's day (its date, or the Monday of its week) and the year it runs in."""
        if "date" in self.roles:
            cell, position = self._cell(number, "date")
            if cell_text(cell):
                return self._day(cell, number, position), year, previous
            if "week" not in self.roles:
                return None, year, previous
        if "week" not in self.roles:
            return None, year, previous
        cell, position = self._cell(number, "week")
        if not cell_text(cell):
            return None, year, previous
        year_cell = self._text(number, "year")
        stated, week = read_week(cell)
        if year_cell and year_cell.isdigit():
            stated = int(year_cell)
        if stated is None and year is not None and previous is not None and (
                week is not None and week < previous[1] - _NEW_YEAR_DROP):
            year += 1
        run_year = stated or year
        if week is None or run_year is None:
            shown = cell_text(cell)
            self.problems.append(self._problem(
                f"{shown!r} er ikke en uge; skriv fx 45 eller 2026-W45" if week is None else
                f"uge {week} har intet år; skriv fx 2026-W{week}, eller angiv året",
                f"{shown!r} is not a week; write e.g. 45 or 2026-W45" if week is None else
                f"week {week} has no year; write e.g. 2026-W{week}, or give the year",
                row=number, position=position, field="date"))
            return None, year, previous
        try:
            monday = date.fromisocalendar(run_year, week, 1)
        except ValueError:
            self.problems.append(self._problem(
                f"år {run_year} har ingen uge {week}", f"{run_year} has no week {week}",
                row=number, position=position, field="date"))
            return None, year, previous
        return monday, (year if stated else run_year), (run_year, week)

    def _wide_line(self, number: int, day: date | None) -> None:
        """Read one line of a wide sheet: a row per indicator with cells, an event per date."""
        unit = self._unit(number)
        note, note_position = self._text(number, "note"), self._cell(number, "note")[1]
        ratio: dict[str, float] = {}
        for code in self.mapping.indicators():
            figures: dict[str, float | None] = {"numerator": None, "denominator": None,
                                                "value": None}
            letters: dict[str, int] = {}
            filled, readable = False, True
            for position, column in enumerate(self.mapping.columns):
                if column.indicator != code:
                    continue
                cell = self.sheet.cell(number, position)
                if column.role == "event":
                    self._event(number, cell, position, day, unit, code, note, note_position)
                    continue
                figure, ok = read_number(cell, decimal_comma=self.sheet.decimal_comma)
                letters[column.role] = position
                filled = filled or cell_text(cell) != ""
                if not ok:
                    readable = False
                    self.problems.append(self._placed(unreadable_number(
                        column.role, cell, self.sheet.decimal_comma, number), position))
                figures[column.role] = figure
            if not filled or not readable:
                continue
            if day is None:
                self.problems.append(self._problem(
                    "linjen har tal men ingen dato eller uge", "the line has figures but no date or week",
                    row=number, field="date"))
                return
            if unit is None:
                return
            if figures["numerator"] is not None and figures["denominator"]:
                ratio[code] = figures["numerator"] / figures["denominator"]
            self.rows.append(ImportRow(
                row=number, unit=unit, indicator=code, day=day, note=note, row_type="entry",
                sheet=self.name, keep_note=self.keep_note,
                columns=self._letters(note=note_position, **letters), **figures))
        self._check_computed(number, ratio)

    def _event(self, number: int, cell: object, position: int, day: date | None,
               unit: str | None, code: str, note: str | None, note_position: int | None) -> None:
        """Read an event column's cell: a date (one event), or a number of events on the line's day."""
        if cell_text(cell) == "" or unit is None:
            return
        count, is_number = read_number(cell, decimal_comma=self.sheet.decimal_comma)
        if is_number and count is not None and not isinstance(cell, date):
            if count == 0:
                return
            event_day = day
            if event_day is None:
                self.problems.append(self._problem("linjen har ingen dato eller uge",
                                                   "the line has no date or week", row=number,
                                                   position=position, field="date"))
                return
        else:
            event_day, count = self._day(cell, number, position), None
            if event_day is None:
                return
        self.rows.append(ImportRow(
            row=number, unit=unit, indicator=code, day=event_day, numerator=count,
            denominator=None, value=None, note=note, row_type="event", sheet=self.name,
            keep_note=self.keep_note,
            columns=self._letters(date=position, numerator=position, note=note_position)))

    def _check_computed(self, number: int, ratio: dict[str, float]) -> None:
        """Check the line's computed shares against its one numerator and denominator."""
        if len(ratio) != 1:
            return
        (expected,) = ratio.values()
        for position in self.roles.get("computed", ()):
            cell = self.sheet.cell(number, position)
            shown = cell_text(cell).replace("%", "").strip()
            figure, ok = read_number(shown if isinstance(cell, str) else cell,
                                     decimal_comma=self.sheet.decimal_comma)
            if figure is None or not ok:
                continue
            if (abs(figure - expected) <= SHARE_TOLERANCE
                    or abs(figure - 100 * expected) <= PERCENT_TOLERANCE):
                continue
            heading = self.mapping.headings[position]
            self.notices.append(self._problem(
                f"{heading} er {danish(figure)}, men tæller og nævner giver "
                f"{danish(100 * expected)} %",
                f"{heading} is {figure:g}, but numerator and denominator give {100 * expected:.1f} %",
                row=number, position=position))


def computed_notices(mapping: ImportMapping) -> tuple[Problem, ...]:
    """Say once per computed column that it is not imported (only checked)."""
    notices = []
    for sheet in mapping.sheets:
        roles = [{c.role for c in sheet.columns if c.indicator == code}
                 for code in sheet.indicators()]
        checked = [r for r in roles if {"numerator", "denominator"} <= r]
        checked_da = "; den er holdt op mod tæller og nævner" if len(checked) == 1 else ""
        checked_en = "; it was checked against the numerator and denominator" if checked_da else ""
        for position, column in enumerate(sheet.columns):
            if column.role == "computed":
                heading = sheet.headings[position]
                notices.append(Problem(
                    None, None, f"{heading!r} er beregnet af andre kolonner og importeres ikke"
                                + checked_da,
                    f"{heading!r} is computed from other columns and is not imported"
                    + checked_en,
                    sheet=None if sheet.sheet == CSV_SHEET else sheet.sheet,
                    column=get_column_letter(position + 1)))
    return tuple(notices)


def danish(figure: float) -> str:
    """Write a figure with a decimal comma and at most one decimal."""
    rounded = round(figure, 1)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")
