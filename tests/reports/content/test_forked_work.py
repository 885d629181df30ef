"""Work shared out among forked processes comes back whole and in order."""

import gc
import os

import pandas as pd
import pytest

from db import read_session
from indicators import InvalidDataError
from reports.content.forked_work import frozen_heap, in_processes, process_count
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import municipality_scope
from tests.conftest import DEMO_TODAY


def _worker_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_three_processes_return_every_result_in_the_items_order():
    results = in_processes(_worker_pid, list(range(50)), processes=3)
    assert [square for square, _ in results] == [n * n for n in range(50)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) >= 2  # this process and forked ones


def test_a_small_job_or_one_core_stays_in_this_process():
    assert process_count(10, None) == 1  # too little to be worth a fork
    assert process_count(100, 1) == 1 and process_count(2, 8) == 2
    assert {pid for _, pid in in_processes(_worker_pid, [1, 2, 3], processes=1)} == {os.getpid()}


def test_a_municipality_charted_in_two_processes_equals_one_charted_in_one(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        contents = [report_content(municipality_scope(session=session), parse_month("2026-10"),
                                   session=session, actor="system", today=DEMO_TODAY,
                                   processes=processes) for processes in (1, 2)]
    alone, shared = ([chart for unit in content.units for chart in unit.charts] for content in contents)
    assert len(alone) == len(shared) > 10
    for one, other in zip(alone, shared, strict=True):
        assert (one.unit_id, one.indicator.id, one.days_without_event, one.goal) == (
            other.unit_id, other.indicator.id, other.days_without_event, other.goal)
        pd.testing.assert_frame_equal(one.model.points, other.model.points)
        assert one.model.verdict == other.model.verdict


def test_a_daemonic_worker_works_alone(monkeypatch):
    monkeypatch.setattr("multiprocessing.current_process", lambda: type("Daemon", (), {"daemon": True})())
    assert process_count(400, None) == 1 and process_count(400, 4) == 1


def _frozen_count(number: int) -> int:
    return gc.get_freeze_count()


def test_what_was_alive_is_frozen_for_the_work_and_thawed_after_it():
    before = gc.get_freeze_count()
    counts = in_processes(_frozen_count, list(range(4)), processes=2)
    assert min(counts) > before  # the collector passed the inherited heap by, in both processes
    assert gc.get_freeze_count() == before


def test_a_freeze_inside_another_leaves_the_outer_ones_objects_frozen_until_it_ends():
    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    with frozen_heap(collect_every=20_000):
        outer = gc.get_freeze_count()
        with frozen_heap(collect_every=5_000):
            assert gc.get_threshold()[0] == 5_000
        assert gc.get_freeze_count() >= outer  # the inner block thawed nothing of the outer's
        assert gc.get_threshold()[0] == 20_000
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == thresholds


def _refuse_odd(number: int) -> int:
    if number % 2:
        raise InvalidDataError(f"{number} er ulige", f"{number} is odd")
    return number


def test_an_error_in_a_forked_process_arrives_as_itself():
    with pytest.raises(InvalidDataError) as refused:
        in_processes(_refuse_odd, [0, 1], processes=2)  # item 1 is the forked process's
    assert refused.value.text("en") == "1 is odd"
