"""Entries: one per unit, indicator and period; corrections, soft delete and restore, audited."""

from datetime import date

import pytest

from db.audit import read_audit
from db.engine import read_session, write_session
from db.entries import add_entry, correct_entry, delete_entry, list_entries, restore_entry
from db.errors import NotFoundError, PermissionDeniedError, ReadOnlySessionError
from db.series import read_series
from db.units import delete_unit
from tests.db.conftest import TODAY, audit_count


def add(engine, place, code="triage_dagligt", day=date(2026, 11, 20), **figures):
    with write_session(engine) as session:
        return add_entry(place["unit"], place[code], day, session=session, actor="system:anna",
                         today=TODAY, **figures)


def series(engine, place, code="triage_dagligt"):
    with read_session(engine) as session:
        return read_series(place["unit"], place[code], session=session, actor="system")


def test_an_added_entry_appears_in_the_series_with_its_figures(engine, place):
    add(engine, place, numerator=23, denominator=25)
    frame = series(engine, place)
    assert frame.to_dict("records") == [
        {"date": date(2026, 11, 20), "numerator": 23.0, "denominator": 25.0,
         "value": pytest.approx(float("nan"), nan_ok=True)}]


def test_a_second_entry_for_the_same_period_corrects_the_first(engine, place):
    first = add(engine, place, numerator=20, denominator=25)
    second = add(engine, place, numerator=24, denominator=25)
    assert first == second
    assert series(engine, place)[["numerator"]].to_dict("list") == {"numerator": [24.0]}
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="entry", row_id=first)
    assert list(audit["action"]) == ["correct", "add"]
    assert audit.iloc[0]["before"]["numerator"] == 20.0
    assert audit.iloc[0]["after"]["numerator"] == 24.0
    assert audit.iloc[0]["actor"] == "system:anna"


def test_the_same_figures_again_change_nothing_and_log_nothing(engine, place):
    add(engine, place, numerator=20, denominator=25)
    before = audit_count(engine)
    add(engine, place, numerator=20, denominator=25)
    assert audit_count(engine) == before


def test_a_weekly_entry_is_filed_under_the_monday_of_its_week(engine, place):
    add(engine, place, code="tryksaar_bundt", day=date(2026, 11, 19), numerator=9, denominator=10)
    assert list(series(engine, place, "tryksaar_bundt")["date"]) == [date(2026, 11, 16)]


def test_a_monthly_rate_is_filed_under_the_first_of_its_month(engine, place):
    add(engine, place, code="faldskader_pr_1000_sengedage", day=date(2026, 10, 31), numerator=4,
        denominator=1178.5)
    frame = series(engine, place, "faldskader_pr_1000_sengedage")
    assert list(frame["date"]) == [date(2026, 10, 1)]
    assert list(frame["denominator"]) == [1178.5]


def test_correcting_an_entry_replaces_its_figures_and_note(engine, place):
    entry_id = add(engine, place, numerator=20, denominator=25, note="vikar")
    with write_session(engine) as session:
        correct_entry(entry_id, numerator=21, denominator=26, session=session, actor="system:bo")
    with read_session(engine) as session:
        listed = list_entries(place["unit"], session=session, actor="system")
    assert listed[["numerator", "denominator", "note"]].to_dict("records") == [
        {"numerator": 21.0, "denominator": 26.0, "note": None}]


def test_a_deleted_entry_leaves_the_series_and_comes_back_when_restored(engine, place):
    entry_id = add(engine, place, numerator=20, denominator=25)
    with write_session(engine) as session:
        delete_entry(entry_id, session=session, actor="system:anna")
    assert series(engine, place).empty
    with write_session(engine) as session:
        restore_entry(entry_id, session=session, actor="system:anna")
    assert list(series(engine, place)["numerator"]) == [20.0]
    with read_session(engine) as session:
        actions = list(read_audit(session=session, actor="system", row_id=entry_id, table_name="entry")["action"])
    assert actions == ["restore", "delete", "add"]


def test_an_entry_for_a_deleted_period_brings_the_row_back_with_the_new_figures(engine, place):
    entry_id = add(engine, place, numerator=20, denominator=25)
    with write_session(engine) as session:
        delete_entry(entry_id, session=session, actor="system:anna")
    assert add(engine, place, numerator=22, denominator=25) == entry_id
    assert list(series(engine, place)["numerator"]) == [22.0]


def test_a_change_and_its_audit_row_roll_back_together(engine, place):
    before = audit_count(engine)
    with pytest.raises(RuntimeError), write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], date(2026, 11, 20), numerator=1,
                  denominator=2, session=session, actor="system:anna", today=TODAY)
        raise RuntimeError("the caller fails after the write")
    assert series(engine, place).empty
    assert audit_count(engine) == before


def test_a_write_without_an_actor_is_refused(engine, place):
    with pytest.raises(PermissionDeniedError), write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY, numerator=1, denominator=2,
                  session=session, actor=" ", today=TODAY)


def test_a_write_in_a_reading_session_is_refused(engine, place):
    with pytest.raises(ReadOnlySessionError), read_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY, numerator=1, denominator=2,
                  session=session, actor="system:anna", today=TODAY)


def test_entries_for_a_deleted_unit_are_refused(engine, place):
    with write_session(engine) as session:
        delete_unit(place["unit"], session=session, actor="system:admin")
    with pytest.raises(NotFoundError):
        add(engine, place, numerator=1, denominator=2)
