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
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from db.engine import is_sqlite, run_write, write_combiner
from db.entries import add_entry
from db.entry_batches import EntryRequest, add_entries
from db.errors import StorageError


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
        return [_outcome_alone(engine, request) for request in requests]


def _outcome_alone(engine: Engine, request: EntryRequest) -> int | Exception:
    """Return the entry id of request written alone, or the exception its caller gets."""
    try:
        return _alone(engine, request)
    except Exception as error:  # raised again in the caller's own thread
        return error


def _alone(engine: Engine, request: EntryRequest) -> int:
    """Write request in its own transaction, as the entry page did before batches."""
    return run_write(engine, lambda session: add_entry(
        request.unit_id, request.indicator_id, request.day, numerator=request.numerator,
        denominator=request.denominator, value=request.value, note=request.note,
        session=session, actor=request.actor, today=request.today))

