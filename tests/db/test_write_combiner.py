"""The group commit's threading: batches, own outcomes, slots, and batches that stall or break."""

from __future__ import annotations

import threading
import time

import pytest

from db.write_combiner import WriteCombiner


def _callers(combiner: WriteCombiner, items, run_batch) -> dict:
    """Submit each item from its own thread at once; return each item's outcome or error."""
    outcomes = {}
    start = threading.Barrier(len(items))

    def caller(item) -> None:
        start.wait()
        try:
            outcomes[item] = combiner.submit(item, run_batch)
        except Exception as error:  # raised in this caller's own thread
            outcomes[item] = error

    threads = [threading.Thread(target=caller, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def test_a_lone_caller_runs_a_batch_of_one_in_its_own_thread_at_once():
    batches = []

    def run_batch(items):
        batches.append((list(items), threading.current_thread()))
        return [item * 2 for item in items]

    combiner = WriteCombiner(in_flight=2, largest_batch=8, linger=1.0)
    started = time.perf_counter()
    assert [combiner.submit(n, run_batch) for n in (1, 2)] == [2, 4]
    assert time.perf_counter() - started < 0.5  # a lone caller never lingers
    assert batches == [([1], threading.current_thread()), ([2], threading.current_thread())]


def test_callers_arriving_while_a_batch_runs_ride_together_and_each_gets_its_own_outcome():
    batches = []

    def run_batch(items):
        batches.append(list(items))
        time.sleep(0.02)  # while this batch runs, the others arrive
        return [ValueError(item) if item % 5 == 0 else item * 10 for item in items]

    combiner = WriteCombiner(in_flight=1, largest_batch=64)
    outcomes = _callers(combiner, range(1, 33), run_batch)

    assert {item: outcome for item, outcome in outcomes.items() if item % 5} == {
        item: item * 10 for item in range(1, 33) if item % 5}
    assert all(isinstance(outcomes[item], ValueError) and outcomes[item].args == (item,)
               for item in range(5, 33, 5))
    assert sorted(item for batch in batches for item in batch) == list(range(1, 33))
    assert len(batches) < 32 and max(map(len, batches)) > 1


def test_batches_hold_at_most_largest_batch_and_come_in_the_order_callers_came():
    batches = []

    def run_batch(items):
        batches.append(list(items))
        time.sleep(0.01)
        return items

    combiner = WriteCombiner(in_flight=1, largest_batch=3)
    outcomes = _callers(combiner, range(20), run_batch)
    assert outcomes == {item: item for item in range(20)}
    assert max(map(len, batches)) <= 3


@pytest.mark.parametrize(("in_flight", "arrives_after"), [(1, 0.1), (2, 0.0), (2, 0.1)])
def test_a_batch_that_stalls_lets_another_start_beside_it_only_when_in_flight_allows(
        in_flight, arrives_after):
    stalled, release = threading.Event(), threading.Event()
    finished = []

    def run_batch(items):
        if items == ["stuck"]:
            stalled.set()
            assert release.wait(5)  # as a batch waiting for another server's row lock
        finished.append(list(items))
        return items

    combiner = WriteCombiner(in_flight=in_flight, largest_batch=8, stall_after=0.05)
    stuck = threading.Thread(target=combiner.submit, args=("stuck", run_batch))
    stuck.start()
    assert stalled.wait(5)
    time.sleep(arrives_after)  # 0: waits for stall_after; 0.1: finds it stalled already
    other = threading.Thread(target=combiner.submit, args=("other", run_batch))
    other.start()
    other.join(1)
    got_through = not other.is_alive()
    release.set()
    for thread in (stuck, other):
        thread.join(5)
    assert got_through == (in_flight == 2)
    assert sorted(map(tuple, finished)) == [("other",), ("stuck",)]


def test_a_run_batch_that_raises_gives_every_caller_of_the_batch_the_error_and_frees_the_slot():
    def run_batch(items):
        time.sleep(0.01)
        if "bad" in items:
            raise RuntimeError("the batch broke")
        return items

    combiner = WriteCombiner(in_flight=1, largest_batch=64)
    outcomes = _callers(combiner, ["bad", *range(10)], run_batch)
    broken = [item for item, outcome in outcomes.items() if isinstance(outcome, RuntimeError)]
    assert "bad" in broken
    assert all(outcomes[item] == item for item in range(10) if item not in broken)
    assert combiner.submit("after", run_batch) == "after"  # nothing left hanging


def test_a_batch_right_after_a_larger_one_lingers_for_its_callers_to_come_back():
    batches = []

    def run_batch(items):
        batches.append(len(items))
        time.sleep(0.005)
        return items

    combiner = WriteCombiner(in_flight=1, largest_batch=64, linger=0.05)
    start = threading.Barrier(8)

    def tablet(number: int) -> None:
        start.wait()
        for step in range(10):
            combiner.submit((number, step), run_batch)
            time.sleep(0.002)  # a caller takes a moment before it registers again

    threads = [threading.Thread(target=tablet, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sum(batches) == 80
    assert batches.count(1) <= 2  # without the linger every other batch is a batch of one


def test_nonsense_settings_are_refused():
    with pytest.raises(ValueError, match="in_flight"):
        WriteCombiner(in_flight=0, largest_batch=8)
