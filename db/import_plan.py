"""Plan an import: find every problem of the whole file, and what it would add or correct.

The plan reads the database but writes nothing, so the admin page can show it
as a preview; `db.importer` then carries out a plan that has no problems.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, select

from db.catalogue import list_indicators
from db.errors import Problem
from db.import_mapping import ImportMapping
from db.import_rows import ImportRow, ParsedTable
from db.models import Annotation, Entry, Event, UnitIndicator
from db.periods import period_start
from db.units import PATH_SEPARATOR, list_units
from db.validation import check_day, check_figures, check_free_text, clean_text, problem
from indicators import names_in_every_exposure

ALL_INDICATORS = ("alle", "all", "*")
UnitKey = int | str  # a unit's id, or the path of a unit the import will create


@dataclass(frozen=True)
class PlannedEntry:
    """An entry to add (entry_id None) or to correct."""

    unit: UnitKey
    indicator_id: int
    period_start: date
    figures: dict[str, float | None]
    note: str | None
    keep_note: bool  # the file has no note column: leave notes as they are
    entry_id: int | None = None
    source: tuple[str | None, int, str] | None = None  # the (sheet, row, indicator) it comes from


@dataclass(frozen=True)
class PlannedItem:
    """An event (indicator always set) or annotation (indicator None = all) to add."""

    unit: UnitKey
    indicator_id: int | None
    day: date
    text: str | None


@dataclass(frozen=True)
class PlannedEvent:
    """An event from the file: new (event_id None) or a stored one whose note it corrects."""

    unit: UnitKey
    indicator_id: int
    day: date
    note: str | None
    row: int | None = None  # the file's row it comes from
    event_id: int | None = None
    source: tuple[str | None, int, str] | None = None  # the (sheet, row, indicator) it comes from


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do, and every problem that stops it."""

    problems: tuple[Problem, ...]
    new_units: tuple[str, ...] = ()
    new_entries: tuple[PlannedEntry, ...] = ()
    corrected_entries: tuple[PlannedEntry, ...] = ()
    unchanged_entries: int = 0
    new_events: tuple[PlannedEvent, ...] = ()
    corrected_events: tuple[PlannedEvent, ...] = ()
    unchanged_events: int = 0
    new_annotations: tuple[PlannedItem, ...] = ()
    unchanged_annotations: int = 0
    notices: tuple[Problem, ...] = ()  # columns ignored, computed figures that disagree
    rows: tuple[ImportRow, ...] = ()  # the rows as read, for the preview
    off_board: tuple[tuple[UnitKey, int], ...] = ()  # (unit, indicator) with data, not on its board
    mapping: ImportMapping | None = None  # how the file was read (None: Tavle's own columns)
    shape: str = ""  # the file's shape, the key its mapping is remembered under

    @property
    def ok(self) -> bool:
        """Tell whether the file can be imported."""
        return not self.problems

    def row_status(self) -> dict[tuple[str | None, int, str], str]:
        """Return "new", "changed" or "unchanged" for each (sheet, row, indicator) read."""
        status = {(row.sheet, row.row, row.indicator): "unchanged" for row in self.rows}
        for planned, word in ([(e, "new") for e in self.new_entries + self.new_events]
                              + [(e, "changed") for e in self.corrected_entries
                                 + self.corrected_events]):
            if planned.source in status:
                status[planned.source] = word
        return status

    def summary(self) -> dict[str, int]:
        """Return how many units, entries, events and annotations are new, corrected or kept."""
        return {"new_units": len(self.new_units), "new_entries": len(self.new_entries),
                "corrected_entries": len(self.corrected_entries),
                "unchanged_entries": self.unchanged_entries, "new_events": len(self.new_events),
                "corrected_events": len(self.corrected_events),
                "unchanged_events": self.unchanged_events,
                "new_annotations": len(self.new_annotations),
                "unchanged_annotations": self.unchanged_annotations}


def plan_import(table: ParsedTable, *, session: Session, today: date,
                create_units: bool = False) -> ImportPlan:
    """Check the whole file against the rules and the database; say what would change."""
    if table.problems and not table.rows:
        return ImportPlan(problems=table.problems)
    problems = list(table.problems)
    units, new_units, unit_problems = _resolve_units(table.rows, session=session,
                                                     create=create_units)
    indicators, indicator_problems = _resolve_indicators(table.rows, session=session)
    problems += unit_problems + indicator_problems
    entries: dict[tuple, PlannedEntry] = {}
    first_row: dict[tuple, int] = {}
    # An event is a (unit, indicator, day); its note describes it and is no part of who it is.
    events: dict[tuple, list[tuple[int, str | None, bool, tuple]]] = {}
    annotations: Counter = Counter()
    for row in table.rows:
        unit = units.get(row.unit)
        resolved = indicators.get(row.indicator.lower())
        if resolved is None:  # the indicator is unknown: check what does not depend on it
            problems += row.place(check_day(row.day, today=today, row=row.row)
                                  + check_free_text(row.note, field="note", row=row.row))
            continue
        indicator_id, measure, period, counted = resolved
        kind = row.row_type or ("event" if measure == "events" else "entry")
        if indicator_id is None and kind != "change":
            problems += row.place([problem(
                "indicator", f"{row.indicator!r} kan kun bruges til ændringer",
                f"{row.indicator!r} can only be used for changes", row=row.row)])
            continue
        row_problems = row.place(_check_row(row, kind, measure, today=today, counted=counted))
        problems += row_problems
        if row_problems or unit is None:
            continue
        if kind == "entry":
            start = period_start(row.day, period)
            key = (unit, indicator_id, start)
            if key in first_row:
                problems += row.place([problem(
                    "date", f"perioden er allerede i række {first_row[key]}",
                    f"the period is already in row {first_row[key]}", row=row.row)])
                continue
            first_row[key] = row.row
            entries[key] = PlannedEntry(
                unit=unit, indicator_id=indicator_id, period_start=start,
                figures={"numerator": row.numerator, "denominator": row.denominator,
                         "value": row.value},
                note=clean_text(row.note),
                keep_note="note" not in table.columns or row.keep_note,
                source=(row.sheet, row.row, row.indicator))
        elif kind == "event":
            events.setdefault((unit, indicator_id, row.day), []).extend(
                [(row.row, clean_text(row.note), row.keep_note, (row.sheet, row.row, row.indicator))] * int(row.numerator or 1))
        else:
            annotations[PlannedItem(unit, indicator_id, row.day, clean_text(row.note))] += 1
    if problems:
        return ImportPlan(problems=tuple(sorted(problems, key=_order)),
                          notices=table.notices, rows=table.rows)
    plan = _compare(entries, events, annotations, new_units, session=session,
                    keep_notes="note" not in table.columns)
    return replace(plan, notices=table.notices, rows=table.rows,
                   off_board=_off_board(plan, session=session))


def _order(found: Problem) -> tuple:
    """Sort problems by sheet, then row (the whole file's problems first)."""
    return (found.sheet or "", found.row or 0, found.column or "")


def _off_board(plan: ImportPlan, *, session: Session) -> tuple[tuple[UnitKey, int], ...]:
    """Return each (unit, indicator) the import brings data for that is not on the unit's board."""
    wanted = dict.fromkeys((item.unit, item.indicator_id) for item in
                           plan.new_entries + plan.corrected_entries + plan.new_events
                           + plan.corrected_events)
    on_board = set(session.exec(select(UnitIndicator.unit_id, UnitIndicator.indicator_id)
                                .where(UnitIndicator.active)).all())
    return tuple(pair for pair in wanted if pair not in on_board)


def _check_row(row: ImportRow, kind: str, measure: str, *, today: date,
               counted: bool = False) -> list[Problem]:
    """Check one row by its kind: an entry, an event or a change (annotation)."""
    problems = check_day(row.day, today=today, row=row.row)
    if kind == "entry":
        if measure == "events":
            problems.append(problem("type", "indikatoren tæller hændelser, ikke registreringer",
                                    "the indicator counts events, not entries", row=row.row))
            return problems
        problems += check_figures(measure, numerator=row.numerator, denominator=row.denominator,
                                  value=row.value, row=row.row, counted=counted)
        return problems + check_free_text(row.note, field="note", row=row.row)
    if kind == "event" and measure != "events":
        problems.append(problem("type", "indikatoren tæller ikke hændelser",
                                "the indicator does not count events", row=row.row))
    if kind == "event" and row.numerator is not None and (
            row.numerator < 1 or not float(row.numerator).is_integer()):
        problems.append(problem("numerator", "antal hændelser skal være et helt tal, mindst 1",
                                "the number of events must be a whole number, at least 1",
                                row=row.row))
    for key in ("denominator", "value") if kind == "event" else ("numerator", "denominator",
                                                                  "value"):
        if getattr(row, key) is not None:
            problems.append(problem(key, "skal være tom for denne række",
                                    "must be empty for this row", row=row.row))
    return problems + check_free_text(row.note, field="note", row=row.row,
                                      required=kind == "change")


def _resolve_units(rows: tuple[ImportRow, ...], *, session: Session,
                   create: bool) -> tuple[dict[str, UnitKey], tuple[str, ...], list[Problem]]:
    """Match each unit cell to a unit by code, path or name; plan new ones if asked to."""
    table = list_units(session=session)
    by_path = {path.lower(): unit_id for path, unit_id in zip(table["path"], table["id"], strict=True)}
    by_code = dict(zip(table["code"], table["id"], strict=True))
    names = Counter(name.lower() for name in table["name"])
    by_name = {name.lower(): unit_id for name, unit_id in zip(table["name"], table["id"], strict=True)
               if names[name.lower()] == 1}
    resolved: dict[str, UnitKey] = {}
    new_paths: list[str] = []
    problems: list[Problem] = []
    for text, first, count in _distinct(rows, "unit"):
        path = PATH_SEPARATOR.join(part.strip() for part in text.split("/"))
        found = by_code.get(text.lower(), by_path.get(path.lower(), by_name.get(text.lower())))
        if found is not None:
            resolved[text] = int(found)
        elif create:
            parts = [part.strip() for part in text.split("/")]
            part_problems = [p for part in parts for p in check_free_text(
                part, field="unit", row=first, required=True)]
            if part_problems:
                problems += part_problems
                continue
            resolved[text] = path
            new_paths.append(path)
        else:
            ambiguous = names[text.lower()] > 1
            problems.append(problem(
                "unit", f"{'flere enheder hedder' if ambiguous else 'enheden findes ikke:'} "
                        f"{text!r}{_elsewhere(count)}; skriv hele stien, fx Kommune / Område / Enhed",
                f"{'several units are called' if ambiguous else 'no such unit:'} "
                f"{text!r}{_elsewhere(count, english=True)}; write the whole path",
                row=first))
    return resolved, tuple(new_paths), problems


def _resolve_indicators(rows: tuple[ImportRow, ...], *,
                        session: Session) -> tuple[dict[str, tuple], list[Problem]]:
    """Match each indicator cell by code or Danish or English name (or "alle" for all)."""
    lookup: dict[str, tuple] = {word: (None, "all", "day", False) for word in ALL_INDICATORS}
    for stored in list_indicators(session=session):
        definition = stored.definition
        # A unit's template names a rate in its exposure ("pr. 1000 beboerdøgn").
        for name in (*names_in_every_exposure(definition), definition.code):
            lookup[name.lower()] = (stored.id, definition.measure, definition.period,
                                    bool(definition.counted_from))
    found: dict[str, tuple] = {}
    problems: list[Problem] = []
    for text, first, count in _distinct(rows, "indicator"):
        if text.lower() in lookup:
            found[text.lower()] = lookup[text.lower()]
        else:
            problems.append(problem("indicator", f"indikatoren findes ikke: {text!r}{_elsewhere(count)}",
                                    f"no such indicator: {text!r}{_elsewhere(count, english=True)}",
                                    row=first))
    return found, problems


def _distinct(rows: tuple[ImportRow, ...], attribute: str) -> list[tuple[str, int, int]]:
    """Return each distinct cell text with the first row it is on and how often it occurs."""
    seen: dict[str, list[int]] = {}
    for row in rows:
        seen.setdefault(getattr(row, attribute), []).append(row.row)
    return [(text, numbers[0], len(numbers)) for text, numbers in seen.items()]


def _elsewhere(count: int, *, english: bool = False) -> str:
    """Say how many other rows share a problem with the row reported."""
    if count <= 1:
        return ""
    return f" (also in {count - 1} more rows)" if english else f" (også i {count - 1} rækker mere)"


def _compare(entries: dict[tuple, PlannedEntry], events: dict[tuple, list], annotations: Counter,
             new_units: tuple[str, ...], *, session: Session, keep_notes: bool) -> ImportPlan:
    """Compare the planned rows with the database: what is new, changed or already there."""
    unit_ids = ({key[0] for key in entries} | {key[0] for key in events}
                | {item.unit for item in annotations})
    existing_ids = [unit for unit in unit_ids if isinstance(unit, int)]
    stored = {(e.unit_id, e.indicator_id, e.period_start): e for e in session.exec(
        select(Entry).where(Entry.unit_id.in_(existing_ids))).all()}
    new, corrected, unchanged = [], [], 0
    for key, planned in entries.items():
        entry = stored.get(key)
        if entry is None:
            new.append(planned)
            continue
        same = all(getattr(entry, name) == value for name, value in planned.figures.items())
        same = same and (planned.keep_note or entry.note == planned.note)
        if same and entry.deleted_at is None:
            unchanged += 1
        else:
            corrected.append(replace(planned, entry_id=entry.id))
    stored_events: dict[tuple, list[Event]] = {}
    for event in session.exec(select(Event).where(Event.unit_id.in_(existing_ids),
                                                  Event.deleted_at.is_(None))
                              .order_by(Event.id)).all():
        stored_events.setdefault((event.unit_id, event.indicator_id, event.day), []).append(event)
    new_events, corrected_events = _match_events(events, stored_events, keep_notes=keep_notes)
    have_notes = Counter(PlannedItem(a.unit_id, a.indicator_id, a.day, a.text) for a in
                         session.exec(select(Annotation).where(
                             Annotation.unit_id.in_(existing_ids),
                             Annotation.deleted_at.is_(None))).all())
    new_annotations = [item for item, n in (annotations - have_notes).items() for _ in range(n)]
    return ImportPlan(
        problems=(), new_units=new_units, new_entries=tuple(new),
        corrected_entries=tuple(corrected), unchanged_entries=unchanged,
        new_events=tuple(new_events), corrected_events=tuple(corrected_events),
        unchanged_events=sum(map(len, events.values())) - len(new_events) - len(corrected_events),
        new_annotations=tuple(new_annotations),
        unchanged_annotations=sum(annotations.values()) - len(new_annotations))


def _match_events(events: dict[tuple, list[tuple[int, str | None, bool, tuple]]],
                  stored: dict[tuple, list[Event]], *,
                  keep_notes: bool) -> tuple[list[PlannedEvent], list[PlannedEvent]]:
    """Pair the file's events with the stored ones of the same unit, indicator and day.

    Two events on one day are two: the file's k-th event of a day is new only when
    the day holds fewer than k stored events. Equal notes pair first; the rest pair
    in order, and a paired event whose note differs is a note correction.
    """
    new: list[PlannedEvent] = []
    corrected: list[PlannedEvent] = []
    for key, from_file in events.items():
        waiting = list(stored.get(key, ()))
        unpaired: list[tuple[int, str | None, bool, tuple]] = []
        for row, note, keep, source in from_file:
            same = next((event for event in waiting if event.note == note), None)
            if same is None:
                unpaired.append((row, note, keep, source))
            else:
                waiting.remove(same)
        for row, note, keep, source in unpaired:
            planned = PlannedEvent(key[0], key[1], key[2], note, row=row, source=source)
            if not waiting:
                new.append(planned)
                continue
            event = waiting.pop(0)
            if not (keep_notes or keep):
                corrected.append(replace(planned, event_id=event.id))
    return new, corrected
