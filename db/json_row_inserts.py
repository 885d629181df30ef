"""Many rows inserted on PostgreSQL by one fixed statement that reads them from one JSON text.

A multi-row VALUES list is new SQL text for every number of rows: the driver parses
it again each time (psycopg caches statements of at most 50 parameters, and quotes
each element of an array parameter with a regular expression) and the server plans
it again. `INSERT … SELECT FROM json_to_recordset(:rows)` is one text whatever the
number of rows, prepared once, with one parameter that json.dumps writes in C; it
keeps the rows' order, so rows go in the order given. Values arrive as SQLAlchemy
would bind them to the table: dates and times as ISO text (microseconds and zone
kept), floats as repr, and a JSON column's None as JSON null (the JSON type's
none_as_null=False), not SQL NULL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Table, TextClause, text
from sqlalchemy.dialects import postgresql

_DIALECT = postgresql.dialect()
QUOTE = _DIALECT.identifier_preparer.quote


def json_rows_insert(table: Table, names: Sequence[str], *, conflict: Sequence[str] = (),
                     returning: Sequence[str] = ()) -> TextClause:
    """Return the statement inserting rows of table's columns names, bound by json_rows as :rows.

    conflict: the unique columns whose conflict skips a row (ON CONFLICT DO NOTHING).
    """
    definitions, selected = record_columns(table, names)
    sql = (f"INSERT INTO {QUOTE(table.name)} ({', '.join(map(QUOTE, names))}) "
           f"SELECT {selected} FROM json_to_recordset(CAST(:rows AS json)) AS r({definitions})")
    if conflict:
        sql += f" ON CONFLICT ({', '.join(map(QUOTE, conflict))}) DO NOTHING"
    if returning:
        sql += f" RETURNING {', '.join(map(QUOTE, returning))}"
    return text(sql)


def record_columns(table: Table, names: Sequence[str]) -> tuple[str, str]:
    """Return the column definitions of a JSON record of table's columns names, and their values.

    The values read the record as r; a JSON column's missing value is JSON null.
    """
    columns = [table.c[name] for name in names]
    definitions = ", ".join(f"{QUOTE(c.name)} {c.type.compile(dialect=_DIALECT)}" for c in columns)
    selected = ", ".join(
        f"COALESCE(r.{QUOTE(c.name)}, 'null'::json)"
        if isinstance(c.type, JSON) and not c.type.none_as_null else f"r.{QUOTE(c.name)}"
        for c in columns)
    return definitions, selected


def json_rows(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Return the :rows parameter of a json_rows_insert statement."""
    return {"rows": json.dumps(rows, default=json_default)}


def json_default(value: object) -> str:
    """Write a date or a time as ISO text, which PostgreSQL reads back exactly."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a column value json_rows can write")
