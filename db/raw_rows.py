"""Run a query and return its rows as plain tuples straight from the driver."""

from __future__ import annotations

from sqlalchemy.sql import Executable
from sqlmodel import Session


def fetch_rows(query: Executable, *, session: Session) -> list[tuple]:
    """Return the query's rows as plain tuples, in the session's transaction.

    Boards and the overview read tens of thousands of rows; SQLAlchemy's row
    objects would cost as much as the database does, and the columns need no
    conversion. The values of an IN (...) list are expanded at compile time.
    """
    connection = session.connection()  # begins the session's transaction: one snapshot
    compiled = query.compile(dialect=connection.dialect,
                             compile_kwargs={"render_postcompile": True})
    parameters = compiled.construct_params()
    if compiled.positional:
        parameters = tuple(parameters[name] for name in compiled.positiontup)
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        return cursor.fetchall()
    finally:
        cursor.close()
