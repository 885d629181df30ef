"""Board meetings: noted once a day per unit, the latest one read back, undone softly."""

from datetime import date

import pytest

from db.audit import read_audit
from db.board_meetings import delete_board_meeting, last_board_meeting, record_board_meeting
from db.engine import read_session, write_session
from db.errors import NotFoundError, ValidationError
from tests.db.conftest import TODAY


def last(engine, unit_id):
    with read_session(engine) as session:
        return last_board_meeting(unit_id, session=session, actor="system")


def test_a_unit_without_meetings_has_no_last_meeting(engine, place):
    assert last(engine, place["unit"]) is None


def test_the_latest_meeting_day_is_the_last_one_whatever_order_they_were_noted_in(engine, place):
    with write_session(engine) as session:
        for day in (date(2026, 11, 18), date(2026, 11, 4), date(2026, 11, 11)):
            record_board_meeting(place["unit"], day, session=session, actor="system:tina", today=TODAY)
    assert last(engine, place["unit"]) == date(2026, 11, 18)


def test_noting_the_same_day_twice_keeps_one_meeting_and_one_audit_row(engine, place):
    with write_session(engine) as session:
        first = record_board_meeting(place["unit"], TODAY, session=session, actor="system:tina",
                                     today=TODAY)
        second = record_board_meeting(place["unit"], TODAY, session=session, actor="system:tina",
                                      today=TODAY)
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", unit_id=place["unit"])
    assert first == second
    assert len(audit[audit["table_name"] == "board_meeting"]) == 1


def test_undoing_a_meeting_falls_back_to_the_one_before_and_noting_it_again_restores_it(
        engine, place):
    with write_session(engine) as session:
        record_board_meeting(place["unit"], date(2026, 11, 15), session=session, actor="system:tina",
                             today=TODAY)
        today_id = record_board_meeting(place["unit"], TODAY, session=session, actor="system:tina",
                                        today=TODAY)
    with write_session(engine) as session:
        delete_board_meeting(today_id, session=session, actor="system:tina")
    assert last(engine, place["unit"]) == date(2026, 11, 15)
    with write_session(engine) as session:
        assert record_board_meeting(place["unit"], TODAY, session=session, actor="system:tina",
                                    today=TODAY) == today_id
    assert last(engine, place["unit"]) == TODAY


def test_a_meeting_in_the_future_is_refused_naming_the_date(engine, place):
    with write_session(engine) as session, pytest.raises(ValidationError) as refused:
        record_board_meeting(place["unit"], date(2026, 11, 23), session=session, actor="system:tina",
                             today=TODAY)
    assert refused.value.problems[0].field == "date"


def test_a_meeting_of_a_unit_that_does_not_exist_is_refused(engine):
    with write_session(engine) as session, pytest.raises(NotFoundError):
        record_board_meeting(99_999, TODAY, session=session, actor="system:tina", today=TODAY)
