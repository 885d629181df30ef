"""The mapping step: the sheets teams keep (title rows, wide, several sheets, Danish CSV) import."""

from dataclasses import replace
from datetime import date

import pytest

from db.catalogue import list_unit_indicators
from db.engine import read_session, write_session
from db.errors import ValidationError
from db.import_mapping import ColumnRole, ImportMapping, mapping_from_json
from db.import_reading import open_import_file, proposed_mapping
from db.importer import import_file, preview_import
from db.series import read_series
from tests.db.conftest import TODAY
from tests.db.sheets import boegely_csv, boegely_workbook, workbook_bytes

NUMERATOR = ColumnRole("numerator", "triage_dagligt")
DENOMINATOR = ColumnRole("denominator", "triage_dagligt")


def guessed(engine, content: bytes, filename: str, unit: str | None = "solbakken") -> ImportMapping:
    with read_session(engine) as session:
        return proposed_mapping(open_import_file(content, filename=filename), unit=unit,
                                unit_id=None, session=session)


def mapped(engine, content: bytes, filename: str) -> ImportMapping:
    """The guess, with the team's two count columns said to be triage's numerator and denominator."""
    mapping = guessed(engine, content, filename)
    first = mapping.sheets[0].with_role(2, NUMERATOR).with_role(3, DENOMINATOR)
    return replace(mapping, sheets=(first, *mapping.sheets[1:]))


def preview(engine, content, filename, **options):
    with read_session(engine) as session:
        return preview_import(content, filename=filename, session=session, today=TODAY, **options)


def run_import(engine, content, filename, **options):
    with write_session(engine) as session:
        return import_file(content, filename=filename, session=session, actor="system:admin",
                           today=TODAY, **options)


def series(engine, place, code):
    with read_session(engine) as session:
        return read_series(place["unit"], place[code], session=session, actor="system")


def test_the_heading_row_is_found_below_a_title_row_and_each_column_guessed(engine, place):
    mapping = guessed(engine, boegely_workbook(), "bøgely.xlsx")
    triage, ulcers = mapping.sheets
    assert (triage.sheet, triage.heading_row, triage.year) == ("Tidlig opsporing", 2, 2026)
    assert [c.label() for c in triage.columns] == [
        "week", "date", "unknown", "unknown", "computed", "note"]
    # A sheet named for a package, holding dates alone, is that package's events.
    assert [c.label() for c in ulcers.columns] == ["event:tryksaar_dage_mellem", "note"]


def test_an_unmapped_column_stops_the_import_and_names_its_sheet_row_and_column(engine, place):
    plan = preview(engine, boegely_workbook(), "bøgely.xlsx", unit="solbakken")
    assert not plan.ok
    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [
        ("Tidlig opsporing", 2, "C"), ("Tidlig opsporing", 2, "D")]
    assert "'Antal triagerede'" in plan.problems[0].message_da


def test_a_title_row_two_sheet_workbook_imports_once_mapped(engine, place):
    plan = run_import(engine, boegely_workbook(), "bøgely.xlsx",
                      mapping=mapped(engine, boegely_workbook(), "bøgely.xlsx"))
    assert plan.summary()["new_entries"] == 3 and plan.summary()["new_events"] == 2
    triage = series(engine, place, "triage_dagligt")
    assert triage[["date", "numerator", "denominator"]].values.tolist() == [
        [date(2026, 10, 26), 23.0, 25.0], [date(2026, 11, 2), 24.0, 25.0],
        [date(2026, 11, 9), 25.0, 25.0]]
    assert list(series(engine, place, "tryksaar_dage_mellem")["date"]) == [
        date(2026, 9, 3), date(2026, 10, 14)]


def test_a_computed_share_is_ignored_with_a_notice_and_checked_where_it_disagrees(engine, place):
    plan = preview(engine, boegely_workbook(), "bøgely.xlsx",
                   mapping=mapped(engine, boegely_workbook(), "bøgely.xlsx"))
    assert plan.ok
    ignored, disagrees = plan.notices
    assert ignored.column == "E" and "importeres ikke" in ignored.message_da
    assert (disagrees.sheet, disagrees.row, disagrees.column) == ("Tidlig opsporing", 5, "E")
    assert disagrees.message_da == ("Andel triageret (%) er 80, men tæller og nævner giver "
                                    "100 %")


def test_a_danish_excel_csv_with_a_title_row_and_decimal_commas_imports(engine, place):
    mapping = mapped(engine, boegely_csv(), "bøgely.csv")
    assert mapping.sheets[0].heading_row == 2
    plan = run_import(engine, boegely_csv(), "bøgely.csv", mapping=mapping)
    assert plan.summary()["new_entries"] == 3
    assert len(plan.notices) == 2  # the share column ignored; its 80,0 disagrees with 25 of 25
    assert [entry.note for entry in plan.new_entries] == ["ny tavle", None, "alle triageret"]
    assert list(series(engine, place, "triage_dagligt")["numerator"]) == [23.0, 24.0, 25.0]


def test_a_wide_sheet_of_weeks_without_dates_takes_the_year_from_the_title_and_turns_it(
        engine, place):
    content = workbook_bytes({"Ark1": [
        ["Solbakken 2025–26"], ["Uge", "Triage tæller", "Triage nævner", "Bundt", "I risiko"],
        [52, 20, 25, 1, 2], [1, 21, 25, 2, 2], ["uge 2", 22, 25, None, None]]})
    mapping = guessed(engine, content, "uger.xlsx")
    sheet = (mapping.sheets[0].with_role(1, NUMERATOR).with_role(2, DENOMINATOR)
             .with_role(3, ColumnRole("numerator", "tryksaar_bundt"))
             .with_role(4, ColumnRole("denominator", "tryksaar_bundt")))
    plan = run_import(engine, content, "uger.xlsx", mapping=replace(mapping, sheets=(sheet,)))
    assert plan.ok and sheet.year == 2025
    assert list(series(engine, place, "triage_dagligt")["date"]) == [
        date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)]
    assert list(series(engine, place, "tryksaar_bundt")["numerator"]) == [1.0, 2.0]


def test_an_unreadable_cell_is_a_problem_at_its_sheet_row_and_column_and_nothing_is_written(
        engine, place):
    content = boegely_workbook(ulcers=[("03-09-2026", "hæl"), ("31-02-2026", "albue")])
    mapping = mapped(engine, content, "bøgely.xlsx")
    with pytest.raises(ValidationError) as refused:
        run_import(engine, content, "bøgely.xlsx", mapping=mapping)
    assert [(p.sheet, p.row, p.column) for p in refused.value.problems] == [("Tryksår", 3, "A")]
    assert refused.value.problems[0].text() == (
        "Ark 'Tryksår', række 3, kolonne A: dato: '31-02-2026' er ikke en dato; skriv fx 22-11-2026")
    assert series(engine, place, "triage_dagligt").empty


def test_the_mapping_is_remembered_for_the_units_next_file_of_the_same_shape(engine, place):
    run_import(engine, boegely_workbook(), "bøgely.xlsx",
               mapping=mapped(engine, boegely_workbook(), "bøgely.xlsx"))
    later = boegely_workbook(ulcers=[(date(2026, 11, 20), "hæl")])
    plan = run_import(engine, later, "bøgely december.xlsx", unit="solbakken")
    assert plan.ok and plan.summary()["unchanged_entries"] == 3
    assert plan.summary()["new_events"] == 1
    with read_session(engine) as session:  # not for another unit
        other = proposed_mapping(open_import_file(later, filename="x.xlsx"), unit="akutteamet",
                                 unit_id=place["other"], session=session)
    assert other.sheets[0].columns[2] == ColumnRole("unknown")


def test_a_mapping_round_trips_through_its_json_profile(engine, place):
    mapping = mapped(engine, boegely_workbook(), "bøgely.xlsx")
    assert mapping_from_json(mapping.to_json()) == mapping


def test_indicators_with_data_not_on_the_board_are_offered_and_put_there_when_asked(
        engine, place):
    mapping = mapped(engine, boegely_workbook(), "bøgely.xlsx")
    plan = preview(engine, boegely_workbook(), "bøgely.xlsx", mapping=mapping)
    assert set(plan.off_board) == {(place["unit"], place["triage_dagligt"]),
                                   (place["unit"], place["tryksaar_dage_mellem"])}
    run_import(engine, boegely_workbook(), "bøgely.xlsx", mapping=mapping, add_to_board=True)
    with read_session(engine) as session:
        board = [s.definition.code for s in list_unit_indicators(place["unit"], session=session)]
    assert board == ["triage_dagligt", "tryksaar_dage_mellem"]


def test_a_new_unit_gets_the_imported_indicators_on_its_board(engine, place):
    content = ("enhed;indikator;dato;tæller;nævner\n"
               "Demo Kommune / Område Nord / Bøgely;triage_dagligt;02-11-2026;3;4\n").encode()
    run_import(engine, content, "ny.csv", create_units=True)
    with read_session(engine) as session:
        from db.units import find_unit
        new = find_unit("boegely", session=session)
        board = [s.definition.code for s in list_unit_indicators(new, session=session)]
    assert board == ["triage_dagligt"]


def test_the_preview_says_per_row_and_indicator_what_is_new_changed_and_unchanged(engine, place):
    mapping = mapped(engine, boegely_workbook(), "bøgely.xlsx")
    run_import(engine, boegely_workbook(), "bøgely.xlsx", mapping=mapping)
    changed = boegely_workbook(ulcers=[(date(2026, 9, 3), "hæl, kategori 2"),
                                       (date(2026, 10, 14), "sacrum"), (date(2026, 11, 1), "")])
    plan = preview(engine, changed, "bøgely.xlsx", mapping=mapping)
    status = plan.row_status()
    assert status[("Tidlig opsporing", 3, "triage_dagligt")] == "unchanged"
    assert [status[("Tryksår", row, "tryksaar_dage_mellem")] for row in (2, 3, 4)] == [
        "changed", "unchanged", "new"]


def test_a_long_sheet_below_a_title_row_is_read_without_asking(engine, place):
    content = ("Eksport fra gammelt ark;;;;\r\n"
               "Enhed;Indikator;Dato;Tæller;Nævner\r\n"
               "solbakken;triage_dagligt;02-11-2026;23;25\r\n"
               "solbakken;tryksaar_dage_mellem;03-11-2026;;\r\n").encode("cp1252")
    plan = run_import(engine, content, "gammel.csv")
    assert plan.summary()["new_entries"] == 1 and plan.summary()["new_events"] == 1
    assert [c.label() for c in plan.mapping.sheets[0].columns] == [
        "unit", "indicator", "date", "numerator_any", "denominator_any"]


def test_two_columns_chosen_as_the_date_are_refused_at_the_second(engine, place):
    mapping = mapped(engine, boegely_workbook(), "bøgely.xlsx")
    twice = replace(mapping, sheets=(mapping.sheets[0].with_role(0, ColumnRole("date")),
                                     mapping.sheets[1]))
    plan = preview(engine, boegely_workbook(), "bøgely.xlsx", mapping=twice)
    assert [(p.row, p.column, p.message_da) for p in plan.problems] == [
        (2, "B", "to kolonner er valgt som dato")]
