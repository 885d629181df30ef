"""Import of CSV (Danish Excel and plain) and XLSX: all or nothing, and again changes nothing."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from db.audit import read_audit
from db.engine import read_session, write_session
from db.errors import ValidationError
from db.importer import import_file, preview_import
from db.series import read_series
from tests.db.conftest import TODAY, audit_count, table_contents

UNIT = "Demo Kommune / Område Nord / Solbakken"
DANISH = ("enhed;indikator;dato;tæller;nævner;værdi;note\n"
          f"{UNIT};triage_dagligt;01-11-2026;23;25;;\n"
          "solbakken;faldskader_pr_1000_sengedage;01-10-2026;4;1.178,5;;faldt i badet\n"
          "Solbakken;tryksaar_dage_mellem;03-11-2026;;;;hæl\n")


def run_import(engine, content: bytes, filename="data.csv", **options):
    with write_session(engine) as session:
        return import_file(content, filename=filename, session=session, actor="system:admin",
                           today=TODAY, **options)


def triage(engine, place):
    with read_session(engine) as session:
        return read_series(place["unit"], place["triage_dagligt"], session=session, actor="system")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_danish_excel_csv_is_read_in_each_encoding_excel_saves(engine, place, encoding):
    plan = run_import(engine, DANISH.encode(encoding))
    assert plan.summary()["new_entries"] == 2 and plan.summary()["new_events"] == 1
    with read_session(engine) as session:
        falls = read_series(place["unit"], place["faldskader_pr_1000_sengedage"], session=session,
                            actor="system")
    assert falls[["numerator", "denominator"]].to_dict("list") == {"numerator": [4.0],
                                                                  "denominator": [1178.5]}


def test_plain_comma_csv_with_english_headers_is_read(engine, place):
    content = ("unit,indicator,date,numerator,denominator\n"
               f"{UNIT},Share of citizens triaged daily,2026-11-01,23,25\n").encode()
    run_import(engine, content)
    assert list(triage(engine, place)["numerator"]) == [23.0]


def test_an_xlsx_workbook_with_typed_cells_is_read(engine, place):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Enhed", "Indikator", "Dato", "Tæller", "Nævner"])
    sheet.append(["solbakken", "Andel borgere triageret dagligt", datetime(2026, 11, 1), 23, 25])
    sheet.append(["solbakken", "triage_dagligt", "02-11-2026", "24", "25"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    run_import(engine, buffer.getvalue(), filename="ark.xlsx")
    assert triage(engine, place)[["date", "numerator"]].to_dict("list") == {
        "date": [date(2026, 11, 1), date(2026, 11, 2)], "numerator": [23.0, 24.0]}


def test_importing_the_same_file_again_changes_nothing(engine, place):
    run_import(engine, DANISH.encode())
    before, audits = table_contents(engine), audit_count(engine)
    plan = run_import(engine, DANISH.encode())
    assert plan.summary()["unchanged_entries"] == 2 and plan.summary()["unchanged_events"] == 1
    after = table_contents(engine)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"}
    assert audit_count(engine) == audits + 1  # only the note that an import ran


def test_a_changed_figure_in_a_file_is_an_audited_correction(engine, place):
    run_import(engine, DANISH.encode())
    plan = run_import(engine, DANISH.replace(";23;25;", ";24;25;").encode())
    assert plan.summary()["corrected_entries"] == 1
    assert list(triage(engine, place)["numerator"]) == [24.0]
    with read_session(engine) as session:
        corrections = read_audit(session=session, actor="system", table_name="entry")
    corrected = corrections[corrections["action"] == "correct"].iloc[0]
    assert (corrected["before"]["numerator"], corrected["after"]["numerator"]) == (23.0, 24.0)


def test_the_preview_tells_what_would_happen_and_writes_nothing(engine, place):
    before = table_contents(engine)
    with read_session(engine) as session:
        plan = preview_import(DANISH.encode(), filename="data.csv", session=session, today=TODAY)
    assert plan.ok and plan.summary()["new_entries"] == 2
    assert table_contents(engine) == before


def test_the_preview_lists_every_problem_with_its_row(engine, place):
    content = ("enhed;indikator;dato;tæller;nævner\n"
               "solbakken;triage_dagligt;01-11-2026;26;25\n"
               "solbakken;triage_dagligt;02-11-2026;-1;25\n"
               "ukendt;triage_dagligt;03-11-2026;1;25\n"
               "solbakken;triage_dagligt;24-11-2026;1;25\n").encode()
    with read_session(engine) as session:
        plan = preview_import(content, filename="data.csv", session=session, today=TODAY)
    assert [(p.row, p.field) for p in plan.problems] == [
        (2, "numerator"), (3, "numerator"), (4, "unit"), (5, "date")]


def test_rows_of_changes_become_annotations_and_alle_means_every_chart(engine, place):
    content = ("enhed;indikator;dato;note;art\n"
               "solbakken;alle;01-09-2026;Ny teamleder;ændring\n"
               "solbakken;triage_dagligt;01-10-2026;PDSA: triage kl. 8;ændring\n").encode()
    plan = run_import(engine, content)
    assert plan.summary()["new_annotations"] == 2
    assert run_import(engine, content).summary()["unchanged_annotations"] == 2


def test_a_number_of_events_on_one_row_becomes_that_many_events(engine, place):
    content = "enhed;indikator;dato;tæller\nsolbakken;tryksaar_dage_mellem;03-11-2026;2\n"
    run_import(engine, content.encode())
    with read_session(engine) as session:
        events = read_series(place["unit"], place["tryksaar_dage_mellem"], session=session, actor="system")
    assert list(events["date"]) == [date(2026, 11, 3)] * 2


def test_unknown_units_are_created_along_their_path_only_when_asked(engine, place):
    content = "enhed;indikator;dato;tæller;nævner\nNy Kommune / Vest / Hjemmeplejen;" \
              "triage_dagligt;01-11-2026;3;4\n"
    with pytest.raises(ValidationError):
        run_import(engine, content.encode())
    plan = run_import(engine, content.encode(), create_units=True)
    assert plan.new_units == ("Ny Kommune / Vest / Hjemmeplejen",)


def test_a_file_without_the_required_columns_is_refused_naming_them(engine, place):
    with pytest.raises(ValidationError) as refused:
        run_import(engine, "enhed;tæller\nsolbakken;3\n".encode())
    assert {p.field for p in refused.value.problems} == {"indicator", "date"}
    assert all(p.row == 1 for p in refused.value.problems)


def test_an_unknown_column_is_refused(engine, place):
    with pytest.raises(ValidationError) as refused:
        run_import(engine, b"enhed;indikator;dato;cpr\nsolbakken;triage_dagligt;01-11-2026;x\n"
)
    assert "'cpr'" in refused.value.problems[0].message_da


def test_a_file_that_is_neither_csv_nor_a_workbook_is_refused_with_a_message(engine, place):
    with pytest.raises(ValidationError) as refused:
        run_import(engine, b"PK\x03\x04 not really a zip", filename="data.xlsx")
    assert "Excel" in refused.value.problems[0].message_da
