"""A unit's template ("Hent skabelon") is laid out as teams keep sheets, and imports with no mapping."""

import io
from datetime import date, datetime

from openpyxl import load_workbook

from db.catalogue import set_unit_indicators
from db.engine import read_session, write_session
from db.import_templates import build_template
from db.importer import import_file
from db.series import read_series
from tests.db.conftest import TODAY

CODES = ("triage_dagligt", "tryksaar_bundt", "tryksaar_dage_mellem", "fald_pr_1000_sengedage")


def template(engine, place):
    with write_session(engine) as session:
        set_unit_indicators(place["unit"], [place[code] for code in CODES], session=session,
                            actor="system:test")
    with read_session(engine) as session:
        return build_template(place["unit"], session=session, actor="system", today=TODAY)


def test_the_template_has_a_sheet_per_package_with_weeks_or_months_as_rows(engine, place):
    workbook = load_workbook(io.BytesIO(template(engine, place)))
    assert workbook.sheetnames == ["Tidlig opsporing", "Tryksår", "Tryksår – hændelser", "Fald"]
    triage = [list(row) for row in workbook["Tidlig opsporing"].iter_rows(values_only=True)]
    assert "enhed: solbakken" in triage[0][0]
    assert triage[1] == ["Uge", "Dato", "Andel borgere triageret dagligt: tæller",
                         "Andel borgere triageret dagligt: nævner", "Note"]
    assert triage[2][:2] == ["2026-W01", datetime(2025, 12, 29)] and len(triage) == 2 + 53
    falls = [list(row) for row in workbook["Fald"].iter_rows(values_only=True)]
    assert falls[1][0] == "Dato" and falls[2][0] == datetime(2026, 1, 1) and len(falls) == 2 + 12


def test_a_filled_in_template_imports_with_no_mapping_at_all(engine, place):
    workbook = load_workbook(io.BytesIO(template(engine, place)))
    triage = workbook["Tidlig opsporing"]
    triage.cell(46, 3, 23), triage.cell(46, 4, 25), triage.cell(46, 5, "ny tavle")  # week 44
    falls = workbook["Fald"]
    falls.cell(12, 2, 1178.5)  # October: the exposure only, the falls come from their events
    ulcers = workbook["Tryksår – hændelser"]
    ulcers.cell(3, 1, datetime(2026, 11, 3)), ulcers.cell(3, 2, "hæl")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with write_session(engine) as session:
        plan = import_file(buffer.getvalue(), filename="skabelon.xlsx", session=session,
                           actor="system:admin", today=TODAY)
    assert plan.summary()["new_entries"] == 2 and plan.summary()["new_events"] == 1
    with read_session(engine) as session:
        triaged = read_series(place["unit"], place["triage_dagligt"], session=session,
                              actor="system")
        falls_read = read_series(place["unit"], place["fald_pr_1000_sengedage"],
                                 session=session, actor="system")
    assert triaged[["date", "numerator", "denominator"]].values.tolist() == [
        [date(2026, 10, 26), 23.0, 25.0]]
    assert falls_read["denominator"].tolist() == [1178.5]
