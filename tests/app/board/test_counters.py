"""The board's counter: days since the last event, or "N dage uden" from the measurement start."""

from datetime import date, timedelta

import pytest

from app.board.counters import board_counters, counter_html
from db import (
    add_event,
    create_unit,
    find_indicator,
    make_engine,
    migrate,
    read_session,
    set_unit_indicators,
    write_session,
)
from reports import unit_board

TODAY = date(2026, 11, 22)


@pytest.fixture
def new_unit():
    """A unit that put "Dage mellem nye tryksår" on its board 30 days ago."""
    engine = make_engine("sqlite://")
    migrate(engine)
    with write_session(engine) as session:
        unit_id = create_unit("Lærkevej", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        ulcers = find_indicator("tryksaar_dage_mellem", session=session).id
        set_unit_indicators(unit_id, [ulcers], session=session, actor="system:test",
                            today=TODAY - timedelta(days=30))
    yield engine, unit_id, ulcers
    engine.dispose()


def counter(engine, unit_id):
    with read_session(engine) as session:
        charts = unit_board(unit_id, session=session, actor="system", today=TODAY)
    return charts[0], board_counters(charts, "da")[0]


def test_a_unit_without_events_counts_days_without_from_its_measurement_start(new_unit):
    engine, unit_id, _ = new_unit
    chart, shown = counter(engine, unit_id)
    assert (shown.days, shown.without_events, shown.status) == (30, True, "below")
    assert chart.goal is not None and not chart.goal.met
    html = counter_html(shown, "da")
    assert ">30<" in html and "dage uden" in html and "nye tryksår" in html
    assert "270 dage til målet på 300" in html


def test_a_unit_measuring_for_300_days_without_an_ulcer_meets_the_goal(new_unit):
    engine, unit_id, _ = new_unit
    with read_session(engine) as session:
        charts = unit_board(unit_id, session=session, actor="system",
                            today=TODAY + timedelta(days=270))
    shown = board_counters(charts, "da")[0]
    assert (shown.days, shown.status) == (300, "reached")
    assert charts[0].goal.met


def test_the_first_ulcer_resets_the_counter_to_days_since_the_last(new_unit):
    engine, unit_id, ulcers = new_unit
    with write_session(engine) as session:
        add_event(unit_id, ulcers, TODAY, session=session, actor="system", today=TODAY)
    _, shown = counter(engine, unit_id)
    assert (shown.days, shown.without_events) == (0, False)
    assert "dage siden sidste" in counter_html(shown, "da")
