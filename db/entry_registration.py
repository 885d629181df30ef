"""A tablet's registration: written together with those that arrive at the same moment.

One registration is processor work (Python, SQLAlchemy, the driver, PostgreSQL) more
than waiting, and the threads of one app server share one interpreter lock: side by
side they reach about the rate of one. So registrations that arrive together share
one transaction (db/entry_batches.py), gathered by the engine's WriteCombiner; a
lone one takes add_entry's own path. When a batch's transaction fails for any reason
but a request's own refusal, each of its requests runs again alone, so every caller
gets exactly the outcome add_entry would have given it. Except on SQLite when the
database itself was locked or failing (an OperationalError, or the busy message after
the write queue's wait): alone, each request would have met the same, and running
them one after another would make the last caller wait that long once per request.
On PostgreSQL a batch that waited out the lock timeout runs its requests alone with a
short wait for row locks (HELD_ROW_WAIT_MS).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from db.engine import is_sqlite, run_write, waited_out_a_lock, write_combiner
from db.entries import add_entry
from db.entry_batches import EntryRequest, add_entries
from db.errors import StorageError

# A batch that waited the whole lock timeout met a row another server holds (a long import,
# say): it is still held. Each request then runs alone waiting at most this long, so the one
# whose period is held gets the busy message at once and the others are stored, instead of
# each held one waiting the whole timeout again while every caller of the batch waits too.
HELD_ROW_WAIT_MS = 200


def register_entry(engine: Engine, request: EntryRequest) -> int:
    """Record request as add_entry would, alone or with others at once; return the entry's id.

    Returns only once the transaction holding it has committed; raises the request's own
    refusal (ValidationError, PermissionDeniedError, NotFoundError) or storage error.
    """
    combiner = write_combiner(engine)
    if combiner is None:  # an engine not made by make_engine
        return _alone(engine, request)
    return combiner.submit(request, lambda batch: _write_batch(engine, batch))


def _write_batch(engine: Engine, requests: list[EntryRequest]) -> list[int | Exception]:
    """Write requests in one transaction; after a failure of the whole, write each alone."""
    if len(requests) == 1:
        return [_outcome_alone(engine, requests[0])]
    try:
        return run_write(engine, lambda session: add_entries(requests, session=session))
    except Exception as error:  # rolled back: each request's own transaction tells its own outcome
        if is_sqlite(engine) and isinstance(error, OperationalError | StorageError):
            return [error] * len(requests)  # one lock, one file: the same for each of them
        lock_wait_ms = HELD_ROW_WAIT_MS if waited_out_a_lock(error) else None
        return [_outcome_alone(engine, request, lock_wait_ms) for request in requests]


def _outcome_alone(engine: Engine, request: EntryRequest,
                   lock_wait_ms: int | None = None) -> int | Exception:
    """Return the entry id of request written alone, or the exception its caller gets."""
    try:
        return _alone(engine, request, lock_wait_ms)
    except Exception as error:  # raised again in the caller's own thread
        return error


def _alone(engine: Engine, request: EntryRequest, lock_wait_ms: int | None = None) -> int:
    """Write request in its own transaction, as the entry page did before batches.

    lock_wait_ms: how long PostgreSQL waits for a row lock in it (None: the engine's timeout).
    """
    def work(session: Session) -> int:
        if lock_wait_ms is not None:
            session.connection().exec_driver_sql(f"SET LOCAL lock_timeout = {int(lock_wait_ms)}")
        return add_entry(
            request.unit_id, request.indicator_id, request.day, numerator=request.numerator,
            denominator=request.denominator, value=request.value, note=request.note,
            session=session, actor=request.actor, today=request.today)

    return run_write(engine, work)

