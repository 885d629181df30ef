"""The patient-safety calendar: green confirmed days, red event days, blank until confirmed."""

from datetime import date, timedelta

import pytest

from db.audit import read_audit
from db.engine import make_engine, read_session, write_session
from db.errors import PermissionDeniedError, ValidationError
from db.events import add_event, delete_event
from db.migrate import migrate
from db.safety_calendar import (
    DAY_STATES,
    confirm_safe_day,
    day_events,
    month_calendar,
    month_calendars,
    unconfirm_safe_day,
)
from tests.db.conftest import TODAY


def confirm(engine, place, day):
    with write_session(engine) as session:
        return confirm_safe_day(place["unit"], place["tryksaar_dage_mellem"], day,
                                session=session, actor="system:anna", today=TODAY)


def november(engine, place):
    with read_session(engine) as session:
        return month_calendar(place["unit"], place["tryksaar_dage_mellem"], 2026, 11,
                              session=session, actor="system", today=TODAY)


def states(engine, place):
    return {box.day.day: box.state for box in november(engine, place)}


def test_a_month_has_a_box_per_day_blank_until_confirmed_and_the_rest_still_to_come(engine, place):
    boxes = november(engine, place)
    assert [box.day for box in boxes] == [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    assert {box.state for box in boxes[:22]} == {"unconfirmed"}
    assert {box.state for box in boxes[22:]} == {"future"}


def test_a_confirmed_day_is_green_and_an_event_day_red(engine, place):
    confirm(engine, place, date(2026, 11, 20))
    with write_session(engine) as session:
        add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 11, 21),
                  session=session, actor="system:anna", today=TODAY)
    shown = states(engine, place)
    assert (shown[20], shown[21], shown[22]) == ("safe", "event", "unconfirmed")


def test_confirming_twice_keeps_one_confirmation_and_undo_makes_the_day_blank_again(engine, place):
    first = confirm(engine, place, TODAY)
    assert confirm(engine, place, TODAY) == first
    with write_session(engine) as session:
        unconfirm_safe_day(first, session=session, actor="system:anna")
    assert states(engine, place)[22] == "unconfirmed"
    assert confirm(engine, place, TODAY) == first  # confirmed again: the same row comes back
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="safe_day")
    assert list(audit["action"]) == ["restore", "delete", "add"]


def test_an_event_registered_after_the_confirmation_turns_the_day_red(engine, place):
    confirm(engine, place, TODAY)
    with write_session(engine) as session:
        add_event(place["unit"], place["tryksaar_dage_mellem"], TODAY, session=session,
                  actor="system:anna", today=TODAY)
    assert states(engine, place)[22] == "event"


@pytest.mark.parametrize(("indicator", "day", "words"), [
    ("tryksaar_dage_mellem", TODAY + timedelta(days=1), "fremtiden"),
    ("triage_dagligt", TODAY, "kun indikatorer med hændelser"),
])
def test_a_future_day_or_an_indicator_without_events_cannot_be_confirmed(engine, place, indicator,
                                                                          day, words):
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        confirm_safe_day(place["unit"], place[indicator], day, session=session,
                         actor="system:anna", today=TODAY)
    assert words in refused.value.problems[0].message_da


def test_a_day_with_an_event_cannot_be_confirmed_without_it(engine, place):
    with write_session(engine) as session:
        add_event(place["unit"], place["tryksaar_dage_mellem"], TODAY, session=session,
                  actor="system:anna", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        confirm(engine, place, TODAY)
    assert "registreret en hændelse den 22-11-2026" in refused.value.problems[0].message_da


def test_a_red_day_holds_its_events_with_their_notes_and_not_a_deleted_one(engine, place):
    ulcers, day = place["tryksaar_dage_mellem"], date(2026, 11, 3)
    with write_session(engine) as session:
        first = add_event(place["unit"], ulcers, day, note="Hæl", session=session, actor="system",
                          today=TODAY)
        gone = add_event(place["unit"], ulcers, day, session=session, actor="system", today=TODAY)
        add_event(place["unit"], ulcers, date(2026, 11, 4), session=session, actor="system",
                  today=TODAY)
        delete_event(gone, session=session, actor="system")
    with read_session(engine) as session:
        events = day_events(place["unit"], ulcers, day, session=session, actor="system")
    assert [(event.id, event.note) for event in events] == [(first, "Hæl")]


def _mark_two_units(engine, place) -> list[tuple[int, int]]:
    """Events and confirmations on two units' calendars, deleted ones too; return the calendars."""
    unit, other = place["unit"], place["other"]
    falls = place["tryksaar_dage_mellem"]
    with write_session(engine) as session:
        for where, day in ((unit, 3), (unit, 3), (other, 4), (other, 30), (unit, 10)):
            add_event(where, falls, date(2026, 11, day), session=session, actor="system:anna",
                      today=date(2026, 11, 30))
        delete_event(add_event(unit, falls, date(2026, 11, 12), session=session,
                               actor="system:anna", today=TODAY),
                     session=session, actor="system:anna")
        add_event(unit, falls, date(2026, 10, 31), session=session, actor="system:anna",
                  today=TODAY)  # the month before: not on November's calendar
    for day in (5, 6):
        confirm(engine, place, date(2026, 11, day))
    with write_session(engine) as session:
        confirm_safe_day(other, falls, date(2026, 11, 7), session=session, actor="system:anna",
                         today=TODAY)
    return [(unit, falls), (other, falls), (unit, place["tryksaar_bundt"]), (unit, falls)]


def test_calendars_read_together_are_each_calendar_read_alone(engine, place):
    wanted = _mark_two_units(engine, place)
    with read_session(engine) as session:
        together = month_calendars(wanted, 2026, 11, session=session, actor="system", today=TODAY)
        alone = {chart: month_calendar(*chart, 2026, 11, session=session, actor="system",
                                       today=TODAY) for chart in wanted}
    assert list(together) == list(dict.fromkeys(wanted)) and together == alone
    assert {box.state for boxes in together.values() for box in boxes} == set(DAY_STATES)
    assert together[place["unit"], place["tryksaar_dage_mellem"]][2].events == 2


def test_calendars_of_a_unit_the_actor_may_not_read_are_refused(engine, place):
    with read_session(engine) as session, pytest.raises(PermissionDeniedError):
        month_calendars([(place["unit"], place["tryksaar_dage_mellem"])], 2026, 11,
                        session=session, actor="nobody", today=TODAY)


@pytest.mark.postgres
class TestOnPostgresql:
    """The same calendars from PostgreSQL: the place fixture built on its engine."""

    @pytest.fixture
    def engine(self, postgres_url):
        pg_engine = make_engine(postgres_url)
        migrate(pg_engine)
        yield pg_engine
        pg_engine.dispose()

    def test_calendars_read_together_are_each_calendar_read_alone(self, engine, place):
        test_calendars_read_together_are_each_calendar_read_alone(engine, place)
