"""Engines and transactions for SQLite and PostgreSQL.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every
writing transaction starts with BEGIN IMMEDIATE: under WAL a transaction that
reads and then writes fails at once with "database is locked" if another
writer committed in between, whatever the busy timeout; taking the write lock
at BEGIN makes the second writer wait instead. Python's sqlite3 module would
emit its own deferred BEGIN only before DML, so it is switched off and
SQLAlchemy's begin event emits ours (SQLAlchemy docs, "Transactions with
SQLite and the sqlite3 driver").

On SQLite, writers in one process (Streamlit serves every tablet from one
process) also queue, first come first served, on a lock that belongs to the
engine: a waiting thread then wakes the moment the writer before it finishes,
instead of sleeping in SQLite's busy handler, which backs off up to 100 ms
between tries. PostgreSQL has row locks and many writers at once, so its
writers do not queue: each runs its own short transaction from a pool sized by
the caller, and `run_write` tries a transaction again when PostgreSQL chose it
as the victim of a deadlock or a serialization failure (SQLSTATE 40P01, 40001;
PostgreSQL docs, "Serialization Failure Handling").

Each engine also keeps the WriteCombiner of its registrations (db/write_combiner.py):
registrations that tablets send at the same moment share one transaction
(db/entry_registration.py), on both databases.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from db.errors import ReadOnlySessionError, StorageError
from db.write_combiner import WriteCombiner
from db.write_queue import WriteQueue

T = TypeVar("T")

# How long a writer waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT_SECONDS = 60
SQLITE_MMAP_BYTES = 256 * 1024 * 1024  # the most of a database file read through memory mapping
# SQLite copies the write-ahead log back into the database file every this many commits.
CHECKPOINT_EVERY_COMMITS = 200
_WRITING = "tavle_writing"
_WRITE_LOCK = "tavle_write_lock"
_COMMITS = "tavle_commits"
_COMBINER = "tavle_write_combiner"
# Registrations that arrive together are written in one transaction (db/entry_registration.py),
# one such transaction at a time per app server, the largest batches. On PostgreSQL, once it
# has run this long (it may wait for a row lock another server holds) another may start
# beside it, up to this many at once, so no tablet waits for another server's lock;
# SQLite writes one transaction at a time anyway.
REGISTRATION_STALL_SECONDS = 0.05
REGISTRATION_BATCHES_IN_FLIGHT = 3
LARGEST_REGISTRATION_BATCH = 64
# Seconds a batch that starts right after a larger one waits for that one's callers to come
# back (db/write_combiner.py): less than the transaction a batch of one would cost.
REGISTRATION_LINGER_SECONDS = 0.002
# PostgreSQL: connections an app server keeps open, and how many more it may open at a peak.
DEFAULT_POOL_SIZE = 10
DEFAULT_MAX_OVERFLOW = 10
# PostgreSQL: a pooled connection older than this is closed and opened again at its next checkout.
POOL_RECYCLE_SECONDS = 30 * 60
# PostgreSQL: how long one statement waits for a row lock before the change is refused.
LOCK_TIMEOUT_SECONDS = 20
# PostgreSQL: SQLSTATEs after which the whole transaction may simply run again.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
WRITE_ATTEMPTS = 5
_LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out
_BUSY = (
    "Databasen er optaget af en anden ændring; prøv igen om lidt.",
    "The database is busy with another change; try again shortly.",
)


def make_engine(url: str, *, pool_size: int = DEFAULT_POOL_SIZE,
                max_overflow: int = DEFAULT_MAX_OVERFLOW) -> Engine:
    """Return an engine for a SQLite or PostgreSQL URL, set up for Tavle's transactions.

    pool_size and max_overflow size PostgreSQL's connection pool (SQLite keeps its own).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        lock = WriteQueue()
        in_memory = parsed.database in (None, "", ":memory:")
        if not in_memory:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
            # One shared connection keeps an in-memory database alive between sessions.
            poolclass=StaticPool if in_memory else None,
            execution_options={_WRITE_LOCK: lock, _COMMITS: itertools.count(1),
                               _COMBINER: _combiner(in_flight=1)},
        )
        _configure_sqlite(engine)
        return engine
    if pool_size < 1 or max_overflow < 0:
        raise ValueError(f"pool_size must be at least 1 and max_overflow at least 0, "
                         f"not {pool_size} and {max_overflow}")
    # No ping before every checkout: it is a round trip per transaction, and measured a third
    # of the throughput of 16 writers. Connections are renewed after POOL_RECYCLE_SECONDS
    # instead (before a firewall or PostgreSQL drops them idle), and after PostgreSQL has
    # restarted the first statement's disconnect renews the whole pool: run_write runs that
    # transaction again, a read shows the error once.
    # Last in, first out: one registration batch at a time (the combiner) takes the connection
    # the last one gave back, whose server process has its statements prepared and its caches
    # warm; first in, first out would cycle through the whole pool. Connections a quiet hour
    # leaves idle are those renewed by pool_recycle, not the busy ones.
    return create_engine(
        parsed, pool_size=pool_size, max_overflow=max_overflow, pool_recycle=POOL_RECYCLE_SECONDS,
        pool_use_lifo=True,
        connect_args={"options": f"-c lock_timeout={int(LOCK_TIMEOUT_SECONDS * 1000)}"},
        execution_options={_COMBINER: _combiner(in_flight=REGISTRATION_BATCHES_IN_FLIGHT)},
    )


def _combiner(*, in_flight: int) -> WriteCombiner:
    """Return the engine's own combiner of registrations."""
    return WriteCombiner(in_flight=in_flight, largest_batch=LARGEST_REGISTRATION_BATCH,
                         stall_after=REGISTRATION_STALL_SECONDS,
                         linger=REGISTRATION_LINGER_SECONDS)


def write_combiner(engine: Engine) -> WriteCombiner | None:
    """Return the combiner of registrations that make_engine gave engine (None: another engine)."""
    return engine.get_execution_options().get(_COMBINER)


def _configure_sqlite(engine: Engine) -> None:
    """Set the pragmas on every new connection and take over BEGIN from the driver."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # sqlite3 emits no BEGIN of its own
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        # Under WAL, NORMAL never corrupts; only a power cut may undo the last commits.
        cursor.execute("PRAGMA synchronous=NORMAL")
        # The writer that fills the log would copy it back while the others queue behind
        # it; write_session does that after the queue has moved on (see _checkpoint).
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        # Reads through the operating system's page cache, shared by every connection and
        # process, rather than each connection's own 2 MB: a municipality's report read its
        # boards in 104 ms rather than 156 on a fresh connection (as its forked process opens).
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITING, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def is_sqlite(engine: Engine) -> bool:
    """Tell whether the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def writers_turn(engine: Engine) -> Iterator[None]:
    """On SQLite, wait for the writer before this one in the same process (not re-entrant)."""
    lock: WriteQueue | None = engine.get_execution_options().get(_WRITE_LOCK)
    if lock is None:  # PostgreSQL: writers run side by side
        yield
        return
    if not lock.acquire(timeout=SQLITE_BUSY_TIMEOUT_SECONDS):
        raise StorageError(*_BUSY)
    try:
        yield
    finally:
        lock.release()


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """Open a writing transaction (BEGIN IMMEDIATE on SQLite); commit at the end, or roll back."""
    with writers_turn(engine), engine.execution_options(**{_WRITING: True}).begin() as connection:
        yield connection


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """Open a session for changes; it commits when the block ends, or rolls back on error."""
    with writers_turn(engine), Session(engine.execution_options(**{_WRITING: True})) as session:
        session.info[_WRITING] = True
        try:
            yield session
            session.commit()
        except DBAPIError as error:
            session.rollback()
            if getattr(error.orig, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
                raise StorageError(*_BUSY) from error
            raise
        except BaseException:
            session.rollback()
            raise
    _checkpoint_now_and_then(engine)


def waited_out_a_lock(error: BaseException) -> bool:
    """Tell whether error is the busy message of a transaction that waited LOCK_TIMEOUT_SECONDS for a lock."""
    cause = getattr(error.__cause__, "orig", None)
    return isinstance(error, StorageError) and getattr(cause, "sqlstate", None) == _LOCK_NOT_AVAILABLE


def is_retryable(error: BaseException) -> bool:
    """Tell whether the transaction may simply run again.

    PostgreSQL rolled it back only to let another one finish, or its connection had
    died (the server restarted): the pool then opens fresh ones.
    """
    if not isinstance(error, DBAPIError):
        return False
    return error.connection_invalidated or getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES


def run_write(engine: Engine, work: Callable[[Session], T], *,
              attempts: int = WRITE_ATTEMPTS) -> T:
    """Run work(session) in a writing session; run it again after a deadlock, a serialization failure or a lost connection.

    work must change nothing outside the session, since it may run more than once.
    """
    for attempt in range(1, attempts + 1):
        try:
            with write_session(engine) as session:
                return work(session)
        except DBAPIError as error:
            if not is_retryable(error):
                raise
            if attempt == attempts:
                raise StorageError(*_BUSY) from error
            # Back off a little, at random, so the two victims do not meet again at once.
            time.sleep(random.uniform(0, 0.01 * 2**attempt))
    raise AssertionError("unreachable")  # the loop returns or raises


def _checkpoint_now_and_then(engine: Engine) -> None:
    """Every CHECKPOINT_EVERY_COMMITS commits, copy SQLite's log back into the database.

    PASSIVE neither waits for nor blocks readers and writers, and it runs after
    this writer has left the queue, so no other writer waits for it.
    """
    commits = engine.get_execution_options().get(_COMMITS)
    if commits is not None and next(commits) % CHECKPOINT_EVERY_COMMITS == 0:
        with engine.connect() as connection:
            connection.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """Open a session that reads one consistent snapshot and writes nothing."""
    with Session(engine) as session:
        try:
            if engine.dialect.name == "postgresql":
                _begin_on_a_live_connection(session)
            yield session
        finally:
            session.rollback()


def _begin_on_a_live_connection(session: Session) -> None:
    """Begin session's snapshot on a connection that answers, opening a fresh one after a restart.

    After PostgreSQL restarted, every pooled connection is dead, and a read, unlike
    run_write's work, cannot simply run again: its page would show the error. One round
    trip first (a fraction of a board's read) finds out; the disconnect has made the pool
    renew all its connections, so the second try gets a fresh one.
    """
    try:
        session.connection().exec_driver_sql("SELECT 1")
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        session.rollback()  # lets go of the dead connection
        session.connection().exec_driver_sql("SELECT 1")


def is_writing(session: Session) -> bool:
    """Tell whether session was opened with write_session()."""
    return bool(session.info.get(_WRITING))


def require_writing(session: Session) -> None:
    """Refuse a repository write in a session that was not opened with write_session()."""
    if not session.info.get(_WRITING):
        raise ReadOnlySessionError(
            "Ændringer skal ske i en skrivende session (write_session); denne session kan kun læse.",
            "Changes need a writing session (write_session); this session can only read.",
        )
