"""Export every entry, event and annotation in the format the import reads."""

from __future__ import annotations

from pathlib import PurePath

from sqlmodel import Session, select

from db.csv_files import write_csv
from db.models import Annotation, Entry, Event, Indicator
from db.permissions import check_permission
from db.units import list_units
from db.xlsx_files import write_xlsx

DANISH_HEADER = ["enhed", "indikator", "dato", "tæller", "nævner", "værdi", "note", "art"]
ENGLISH_HEADER = ["unit", "indicator", "date", "numerator", "denominator", "value", "note", "type"]
_TYPES = {"entry": ("registrering", "entry"), "event": ("hændelse", "event"),
          "change": ("ændring", "change")}
EXPORT_FORMATS = ("danish-csv", "comma-csv", "xlsx")


def export_rows(*, session: Session, actor: str, english: bool = False) -> list[list[object]]:
    """Return one row per live entry, event and annotation, by unit path, indicator and date."""
    check_permission(session, actor=actor, action="export", unit_id=None)
    units = list_units(session=session)
    paths = dict(zip(units["id"], units["path"], strict=True))
    codes = dict(session.exec(select(Indicator.id, Indicator.code)).all())
    word = 1 if english else 0
    rows: list[tuple] = []
    entries = session.execute(select(
        Entry.unit_id, Entry.indicator_id, Entry.period_start, Entry.numerator,
        Entry.denominator, Entry.value, Entry.note).where(Entry.deleted_at.is_(None))).all()
    rows += [(paths[unit], codes[indicator], day, numerator, denominator, value, note,
              _TYPES["entry"][word])
             for unit, indicator, day, numerator, denominator, value, note in entries
             if unit in paths]
    events = session.execute(select(Event.unit_id, Event.indicator_id, Event.day, Event.note)
                             .where(Event.deleted_at.is_(None))).all()
    rows += [(paths[unit], codes[indicator], day, None, None, None, note, _TYPES["event"][word])
             for unit, indicator, day, note in events if unit in paths]
    changes = session.execute(select(Annotation.unit_id, Annotation.indicator_id,
                                     Annotation.day, Annotation.text)
                              .where(Annotation.deleted_at.is_(None))).all()
    everything = "all" if english else "alle"
    rows += [(paths[unit], codes[indicator] if indicator is not None else everything, day,
              None, None, None, text, _TYPES["change"][word])
             for unit, indicator, day, text in changes if unit in paths]
    rows.sort(key=lambda row: (row[0], row[1], row[2], row[7], row[6] or ""))
    return [list(row) for row in rows]


def export_file(*, session: Session, actor: str, file_format: str = "danish-csv") -> bytes:
    """Return the whole export as Danish CSV (';', decimal comma), plain CSV or XLSX."""
    if file_format == "danish-csv":
        return write_csv(DANISH_HEADER, export_rows(session=session, actor=actor), danish=True)
    if file_format == "comma-csv":
        return write_csv(ENGLISH_HEADER, export_rows(session=session, actor=actor, english=True),
                         danish=False)
    if file_format == "xlsx":
        return write_xlsx(DANISH_HEADER, export_rows(session=session, actor=actor))
    raise ValueError(f"unknown export format {file_format!r}; expected one of {EXPORT_FORMATS}")


def format_for(filename: str) -> str:
    """Return the export format a file name asks for: .xlsx, else Danish CSV."""
    return "xlsx" if PurePath(filename).suffix.lower() == ".xlsx" else "danish-csv"
