"""Boards read and charted in forked processes are the boards one process reads, unit by unit."""

import pandas as pd
import pytest

from db import (
    PermissionDeniedError,
    find_unit,
    make_engine,
    migrate,
    read_session,
    readable_elsewhere,
    seed_demo,
    write_session,
)
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import municipality_scope
from reports.content.stored_charts import unit_board, unit_boards
from reports.content.unit_processes import RETURN_COST, _shares
from tests.conftest import DEMO_TODAY
from tests.db.conftest import postgres_server, postgres_url  # noqa: F401  (fixtures)


def assert_same_charts(boards, others) -> None:
    """Every chart of boards equals its counterpart in others: series, points, phases and notes."""
    assert [len(board) for board in boards] == [len(board) for board in others]
    for board, other_board in zip(boards, others, strict=True):
        for one, other in zip(board, other_board, strict=True):
            assert (one.unit_id, one.indicator, one.days_since_last_event, one.goal,
                    one.measuring_since, one.days_without_event) == (
                other.unit_id, other.indicator, other.days_since_last_event, other.goal,
                other.measuring_since, other.days_without_event)
            pd.testing.assert_frame_equal(one.series, other.series)
            pd.testing.assert_frame_equal(one.model.points, other.model.points)
            assert (one.model.phases, one.model.verdict, one.model.annotations, one.model.target,
                    one.model.recommendation, one.model.chart) == (
                other.model.phases, other.model.verdict, other.model.annotations,
                other.model.target, other.model.recommendation, other.model.chart)


def test_boards_read_in_two_processes_are_the_boards_read_one_unit_at_a_time(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        unit_ids = [unit.id for unit in municipality_scope(session=session).units]
        shared = unit_boards(unit_ids, session=session, actor="system", today=DEMO_TODAY,
                             processes=2)
        alone = [unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
                 for unit_id in unit_ids]
    assert len(unit_ids) >= 3 and sum(len(board) for board in alone) > 10
    assert_same_charts(shared, alone)


def test_a_report_read_in_two_processes_equals_one_read_in_one_calendars_included(
        demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        one, two = (report_content(municipality_scope(session=session), parse_month("2026-10"),
                                   session=session, actor="system", today=DEMO_TODAY,
                                   processes=processes) for processes in (1, 2))
    assert [unit.unit for unit in one.units] == [unit.unit for unit in two.units]
    assert_same_charts([unit.charts for unit in one.units], [unit.charts for unit in two.units])
    calendars = [[(c.chart.indicator.id, c.days) for c in unit.calendars] for unit in one.units]
    assert calendars == [[(c.chart.indicator.id, c.days) for c in unit.calendars]
                         for unit in two.units]
    assert any(calendars) and (one.as_of, one.packages) == (two.as_of, two.packages)


@pytest.mark.parametrize("refused_first", [True, False])
def test_a_unit_the_actor_may_not_read_is_refused_as_when_one_process_reads(demo_reading_engine,
                                                                           refused_first):
    with read_session(demo_reading_engine) as session:
        own = find_unit("solbakken", session=session)  # demo-teamleder's only unit
        others = [unit.id for unit in municipality_scope(session=session).units if unit.id != own]
        # One unit to each process: the refused one is the forked process's or this one's.
        unit_ids = [others[0], own] if refused_first else [own, others[0]]
        refusals = []
        for processes in (1, 2):
            with pytest.raises(PermissionDeniedError) as refused:
                unit_boards(unit_ids, session=session, actor="demo-teamleder",
                            today=DEMO_TODAY, processes=processes)
            refusals.append((refused.value.danish, refused.value.english))
        allowed = unit_boards([own, own], session=session, actor="demo-teamleder",
                              today=DEMO_TODAY, processes=2)
    assert refusals[0] == refusals[1]
    assert len(allowed) == 2 and all(chart.unit_id == own for chart in allowed[1])


def test_only_a_read_session_of_a_file_or_server_may_be_read_by_another_process(
        demo_reading_engine):
    in_memory = make_engine("sqlite://")
    migrate(in_memory)
    with read_session(in_memory) as session:
        assert not readable_elsewhere(session)  # another process would see an empty database
    with read_session(demo_reading_engine) as session:
        assert readable_elsewhere(session)
    with write_session(demo_reading_engine) as session:
        assert not readable_elsewhere(session)  # uncommitted rows are this connection's alone
        session.rollback()


@pytest.mark.postgres
def test_boards_read_in_two_processes_on_postgresql_are_the_boards_read_in_one(postgres_url):  # noqa: F811
    engine = make_engine(postgres_url)
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=DEMO_TODAY, with_users=False)
    with read_session(engine) as session:
        unit_ids = [unit.id for unit in municipality_scope(session=session).units]
        shared = unit_boards(unit_ids, session=session, actor="system", today=DEMO_TODAY,
                             processes=2)
        alone = unit_boards(unit_ids, session=session, actor="system", today=DEMO_TODAY,
                            processes=1)
        # The parent's own connection still reads after the children have come and gone.
        assert municipality_scope(session=session).units[0].id == unit_ids[0]
    engine.dispose()
    assert_same_charts(shared, alone)


@pytest.mark.parametrize(("units", "count"), [(50, 2), (7, 2), (2, 2), (30, 3), (9, 9)])
def test_every_unit_is_dealt_once_and_this_process_keeps_less_for_taking_in_the_rest(units, count):
    shares = _shares(units, count)
    assert sorted(at for share in shares for at in share) == list(range(units))
    assert all(share == sorted(share) for share in shares)
    mine, others = len(shares[0]), [len(share) for share in shares[1:]]
    assert mine <= min(others) and max(others) - min(others) <= 1
    if units >= 20:  # the others' results cost this process about RETURN_COST of their making
        assert abs(mine - max(others) * (1 - RETURN_COST * (count - 1))) <= 1
    # Neighbours are spread: no process gets three units in a row.
    assert not any(share[i + 2] - share[i] == 2 for share in shares for i in range(len(share) - 2))
