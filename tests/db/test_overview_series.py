"""One read of every unit's series for the overview gives what the per-unit board reads give."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from db import (
    add_baseline,
    add_entry,
    add_event,
    create_unit,
    delete_entry,
    find_indicator,
    list_entries,
    list_unit_indicators,
    list_units,
    make_engine,
    migrate,
    read_overview_series,
    read_session,
    read_unit_series,
    set_unit_indicators,
    write_session,
)
from tests.conftest import DEMO_TODAY


def _units(engine) -> list[int]:
    with read_session(engine) as session:
        units = list_units(session=session)
    return units[units["kind"] == "unit"]["id"].tolist()


def test_the_overview_read_holds_every_units_board_series(demo_engine):
    with read_session(demo_engine) as session:
        everything = read_overview_series(session=session, actor="system")
        for unit_id in _units(demo_engine):
            board = read_unit_series(unit_id, session=session, actor="system")
            for indicator in list_unit_indicators(unit_id, session=session):
                events = indicator.definition.measure == "events"
                source = everything.events if events else everything.entries
                mine = source[(source["unit_id"] == unit_id)
                              & (source["indicator_id"] == indicator.id)].sort_values("date")
                expected = board[indicator.id]
                assert list(mine["date"].dt.date) == list(expected["date"])
                if not events:
                    np.testing.assert_array_equal(mine["numerator"], expected["numerator"])
                    np.testing.assert_array_equal(mine["denominator"], expected["denominator"])
        boards = sum(len(list_unit_indicators(unit_id, session=session))
                     for unit_id in _units(demo_engine))
    assert len(everything.assigned) == boards


def test_the_read_can_be_limited_to_chosen_units(demo_engine):
    first, *_ = _units(demo_engine)
    with read_session(demo_engine) as session:
        chosen = read_overview_series(session=session, actor="system", unit_ids=[first])
    assert set(chosen.entries["unit_id"]) == {first}
    assert set(chosen.assigned["unit_id"]) == {first}


def test_deleted_entries_are_left_out(demo_engine):
    first, *_ = _units(demo_engine)
    with read_session(demo_engine) as session:
        indicator = next(i for i in list_unit_indicators(first, session=session)
                         if i.definition.measure == "proportion")
        entries = list_entries(first, session=session, actor="system", indicator_id=indicator.id, limit=10_000)
    victim = entries.iloc[0]
    with write_session(demo_engine) as session:
        delete_entry(int(victim["id"]), session=session, actor="system:test")
    with read_session(demo_engine) as session:
        after = read_overview_series(session=session, actor="system", unit_ids=[first]).entries
    mine = after[(after["indicator_id"] == indicator.id)]
    assert pd.Timestamp(victim["date"]) not in set(mine["date"])
    assert len(mine) == len(entries) - 1


def test_the_demo_has_saved_phases_in_the_baselines(demo_engine):
    with read_session(demo_engine) as session:
        baselines = read_overview_series(session=session, actor="system").baselines
    assert set(baselines["kind"]) == {"new_phase"}
    assert baselines["date"].dtype.kind == "M"


@pytest.mark.postgres
def test_postgresql_hands_over_the_same_days(postgres_url):
    engine = make_engine(postgres_url)
    migrate(engine)
    day = date(2026, 3, 2)
    with write_session(engine) as session:
        unit_id = create_unit("Overblik PG", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        share = find_indicator("tryksaar_bundt", session=session)
        ulcers = find_indicator("tryksaar_dage_mellem", session=session)
        set_unit_indicators(unit_id, [share.id, ulcers.id], session=session, actor="system:test")
        add_entry(unit_id, share.id, day, numerator=19, denominator=20, session=session,
                  actor="system:test", today=DEMO_TODAY)
        add_event(unit_id, ulcers.id, day, session=session, actor="system:test", today=DEMO_TODAY)
        add_baseline(unit_id, share.id, "freeze", day, "baseline", session=session,
                     actor="system:test", today=DEMO_TODAY)
    with read_session(engine) as session:
        series = read_overview_series(session=session, actor="system", unit_ids=[unit_id])
    engine.dispose()
    stamp = pd.Timestamp(day)
    assert list(series.entries["date"]) == [stamp]
    assert list(series.events["date"]) == [stamp]
    assert list(series.baselines["date"]) == [stamp]
    assert series.entries["numerator"].tolist() == [19.0]
