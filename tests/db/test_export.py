"""Export: every live row in the import's format, with formula starts neutralised."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from db.annotations import add_annotation
from db.engine import read_session, write_session
from db.entries import add_entry, delete_entry
from db.events import add_event
from db.exporter import export_file
from tests.db.conftest import TODAY

UNIT = "Demo Kommune / Område Nord / Solbakken"


@pytest.fixture
def recorded(engine, place):
    with write_session(engine) as session:
        add_entry(place["unit"], place["faldskader_pr_1000_sengedage"], date(2026, 10, 1), numerator=4,
                  denominator=1178.5, note="=HYPERLINK(\"x\")", session=session, actor="system:a",
                  today=TODAY)
        gone = add_entry(place["unit"], place["triage_dagligt"], date(2026, 11, 2), numerator=1,
                         denominator=2, session=session, actor="system:a", today=TODAY)
        delete_entry(gone, session=session, actor="system:a")
        add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 3),
                  note="+hæl", session=session, actor="system:a", today=TODAY)
        add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 4),
                  note="@sum", session=session, actor="system:a", today=TODAY)
        add_annotation(place["unit"], date(2026, 9, 1), "-ny plan", session=session,
                       actor="system:a", today=TODAY)
    return engine


def export(engine, file_format):
    with read_session(engine) as session:
        return export_file(session=session, actor="system", file_format=file_format)


def test_danish_csv_has_a_bom_semicolons_decimal_commas_and_danish_dates(recorded):
    content = export(recorded, "danish-csv")
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == [
        "enhed;indikator;dato;tæller;nævner;værdi;note;art",
        f"{UNIT};alle;01-09-2026;;;;'-ny plan;ændring",
        f"{UNIT};faldskader_pr_1000_sengedage;01-10-2026;4;1178,5;;\"'=HYPERLINK(\"\"x\"\")\";registrering",
        f"{UNIT};tryksaar_dage_mellem;03-11-2026;;;;'+hæl;hændelse",
        f"{UNIT};tryksaar_dage_mellem;04-11-2026;;;;'@sum;hændelse",
    ]


def test_plain_csv_has_commas_decimal_points_and_english_headers(recorded):
    lines = export(recorded, "comma-csv").decode().splitlines()
    assert lines[0] == "unit,indicator,date,numerator,denominator,value,note,type"
    assert lines[2] == f"{UNIT},faldskader_pr_1000_sengedage,2026-10-01,4,1178.5,,\"'=HYPERLINK(\"\"x\"\")\",entry"


def test_no_xlsx_cell_is_a_formula(recorded):
    sheet = load_workbook(io.BytesIO(export(recorded, "xlsx"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    notes = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes == ["'-ny plan", "'=HYPERLINK(\"x\")", "'+hæl", "'@sum"]
