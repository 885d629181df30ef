"""The day a unit began measuring an indicator: set on the board, corrected, moved back by history."""

from datetime import date

import pytest

from db.audit import read_audit
from db.catalogue import set_unit_indicators
from db.engine import read_session, write_session
from db.errors import PermissionDeniedError, ValidationError
from db.events import add_event, delete_event
from db.measurement_start import measuring_starts, set_measuring_since
from db.users import add_membership, create_user
from tests.db.conftest import TODAY

ON_THE_BOARD = date(2026, 10, 23)


@pytest.fixture
def board(engine, place):
    with write_session(engine) as session:
        set_unit_indicators(place["unit"], [place["tryksaar_dage_mellem"]], session=session,
                            actor="system", today=ON_THE_BOARD)
    return place


def starts(engine, place):
    with read_session(engine) as session:
        return measuring_starts(place["unit"], session=session, actor="system")


def test_an_indicator_put_on_the_board_is_measured_from_that_day(engine, board):
    assert starts(engine, board) == {board["tryksaar_dage_mellem"]: ON_THE_BOARD}


def test_putting_it_on_the_board_again_keeps_the_first_day(engine, board):
    with write_session(engine) as session:
        set_unit_indicators(board["unit"], [], session=session, actor="system", today=TODAY)
        set_unit_indicators(board["unit"], [board["tryksaar_dage_mellem"]], session=session,
                            actor="system", today=TODAY)
    assert starts(engine, board)[board["tryksaar_dage_mellem"]] == ON_THE_BOARD


def test_an_older_event_such_as_imported_history_moves_the_start_back(engine, board):
    with write_session(engine) as session:
        add_event(board["unit"], board["tryksaar_dage_mellem"], date(2025, 3, 4),
                  session=session, actor="system", today=TODAY)
    assert starts(engine, board)[board["tryksaar_dage_mellem"]] == date(2025, 3, 4)


def test_a_deleted_event_does_not_move_the_start_and_the_first_live_one_does(engine, board):
    with write_session(engine) as session:
        first = add_event(board["unit"], board["tryksaar_dage_mellem"], date(2024, 1, 9),
                          session=session, actor="system", today=TODAY)
        for day in (date(2025, 6, 2), date(2025, 6, 20), date(2026, 1, 5)):
            add_event(board["unit"], board["tryksaar_dage_mellem"], day, session=session,
                      actor="system", today=TODAY)
        delete_event(first, session=session, actor="system")
    assert starts(engine, board)[board["tryksaar_dage_mellem"]] == date(2025, 6, 2)


def test_the_team_leader_corrects_the_start_and_the_audit_log_keeps_the_old_day(engine, board):
    with write_session(engine) as session:
        set_measuring_since(board["unit"], board["tryksaar_dage_mellem"], date(2026, 9, 1),
                            session=session, actor="system", today=TODAY)
    assert starts(engine, board)[board["tryksaar_dage_mellem"]] == date(2026, 9, 1)
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="unit_indicator")
    assert audit.iloc[0]["before"]["measuring_since"] == ON_THE_BOARD.isoformat()


@pytest.mark.parametrize(("day", "words"), [
    (date(2026, 11, 23), "fremtiden"),
    (date(2026, 11, 2), "efter den første registrering (01-11-2026)"),
])
def test_a_start_in_the_future_or_after_the_first_registration_is_refused(engine, board, day,
                                                                            words):
    with write_session(engine) as session:
        add_event(board["unit"], board["tryksaar_dage_mellem"], date(2026, 11, 1),
                  session=session, actor="system", today=TODAY)
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        set_measuring_since(board["unit"], board["tryksaar_dage_mellem"], day, session=session,
                            actor="system", today=TODAY)
    assert words in refused.value.problems[0].message_da


def test_a_registrant_may_not_move_the_start(engine, board):
    with write_session(engine) as session:
        user = create_user("anna", role="registrant", session=session, actor="system")
        add_membership(user, board["unit"], session=session, actor="system")
    with pytest.raises(PermissionDeniedError), write_session(engine) as session:
        set_measuring_since(board["unit"], board["tryksaar_dage_mellem"], date(2026, 9, 1),
                            session=session, actor="anna", today=TODAY)
