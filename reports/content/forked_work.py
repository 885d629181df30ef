"""Work on many items shared out among processes forked from this one, results in the items' order.

A municipality's report charts and draws 400 series, each on its own: the cores
can share them. Forked workers inherit the work and its items instead of
receiving pickled copies; only each share's numbers go out and the results come
back. A process with other threads running (the Streamlit server) must not
fork, since a lock one of them holds would stay locked in the child: there, and
on one core, everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Fewer items than this per process stay in this process: a fork and the way back cost more.
MIN_ITEMS_PER_PROCESS = 24

_inherited: tuple[Callable, Sequence] | None = None  # set just before forking


def usable_processes() -> int:
    """How many processes may share work: the cores this process may use, 1 where forking is unsafe."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    if multiprocessing.current_process().daemon:  # a Pool's worker may not have children
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_count(items: int, processes: int | None, *,
                  per_process: int = MIN_ITEMS_PER_PROCESS) -> int:
    """How many processes share `items` items: None decides (one for little work), else as asked.

    per_process: the fewest items worth a process of their own when None decides.
    """
    if processes is None:
        return min(usable_processes(), max(items // per_process, 1))
    if multiprocessing.current_process().daemon:
        return 1
    return max(min(int(processes), items), 1)


def in_processes(work: Callable[[Item], Result], items: Sequence[Item], *,
                 processes: int | None = None) -> list[Result]:
    """Return [work(item) for item in items], the items shared out among processes.

    processes None: as process_count decides; 1 works here; more forks that many,
    whatever else runs (the caller's word that it may).
    """
    global _inherited
    count = process_count(len(items), processes)
    if count == 1:
        return [work(item) for item in items]
    # Every count-th item to each process: neighbouring items tend to cost alike.
    _inherited = (work, items)
    try:
        with frozen_heap():
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=count - 1, mp_context=context) as pool:
                futures = [pool.submit(_share, start, count) for start in range(1, count)]
                shares = [_share(0, count)]  # this process works its own share meanwhile
                shares += [future.result() for future in futures]
    finally:
        _inherited = None
    results: list = [None] * len(items)
    for start, share in enumerate(shares):
        results[start::count] = share
    return results


@contextmanager
def frozen_heap(*, collect_every: int | None = None) -> Iterator[None]:
    """Leave everything alive now to gc.freeze while the block forks and works; after it, as before.

    What is alive when the work starts outlives it: frozen, the garbage collector passes
    it by, here and in forked children, instead of walking the whole inherited heap (which
    in a child also copies every page it touches; Python docs, gc.freeze). A call of
    gc.freeze inside the block freezes what was made since, till the block ends.
    collect_every: the young generation's threshold meanwhile (Python's default is 700).
    Inside a block that froze the heap already (a report's halves chart their units in
    one), nothing is unfrozen at the end: gc can only unfreeze everything, the outer
    block's objects too; the outer block unfreezes.
    """
    thresholds = gc.get_threshold()
    outer_freeze = gc.get_freeze_count() > 0
    gc.freeze()
    if collect_every is not None:
        gc.set_threshold(collect_every, *thresholds[1:])
    try:
        yield
    finally:
        if not outer_freeze:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


def _share(start: int, step: int) -> list:
    """work of every step-th inherited item from start."""
    assert _inherited is not None, "in_processes sets the work before it forks"
    work, items = _inherited
    return [work(item) for item in items[start::step]]
