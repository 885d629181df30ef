"""Many rows inserted on PostgreSQL by one fixed statement that reads them from one JSON text.

A multi-row VALUES list is new SQL text for every number of rows: the driver parses
it again each time (psycopg caches statements of at most 50 parameters, and quotes
each element of an array parameter with a regular expression) and the server plans
it again. `INSERT … SELECT FROM json_to_recordset(:rows)` is one text whatever the
number of rows, prepared once, with one parameter that json.dumps writes in C; it
keeps the rows' order, so rows go in the order given. record_columns gives the
record's column definitions and values (db.audited_inserts builds its statement on
them); json_rows the parameter. Values arrive as SQLAlchemy
would bind them to the table: dates and times as ISO text (microseconds and zone
kept), floats as repr, and a JSON column's None as JSON null (the JSON type's
none_as_null=False), not SQL NULL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.dialects import postgresql

_DIALECT = postgresql.dialect()
QUOTE = _DIALECT.identifier_preparer.quote


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
    """Return rows as the one JSON text parameter :rows of such a statement."""
    return {"rows": json.dumps(rows, default=json_default)}


def json_default(value: object) -> str:
    """Write a date or a time as ISO text, which PostgreSQL reads back exactly."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a column value json_rows can write")
