"""Reading the same database from a forked process, on connections of its own.

A forked child inherits its parent's engine and pooled connections, and must use
none of them: a SQLite or PostgreSQL connection carried over a fork is shared with
the parent underneath (the same file locks, the same socket). Nor may it close
them, which would end the parent's. The child opens an engine of its own on the
same URL instead, and leaves the inherited objects alone: a forked worker ends
with os._exit, which closes nothing.

Only a session that reads (read_session) of a database other processes can open
(a SQLite file or PostgreSQL, not SQLite in memory) can be read elsewhere: what a
writing session has not yet committed, another connection would not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlmodel import Session

from db.engine import is_writing, make_engine, read_session


def readable_elsewhere(session: Session) -> bool:
    """Tell whether another process may read what session reads (see the module's docstring)."""
    if is_writing(session) or session.new or session.dirty or session.deleted:
        return False
    engine = _engine_of(session)
    if engine.dialect.name == "sqlite":
        return engine.url.database not in (None, "", ":memory:")
    return True


@contextmanager
def read_session_elsewhere(session: Session) -> Iterator[Session]:
    """Open a read session on session's database through an engine of its own (in a forked child)."""
    engine = make_engine(_engine_of(session).url.render_as_string(hide_password=False),
                         pool_size=1, max_overflow=0)
    try:
        with read_session(engine) as own:
            yield own
    finally:
        engine.dispose()  # only the child's own connection: the inherited pool is left alone


def _engine_of(session: Session) -> Engine:
    """The engine session reads through (a session may be bound to a connection)."""
    bind = session.get_bind()
    return getattr(bind, "engine", bind)
