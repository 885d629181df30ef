"""Many units' annotations, baselines and measuring starts read at once equal each unit's own reads."""

from datetime import date

import pandas as pd
import pytest

from db import (
    PermissionDeniedError,
    add_annotation,
    add_baseline,
    delete_annotation,
    delete_baseline,
    find_indicator,
    find_unit,
    list_annotations,
    list_unit_baselines,
    list_units,
    make_engine,
    measuring_starts,
    migrate,
    read_board_extras,
    read_session,
    seed_demo,
    write_session,
)
from tests.conftest import DEMO_TODAY


def _mark_up(engine) -> None:
    """A unit-wide note, an indicator's note, a deleted note, a freeze, a phase and a deleted phase."""
    with write_session(engine) as session:
        solbakken, akut = (find_unit(code, session=session) for code in ("solbakken", "akutteamet"))
        indicator = find_indicator("tryksaar_bundt", session=session).id
        add_annotation(solbakken, date(2026, 3, 2), "Ny rutine", session=session,
                       actor="system:test", today=DEMO_TODAY)
        add_annotation(solbakken, date(2026, 1, 9), "Kun bundtet", indicator_id=indicator,
                       session=session, actor="system:test", today=DEMO_TODAY)
        delete_annotation(add_annotation(akut, date(2026, 2, 2), "Fejl", session=session,
                                         actor="system:test", today=DEMO_TODAY),
                          session=session, actor="system:test")
        add_baseline(solbakken, indicator, "freeze", date(2026, 2, 1), "Baseline",
                     session=session, actor="system:test", today=DEMO_TODAY)
        add_baseline(akut, indicator, "new_phase", date(2026, 4, 1), "Ny fase", session=session,
                     actor="system:test", today=DEMO_TODAY)
        delete_baseline(add_baseline(akut, indicator, "new_phase", date(2026, 5, 1), "Fortrudt",
                                     session=session, actor="system:test", today=DEMO_TODAY),
                        session=session, actor="system:test")


def _assert_extras_are_the_units_own_reads(engine) -> None:
    with read_session(engine) as session:
        unit_ids = [int(unit_id) for unit_id in list_units(session=session)["id"]]
        extras = read_board_extras([*unit_ids, unit_ids[0]], session=session, actor="system")
        assert set(extras) == set(unit_ids)
        for unit_id in unit_ids:
            pd.testing.assert_frame_equal(extras[unit_id].annotations,
                                          list_annotations(unit_id, session=session,
                                                           actor="system"))
            own = list_unit_baselines(unit_id, session=session, actor="system")
            assert extras[unit_id].baselines.keys() == own.keys()
            for indicator_id, frame in own.items():
                pd.testing.assert_frame_equal(extras[unit_id].baselines[indicator_id], frame)
            assert extras[unit_id].measuring_starts == measuring_starts(unit_id, session=session,
                                                                        actor="system")
        marked = [extras[unit_id] for unit_id in unit_ids]
        assert any(len(one.annotations) >= 2 for one in marked)
        assert any(one.baselines for one in marked) and any(one.measuring_starts for one in marked)


def test_units_read_together_get_what_each_reads_alone(demo_engine):
    _mark_up(demo_engine)
    _assert_extras_are_the_units_own_reads(demo_engine)


def test_a_unit_the_actor_may_not_read_refuses_the_whole_read(demo_engine):
    with read_session(demo_engine) as session:
        own, other = (find_unit(code, session=session) for code in ("solbakken", "akutteamet"))
        assert set(read_board_extras([own], session=session, actor="demo-teamleder")) == {own}
        with pytest.raises(PermissionDeniedError):
            read_board_extras([own, other], session=session, actor="demo-teamleder")
        assert read_board_extras([], session=session, actor="demo-teamleder") == {}


@pytest.mark.postgres
def test_units_read_together_on_postgresql_get_what_each_reads_alone(postgres_url):
    engine = make_engine(postgres_url)
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=DEMO_TODAY, with_users=False)
    _mark_up(engine)
    _assert_extras_are_the_units_own_reads(engine)
    engine.dispose()
