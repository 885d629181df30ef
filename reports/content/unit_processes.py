"""Work on each of many units, the units shared out among processes that each read their own.

A municipality's report reads and charts fifty boards. Forked processes
(reports.content.forked_work) each take a share of the units and read them
through connections of their own (db.read_session_elsewhere): a child never
touches the parent's pooled connections. Only the results come back.

Every unit is checked here first, in order, so a refusal is the one a single
process would raise, before anything forks. Where no other process can read what
the session reads (a writing session, SQLite in memory), all is done here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlmodel import Session

from db import check_permission, read_session_elsewhere, readable_elsewhere
from reports.content.forked_work import frozen_heap, in_processes, process_count

Result = TypeVar("Result")

# A board holds about eight charts: three boards are worth a process of their own (see
# forked_work.MIN_ITEMS_PER_PROCESS).
UNITS_PER_PROCESS = 3
# Taking in a unit's charts from another process (unpickling them) costs this process about
# this share of reading and charting them (measured on the bench's 50 units: 0.16 s of 1.1 s).
RETURN_COST = 0.15
# The young generation's collection threshold while units are read and charted (Python's
# default is 700): collections took a tenth of the processor time of a municipality's
# content in one process, most of it walking the heap alive before the work began.
CONTENT_GC_THRESHOLD = 20_000


def for_each_unit(work: Callable[[Sequence[int], Session], list[Result]],
                  unit_ids: Sequence[int], *, session: Session, actor: str,
                  processes: int | None) -> list[Result]:
    """Return each unit's result, in the units' order, work doing a process's share of them.

    work(units, session) returns one result per unit of units, read through the
    session it is given (so it may read what the share needs in one go). processes
    None: as the cores allow (forked_work.process_count).
    """
    count = (process_count(len(unit_ids), processes, per_process=UNITS_PER_PROCESS)
             if readable_elsewhere(session) else 1)
    if threading.active_count() > 1:  # a server's threads share the collector's settings: leave them
        return _shared_out(work, unit_ids, session=session, actor=actor, count=count)
    # What is alive now outlives the work, and the work makes many short-lived objects and
    # few cycles: frozen, the collector does not walk the whole heap again and again, and
    # rarer young collections cost less (forked_work.frozen_heap; children inherit both).
    with frozen_heap(collect_every=CONTENT_GC_THRESHOLD):
        return _shared_out(work, unit_ids, session=session, actor=actor, count=count)


def _shared_out(work: Callable[[Sequence[int], Session], list[Result]],
                unit_ids: Sequence[int], *, session: Session, actor: str,
                count: int) -> list[Result]:
    """for_each_unit's work done by count processes (1: this one)."""
    if count == 1:
        return work(unit_ids, session)
    for unit_id in unit_ids:
        check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    this_process = os.getpid()

    def share_of(units: Sequence[int]) -> list[Result]:
        if os.getpid() == this_process:
            return work(units, session)
        with read_session_elsewhere(session) as own:  # a forked child: never the inherited pool
            return work(units, own)

    shares = _shares(len(unit_ids), count)
    read = in_processes(share_of, [[unit_ids[at] for at in share] for share in shares],
                        processes=count)
    results: list = [None] * len(unit_ids)
    for share, share_results in zip(shares, read, strict=True):
        for at, result in zip(share, share_results, strict=True):
            results[at] = result
    return results


def _shares(units: int, count: int) -> list[list[int]]:
    """Deal the positions of units out to count processes, this process's share (the first) smaller.

    This process also takes in every other's results, which costs it about
    RETURN_COST of making them: it keeps that much less, so all finish together.
    Dealt in turn (each next unit to the share furthest behind its due), so
    neighbouring units, which tend to cost alike, are spread over the processes.
    """
    weights = [1.0 - RETURN_COST * (count - 1)] + [1.0] * (count - 1)
    weights = [max(weight, 0.0) / sum(weights) for weight in weights]
    shares: list[list[int]] = [[] for _ in range(count)]
    for position in range(units):
        behind = [(len(share) + 1) / weight if weight else float("inf")
                  for share, weight in zip(shares, weights, strict=True)]
        shares[behind.index(min(behind))].append(position)
    return shares
