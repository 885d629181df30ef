"""Events, annotations and baseline settings: add, correct, delete (undo) and restore."""

from datetime import date

import pytest

from db.annotations import (
    add_annotation,
    correct_annotation,
    delete_annotation,
    list_annotations,
    restore_annotation,
)
from db.baselines import add_baseline, list_baselines, restore_baseline
from db.engine import read_session, write_session
from db.errors import NotFoundError, ValidationError
from db.events import add_event, correct_event, delete_event, list_events, restore_event
from db.series import read_series
from tests.db.conftest import TODAY


def event_days(engine, place):
    with read_session(engine) as session:
        return list(read_series(place["unit"], place["tryksaar_dage_mellem"],
                                session=session, actor="system")["date"])


def test_two_events_on_one_day_are_two_events(engine, place):
    with write_session(engine) as session:
        for _ in range(2):
            add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 3),
                      session=session, actor="system:anna", today=TODAY)
    assert event_days(engine, place) == [date(2026, 11, 3)] * 2


def test_undoing_an_event_removes_it_and_restoring_brings_it_back(engine, place):
    with write_session(engine) as session:
        event_id = add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 3),
                             note="hæl", session=session, actor="system:anna", today=TODAY)
    with write_session(engine) as session:
        delete_event(event_id, session=session, actor="system:anna")
    assert event_days(engine, place) == []
    with write_session(engine) as session:
        restore_event(event_id, session=session, actor="system:anna")
    with read_session(engine) as session:
        listed = list_events(place["unit"], session=session, actor="system")
    assert listed[["date", "note"]].to_dict("records") == [{"date": date(2026, 11, 3),
                                                             "note": "hæl"}]


def test_correcting_an_event_moves_it_to_another_day(engine, place):
    with write_session(engine) as session:
        event_id = add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 3),
                             session=session, actor="system:anna", today=TODAY)
    with write_session(engine) as session:
        correct_event(event_id, day=date(2026, 11, 1), session=session, actor="system:anna",
                      today=TODAY)
    assert event_days(engine, place) == [date(2026, 11, 1)]


def test_a_deleted_event_cannot_be_corrected(engine, place):
    with write_session(engine) as session:
        event_id = add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 3),
                             session=session, actor="system:anna", today=TODAY)
        delete_event(event_id, session=session, actor="system:anna")
    with pytest.raises(NotFoundError), write_session(engine) as session:
        correct_event(event_id, day=date(2026, 11, 1), session=session, actor="system:anna",
                      today=TODAY)


def test_an_annotation_for_all_charts_shows_on_every_indicator_of_the_unit(engine, place):
    with write_session(engine) as session:
        add_annotation(place["unit"], date(2026, 9, 1), "Ny teamleder", session=session,
                       actor="system:bo", today=TODAY)
        add_annotation(place["unit"], date(2026, 10, 1), "PDSA: triage kl. 8",
                       indicator_id=place["triage_dagligt"], session=session, actor="system:bo",
                       today=TODAY)
    with read_session(engine) as session:
        triage = list_annotations(place["unit"], indicator_id=place["triage_dagligt"],
                                  session=session, actor="system")
        falls = list_annotations(place["unit"], indicator_id=place["fald_pr_1000_sengedage"],
                                 session=session, actor="system")
    assert list(triage["text"]) == ["Ny teamleder", "PDSA: triage kl. 8"]
    assert list(falls["text"]) == ["Ny teamleder"]


def test_an_annotation_can_be_corrected_deleted_and_restored(engine, place):
    with write_session(engine) as session:
        annotation_id = add_annotation(place["unit"], date(2026, 9, 1), "Ny plan",
                                       session=session, actor="system:bo", today=TODAY)
        correct_annotation(annotation_id, day=date(2026, 9, 2), text="Ny lejringsplan",
                           session=session, actor="system:bo", today=TODAY)
        delete_annotation(annotation_id, session=session, actor="system:bo")
    with read_session(engine) as session:
        assert list_annotations(place["unit"], session=session, actor="system").empty
    with write_session(engine) as session:
        restore_annotation(annotation_id, session=session, actor="system:bo")
    with read_session(engine) as session:
        shown = list_annotations(place["unit"], session=session, actor="system")
    assert shown[["date", "text"]].to_dict("records") == [{"date": date(2026, 9, 2),
                                                            "text": "Ny lejringsplan"}]


def test_a_new_freeze_retires_the_old_one_and_restoring_the_old_retires_the_new(engine, place):
    args = (place["unit"], place["triage_dagligt"], "freeze")
    with write_session(engine) as session:
        old = add_baseline(*args, date(2026, 3, 1), "20 første punkter", session=session,
                           actor="system:bo", today=TODAY)
        add_phase = add_baseline(place["unit"], place["triage_dagligt"], "new_phase",
                                 date(2026, 6, 1), "Triage flyttet", session=session,
                                 actor="system:bo", today=TODAY)
        new = add_baseline(*args, date(2026, 4, 1), "Længere basislinje", session=session,
                           actor="system:bo", today=TODAY)
    with read_session(engine) as session:
        live = list_baselines(place["unit"], place["triage_dagligt"], session=session, actor="system")
    assert sorted(live["id"]) == sorted([new, add_phase])
    with write_session(engine) as session:
        restore_baseline(old, session=session, actor="system:bo")
    with read_session(engine) as session:
        live = list_baselines(place["unit"], place["triage_dagligt"], session=session, actor="system")
    assert sorted(live["id"]) == sorted([old, add_phase])


def test_a_baseline_needs_a_reason(engine, place):
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_baseline(place["unit"], place["triage_dagligt"], "new_phase", date(2026, 6, 1), "",
                     session=session, actor="system:bo", today=TODAY)
    assert refused.value.problems[0].field == "reason"
