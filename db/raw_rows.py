"""Run a query and return its rows as plain tuples straight from the driver."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import Compiled
from sqlmodel import Session

# A few statements built once (see db.series) on the one or two databases a
# process talks to; more only when tests open many engines.
_COMPILED_STATEMENTS = 32


def fetch_rows(query: Executable, *, session: Session,
               parameters: Mapping[str, object] | None = None) -> list[tuple]:
    """Return the query's rows as plain tuples, in the session's transaction.

    Boards and the overview read tens of thousands of rows; SQLAlchemy's row
    objects would cost as much as the database does, and the columns need no
    conversion. Without parameters the query is compiled here, and the values
    of an IN (...) list are expanded at compile time. With parameters, the query
    is a statement built once whose bindparam()s they fill: it is compiled once
    per database, since compiling a union costs more than a board's rows.
    """
    connection = session.connection()  # begins the session's transaction: one snapshot
    if parameters is None:
        compiled = _compiled(query, connection.dialect)
    else:
        compiled = _compiled_once(query, connection.dialect)
    values = compiled.construct_params(dict(parameters) if parameters is not None else None)
    if compiled.positional:
        values = tuple(values[name] for name in compiled.positiontup)
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), values)
        return cursor.fetchall()
    finally:
        cursor.close()


def _compiled(query: ClauseElement, dialect: Dialect) -> Compiled:
    """Compile the query for the dialect, with IN (...) lists written out."""
    return query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})


@lru_cache(maxsize=_COMPILED_STATEMENTS)
def _compiled_once(query: ClauseElement, dialect: Dialect) -> Compiled:
    """Compile a statement built once, the first time each database runs it."""
    return _compiled(query, dialect)
