"""One soft-delete convention: every table has delete_X and restore_X, audited as "delete"/"restore"."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

import db
from db import (
    NotFoundError,
    PermissionDeniedError,
    add_annotation,
    add_baseline,
    add_entry,
    add_event,
    create_indicator,
    create_user,
    is_deleted,
    read_audit,
    read_session,
    record_board_meeting,
    restore_deleted,
    switch_sampling,
    write_session,
)
from db.undelete import RESTORABLE
from indicators import CATALOGUE
from tests.db.conftest import TODAY

ACTOR = "system:test"
DAY = date(2026, 11, 2)
# The audit log's table name → the X of delete_X and restore_X.
NAMES = {"entry": "entry", "event": "event", "annotation": "annotation", "baseline": "baseline",
         "board_meeting": "board_meeting", "sampling_switch": "sampling_switch", "unit": "unit",
         "indicator": "indicator", "app_user": "user"}


def _custom_indicator(session, place):
    triage = next(d for d in CATALOGUE if d.code == "triage_dagligt")
    return create_indicator(replace(triage, code="triage_egen"), session=session, actor=ACTOR)


# table → (make a row and return its id, the unit its audit rows name: a key of place or None)
MAKERS = {
    "entry": (lambda s, p: add_entry(p["unit"], p["triage_dagligt"], DAY, numerator=1,
                                     denominator=2, session=s, actor=ACTOR, today=TODAY), "unit"),
    "event": (lambda s, p: add_event(p["unit"], p["tryksaar_dage_mellem"], DAY, session=s,
                                     actor=ACTOR, today=TODAY), "unit"),
    "annotation": (lambda s, p: add_annotation(p["unit"], DAY, "Ny lejringsplan", session=s,
                                               actor=ACTOR, today=TODAY), "unit"),
    "baseline": (lambda s, p: add_baseline(p["unit"], p["triage_dagligt"], "freeze", DAY,
                                           "Før ændringen", session=s, actor=ACTOR,
                                           today=TODAY), "unit"),
    "board_meeting": (lambda s, p: record_board_meeting(p["unit"], DAY, session=s, actor=ACTOR,
                                                        today=TODAY), "unit"),
    "sampling_switch": (lambda s, p: switch_sampling(p["unit"], "tryksaar", DAY, session=s,
                                                     actor=ACTOR, today=TODAY), "unit"),
    "unit": (lambda s, p: p["other"], "other"),
    "indicator": (_custom_indicator, None),
    "app_user": (lambda s, p: create_user("birgit", role="registrant", session=s, actor=ACTOR),
                 None),
}


def test_every_restorable_table_has_a_delete_and_a_restore_and_none_a_set_deleted():
    assert set(NAMES) == set(RESTORABLE) == set(MAKERS)
    exported = set(db.__all__)
    assert {f"{verb}_{name}" for name in NAMES.values() for verb in ("delete", "restore")
            } <= exported
    assert [name for name in exported if name.startswith("set_") and name.endswith("_deleted")
            ] == []


@pytest.mark.parametrize("table", list(NAMES))
def test_a_row_deleted_twice_and_restored_from_the_log_twice_is_audited_once_each_way(
        engine, place, table):
    # Units and indicators used to write a second audit row (and a new deleted_at) when
    # deleted or restored again; now, like every other table, the second time changes nothing.
    make, unit_key = MAKERS[table]
    delete, restore = getattr(db, f"delete_{NAMES[table]}"), getattr(db, f"restore_{NAMES[table]}")
    with write_session(engine) as session:
        row_id = make(session, place)
    for _ in range(2):
        with write_session(engine) as session:
            delete(row_id, session=session, actor=ACTOR)
        with read_session(engine) as session:
            assert is_deleted(table, row_id, session=session)
    with write_session(engine) as session:
        restore_deleted(table, row_id, session=session, actor="system:admin")
    with write_session(engine) as session:
        restore(row_id, session=session, actor=ACTOR)
    with read_session(engine) as session:
        assert not is_deleted(table, row_id, session=session)
        audit = read_audit(session=session, actor=ACTOR, table_name=table, row_id=row_id)
    changes = audit[audit["action"].isin(["delete", "restore"])].iloc[::-1]
    assert list(changes["action"]) == ["delete", "restore"]
    assert list(changes["actor"]) == [ACTOR, "system:admin"]
    expected_unit = None if unit_key is None else place[unit_key]
    assert [None if pd.isna(u) else int(u) for u in changes["unit_id"]] == [expected_unit] * 2
    assert [after["deleted_at"] is None for after in changes["after"]] == [False, True]


@pytest.mark.parametrize(("delete", "message"), [
    (db.delete_entry, "Registreringen findes ikke"),
    (db.restore_board_meeting, "Tavlemødet findes ikke"),
    (db.delete_unit, r"Enheden findes ikke \(id 999999\)"),
    (db.restore_indicator, r"Indikatoren findes ikke \(id 999999\)"),
    (db.delete_user, "Brugeren findes ikke"),
])
def test_an_unknown_id_is_refused_with_the_tables_own_words(engine, delete, message):
    with pytest.raises(NotFoundError, match=message), write_session(engine) as session:
        delete(999999, session=session, actor=ACTOR)


def test_a_right_over_the_whole_database_is_checked_before_the_row_is_looked_up(engine, place):
    with write_session(engine) as session:
        create_user("tove", role="teamleder", session=session, actor=ACTOR)
    for delete in (db.delete_unit, db.delete_indicator, db.delete_user):
        with pytest.raises(PermissionDeniedError), write_session(engine) as session:
            delete(999999, session=session, actor="tove")
    # A unit's row names its unit: an unknown one cannot be checked, so it is not found.
    with pytest.raises(NotFoundError), write_session(engine) as session:
        db.delete_entry(999999, session=session, actor="tove")


def test_a_built_in_indicator_is_neither_deleted_nor_restored(engine, place):
    for change in (db.delete_indicator, db.restore_indicator):
        with pytest.raises(ValueError, match="switched off per unit"), \
                write_session(engine) as session:
            change(place["triage_dagligt"], session=session, actor=ACTOR)
