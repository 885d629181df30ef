"""Export every entry, event and annotation in the format the import reads."""

from __future__ import annotations

from pathlib import PurePath

from sqlmodel import Session, select

from db.csv_files import write_csv
from db.models import Annotation, Entry, Event, Indicator
from db.units import list_units
from db.xlsx_files import write_xlsx

DANISH_HEADER = ["enhed", "indikator", "dato", "tæller", "nævner", "værdi", "note", "art"]
ENGLISH_HEADER = ["unit", "indicator", "date", "numerator", "denominator", "value", "note", "type"]
_TYPES = {"entry": ("registrering", "entry"), "event": ("hændelse", "event"),
          "change": ("ændring", "change")}
EXPORT_FORMATS = ("danish-csv", "comma-csv", "xlsx")


def export_rows(*, session: Session, english: bool = False) -> list[list[object]]:
    """Return one row per live entry, event and annotation, by unit path, indicator and date."""
    units = list_units(session=session)
    paths = dict(zip(units["id"], units["path"], strict=True))
    codes = dict(session.exec(select(Indicator.id, Indicator.code)).all())
    word = 1 if english else 0
    rows: list[tuple] = []
    for e in session.exec(select(Entry).where(Entry.deleted_at.is_(None))).all():
        if e.unit_id in paths:
            rows.append((paths[e.unit_id], codes[e.indicator_id], e.period_start, e.numerator,
                         e.denominator, e.value, e.note, _TYPES["entry"][word]))
    for e in session.exec(select(Event).where(Event.deleted_at.is_(None))).all():
        if e.unit_id in paths:
            rows.append((paths[e.unit_id], codes[e.indicator_id], e.day, None, None, None,
                         e.note, _TYPES["event"][word]))
    for a in session.exec(select(Annotation).where(Annotation.deleted_at.is_(None))).all():
        if a.unit_id in paths:
            indicator = codes[a.indicator_id] if a.indicator_id is not None else (
                "all" if english else "alle")
            rows.append((paths[a.unit_id], indicator, a.day, None, None, None, a.text,
                         _TYPES["change"][word]))
    rows.sort(key=lambda row: (row[0], row[1], row[2], row[7], row[6] or ""))
    return [list(row) for row in rows]


def export_file(*, session: Session, file_format: str = "danish-csv") -> bytes:
    """Return the whole export as Danish CSV (';', decimal comma), plain CSV or XLSX."""
    if file_format == "danish-csv":
        return write_csv(DANISH_HEADER, export_rows(session=session), danish=True)
    if file_format == "comma-csv":
        return write_csv(ENGLISH_HEADER, export_rows(session=session, english=True), danish=False)
    if file_format == "xlsx":
        return write_xlsx(DANISH_HEADER, export_rows(session=session))
    raise ValueError(f"unknown export format {file_format!r}; expected one of {EXPORT_FORMATS}")


def format_for(filename: str) -> str:
    """Return the export format a file name asks for: .xlsx, else Danish CSV."""
    return "xlsx" if PurePath(filename).suffix.lower() == ".xlsx" else "danish-csv"
