"""Switching a unit's package to samples: stored per unit and package, audited, undoable, charted."""

from __future__ import annotations

from datetime import date

import pytest

from db import (
    NotFoundError,
    ValidationError,
    delete_sampling_switch,
    find_unit,
    list_sampling_switches,
    read_audit,
    read_session,
    restore_sampling_switch,
    sampling_since,
    switch_sampling,
    write_session,
)
from reports import unit_board
from tests.conftest import DEMO_TODAY

JUNE = date(2026, 6, 1)


def _switch(engine, day=JUNE, *, sampling=True, package="tryksaar") -> int:
    with write_session(engine) as session:
        unit_id = find_unit("solbakken", session=session)
        return switch_sampling(unit_id, package, day, sampling=sampling, session=session,
                               actor="system:leder", today=DEMO_TODAY)


def _since(engine) -> dict:
    with read_session(engine) as session:
        return sampling_since(list_sampling_switches(session=session, actor="system"), today=DEMO_TODAY)


def test_a_switch_makes_the_unit_sample_the_package_from_its_day(demo_engine):
    _switch(demo_engine)
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
    assert _since(demo_engine) == {(unit_id, "tryksaar"): JUNE}


def test_going_back_to_full_registration_ends_the_sampling(demo_engine):
    _switch(demo_engine)
    _switch(demo_engine, date(2026, 9, 1), sampling=False)
    assert _since(demo_engine) == {}


def test_a_deleted_switch_no_longer_counts_and_comes_back_when_restored(demo_engine):
    switch_id = _switch(demo_engine)
    with write_session(demo_engine) as session:
        delete_sampling_switch(switch_id, session=session, actor="system:leder")
    assert _since(demo_engine) == {}
    with write_session(demo_engine) as session:
        restore_sampling_switch(switch_id, session=session, actor="system:leder")
    assert len(_since(demo_engine)) == 1
    with read_session(demo_engine) as session:
        audit = read_audit(session=session, actor="system")
    mine = audit[audit["table_name"] == "sampling_switch"]
    assert list(mine["action"])[:3] == ["restore", "delete", "add"]


def test_a_switch_in_the_future_is_refused(demo_engine):
    with pytest.raises(ValidationError, match="fremtiden"):
        _switch(demo_engine, date(2026, 12, 1))


def test_an_unknown_package_is_refused_by_name(demo_engine):
    with pytest.raises(NotFoundError, match="tandpleje"):
        _switch(demo_engine, package="tandpleje")


def test_the_charts_of_the_packages_process_indicators_mark_where_sampling_began(demo_engine):
    _switch(demo_engine)
    with read_session(demo_engine) as session:
        charts = unit_board(find_unit("solbakken", session=session), session=session, actor="system",
                            today=DEMO_TODAY)
    marked = {chart.indicator.definition.code for chart in charts
              if any(note.text == "Stikprøver fra 01-06-2026" for note in chart.model.annotations)}
    assert marked == {"tryksaar_bundt", "tryksaar_risikovurdering"}
