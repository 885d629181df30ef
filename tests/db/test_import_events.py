"""An imported event is its unit, indicator and day: a corrected note never doubles a harm."""

import csv
import io
from datetime import date

from db.engine import read_session, write_session
from db.exporter import export_rows
from db.importer import import_file, preview_import
from db.series import read_series
from tests.db.conftest import TODAY

HEADER = "enhed;indikator;dato;note;art\n"


def ulcers(*rows: tuple[str, str]) -> bytes:
    """Return a cp1252 Danish CSV of pressure ulcers at Solbakken: (day, note) each."""
    lines = [f"solbakken;tryksaar_dage_mellem;{day};{note};hændelse\n" for day, note in rows]
    return (HEADER + "".join(lines)).encode("cp1252")


def run_import(engine, content: bytes):
    with write_session(engine) as session:
        return import_file(content, filename="tryksår.csv", session=session,
                           actor="system:admin", today=TODAY)


def stored_ulcers(engine, place) -> list[tuple[date, str]]:
    with read_session(engine) as session:
        exported = export_rows(session=session, actor="system")
    return sorted((row[2], row[6]) for row in exported if row[1] == "tryksaar_dage_mellem")


FIRST = ulcers(("03-09-2026", "hæl"), ("14-10-2026", "sacrum"), ("02-11-2026", "albue"))
CORRECTED = ulcers(("03-09-2026", "hæl, kategori 2"), ("14-10-2026", "sacrum"),
                   ("02-11-2026", "albue, kategori 3"))


def test_reimporting_corrected_notes_changes_the_notes_and_adds_no_event(engine, place):
    run_import(engine, FIRST)
    plan = run_import(engine, CORRECTED)
    assert plan.summary()["new_events"] == 0
    assert plan.summary()["corrected_events"] == 2 and plan.summary()["unchanged_events"] == 1
    assert stored_ulcers(engine, place) == [
        (date(2026, 9, 3), "hæl, kategori 2"), (date(2026, 10, 14), "sacrum"),
        (date(2026, 11, 2), "albue, kategori 3")]


def test_the_export_after_a_corrected_reimport_has_each_event_once(engine, place):
    run_import(engine, FIRST)
    run_import(engine, CORRECTED)
    run_import(engine, CORRECTED)
    with read_session(engine) as session:
        exported = export_rows(session=session, actor="system")
    days = [row[2] for row in exported if row[1] == "tryksaar_dage_mellem"]
    assert sorted(days) == [date(2026, 9, 3), date(2026, 10, 14), date(2026, 11, 2)]
    with read_session(engine) as session:
        series = read_series(place["unit"], place["tryksaar_dage_mellem"], session=session,
                             actor="system")
    assert len(series) == 3


def test_two_events_on_the_same_day_in_one_file_stay_two(engine, place):
    twice = ulcers(("02-11-2026", "hæl"), ("02-11-2026", "albue"))
    assert run_import(engine, twice).summary()["new_events"] == 2
    plan = run_import(engine, twice)
    assert plan.summary()["new_events"] == 0 and plan.summary()["unchanged_events"] == 2
    assert stored_ulcers(engine, place) == [(date(2026, 11, 2), "albue"),
                                            (date(2026, 11, 2), "hæl")]


def test_the_preview_says_exactly_which_events_are_new_and_on_which_row(engine, place):
    run_import(engine, FIRST)
    more = ulcers(("03-09-2026", "hæl"), ("14-10-2026", "sacrum"), ("02-11-2026", "albue"),
                  ("02-11-2026", "hofte"), ("20-11-2026", "hæl"))
    with read_session(engine) as session:
        plan = preview_import(more, filename="tryksår.csv", session=session, today=TODAY)
    assert [(event.day, event.note, event.row) for event in plan.new_events] == [
        (date(2026, 11, 2), "hofte", 5), (date(2026, 11, 20), "hæl", 6)]
    assert plan.corrected_events == ()


def test_a_file_without_a_note_column_leaves_the_stored_notes(engine, place):
    run_import(engine, FIRST)
    rows = [["enhed", "indikator", "dato", "art"]] + [
        ["solbakken", "tryksaar_dage_mellem", day, "hændelse"]
        for day in ("03-09-2026", "14-10-2026", "02-11-2026")]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    plan = run_import(engine, buffer.getvalue().encode("cp1252"))
    assert plan.summary()["unchanged_events"] == 3 and plan.summary()["corrected_events"] == 0
    assert [note for _, note in stored_ulcers(engine, place)] == ["hæl", "sacrum", "albue"]


def test_a_note_corrected_by_an_import_is_audited_with_the_note_before_and_after(engine, place):
    from db.audit import read_audit

    run_import(engine, FIRST)
    run_import(engine, CORRECTED)
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="event")
    corrected = audit[audit["action"] == "correct"]
    assert sorted((row["before"]["note"], row["after"]["note"]) for _, row in corrected.iterrows()
                  ) == [("albue", "albue, kategori 3"), ("hæl", "hæl, kategori 2")]
