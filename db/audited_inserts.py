"""New rows and their audit rows in one PostgreSQL statement, one round trip for both.

A data-modifying CTE inserts the rows (skipping those whose unique key is taken)
and, from what that insert returns, their audit rows: the same columns
insert_audit_row gives them, with the time the row was recorded as the audit
row's time. The audit row's `after` is the row's own JSON text as sent, with the
new id put in front by SQL: `{"id": 7, ` and the rest of the text, so the stored
JSON is byte for byte what json.dumps makes of insert_audit_row's `after` (the
audit log's column is `json`, which keeps its text as given).

The one parameter, :rows, is a JSON list of [actor, row] pairs (audited_rows makes
it); rows go in in the order given, so batches that send them sorted by key take
their row locks in one order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table

from db.audit import REDACTED_COLUMNS
from db.json_row_inserts import QUOTE, json_default, record_columns
from db.models import AuditLog


def audited_insert(table: Table, names: Sequence[str], *, key: Sequence[str]) -> str:
    """Return the statement inserting rows of table's columns names and their audit rows.

    The statement is the driver's own text (psycopg's %(rows)s), for exec_driver_sql: on
    the busiest path SQLAlchemy's compiling of a text() costs more than the statement's
    round trip.

    key: the unique columns whose conflict skips a row (and its audit row). The statement
    returns the new rows' id and key columns. table must have no secret columns: the
    audit row holds the row's text as it was sent.
    """
    secret = REDACTED_COLUMNS.intersection(names)
    if secret:
        raise ValueError(f"audited_insert writes rows as sent; {sorted(secret)} must be redacted")
    if "recorded_at" not in names:
        raise ValueError("audited_insert dates the audit rows by the rows' recorded_at")
    definitions, selected = record_columns(table, names)
    columns = ", ".join(map(QUOTE, names))
    keys = ", ".join(map(QUOTE, key))
    audit = AuditLog.__table__
    sql = (
        f"WITH r AS MATERIALIZED ("
        f" SELECT e.n, e.item ->> 0 AS tavle_actor, e.item -> 1 AS tavle_row, x.*"
        f" FROM json_array_elements(CAST(%(rows)s AS json)) WITH ORDINALITY AS e(item, n),"
        f" json_to_record(e.item -> 1) AS x({definitions})),"
        f" new AS (INSERT INTO {QUOTE(table.name)} ({columns}) SELECT {selected} FROM r"
        f" ORDER BY r.n ON CONFLICT ({keys}) DO NOTHING"
        f" RETURNING id, recorded_at, {keys}),"
        f" audited AS (INSERT INTO {QUOTE(audit.name)}"
        f" (at, actor, action, table_name, row_id, unit_id, before, after)"
        f" SELECT new.recorded_at, r.tavle_actor, 'add', '{table.name}', new.id,"
        f" {'r.unit_id' if 'unit_id' in names else 'NULL'}, 'null'::json,"
        f" CAST('{{\"id\": ' || new.id || ', ' || substr(CAST(r.tavle_row AS text), 2) AS json)"
        f" FROM new JOIN r USING ({keys}) ORDER BY r.n)"
        f" SELECT id, {keys} FROM new")
    return sql


def audited_rows(rows: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Return the :rows parameter of an audited_insert statement: (actor, row's columns) each.

    A row's columns go in their order, as insert_audit_row's `after` would list them.
    """
    return {"rows": json.dumps(rows, default=json_default)}
