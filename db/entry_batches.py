"""Many registrations written in one transaction, with the rows and audit rows add_entry writes.

Registrations that arrive together (db/entry_registration.py gathers them) share
the work that dominates one registration: the transaction, the round trips and the
commit. Each request is checked on its own, as add_entry checks it, and one that is
refused gets its own error while the others are stored; then all new periods are
inserted and audited (on PostgreSQL in one statement, on SQLite in two), and a period
that already had its entry (or that an earlier request of the batch took) is corrected
as add_entry would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, true
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from db.audit import insert_audit_row, record_inserts
from db.audited_inserts import audited_insert, audited_rows
from db.engine import require_writing
from db.entries import correct_period, entry_problems, new_entry_values, raise_missing
from db.errors import ValidationError
from db.json_row_inserts import json_rows
from db.models import Entry, Indicator, Unit
from db.periods import period_start
from db.permissions import check_permission, read_rights
from indicators import TavleError

_KEY_COLUMNS = (Entry.__table__.c.unit_id, Entry.__table__.c.indicator_id,
                Entry.__table__.c.period_start)
_KEY = ("unit_id", "indicator_id", "period_start")
_NEW_ENTRY_COLUMNS = (*_KEY, "numerator", "denominator", "value", "note", "recorded_at",
                      "deleted_at")
# Each new row's key comes back beside its id: rows that met an entry come back as nothing,
# so ids are matched to requests by key, never by position. SQLite (in this process, no
# parsing cost to speak of) takes SQLAlchemy's multi-row VALUES; PostgreSQL one fixed text
# that writes the audit rows too.
_INSERT_NEW_ENTRIES_SQLITE = (
    sqlite_insert(Entry.__table__).on_conflict_do_nothing(index_elements=list(_KEY))
    .returning(Entry.__table__.c.id, *_KEY_COLUMNS))
_INSERT_NEW_AUDITED_ENTRIES_POSTGRESQL = audited_insert(Entry.__table__, _NEW_ENTRY_COLUMNS,
                                                        key=_KEY)


# SQLite (in this process) reads the few units and indicators by their primary keys and
# drops the pairs not asked for; PostgreSQL joins the pairs themselves, sent as one JSON
# text (psycopg would quote each element of an array) to one statement prepared once.
_MEASURES_AND_PERIODS_SQLITE = (
    select(Unit.id, Indicator.id, Indicator.measure, Indicator.period, Indicator.counted_from)
    .select_from(Indicator).join(Unit, true())  # two primary keys
    .where(Unit.id.in_(bindparam("unit_ids", expanding=True)), Unit.deleted_at.is_(None),
           Indicator.id.in_(bindparam("indicator_ids", expanding=True)),
           Indicator.deleted_at.is_(None)))
_MEASURES_AND_PERIODS_POSTGRESQL = (  # the driver's own text, run by exec_driver_sql
    "SELECT p.unit_id, p.indicator_id, i.measure, i.period, i.counted_from"
    " FROM json_to_recordset(CAST(%(rows)s AS json)) AS p(unit_id INTEGER, indicator_id INTEGER)"
    " JOIN unit AS u ON u.id = p.unit_id AND u.deleted_at IS NULL"
    " JOIN indicator AS i ON i.id = p.indicator_id AND i.deleted_at IS NULL")


@dataclass(frozen=True)
class EntryRequest:
    """One registration as add_entry takes it: who records which figures for which day."""

    unit_id: int
    indicator_id: int
    day: date
    actor: str
    today: date
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    note: str | None = None

    def figures(self) -> dict[str, float | None]:
        """Return the numerator, denominator and value by name."""
        return {"numerator": self.numerator, "denominator": self.denominator, "value": self.value}


def add_entries(requests: list[EntryRequest], *, session: Session) -> list[int | TavleError]:
    """Record each request as add_entry would; return each one's entry id or its own refusal.

    A refused request (no right, a missing unit or indicator, figures, day or note that
    break a rule) writes nothing; the others are stored in the same transaction.
    """
    require_writing(session)
    read_rights({request.actor for request in requests}, session=session)  # all users at once
    outcomes: list[int | TavleError | None] = [None] * len(requests)
    rules = _measures_and_periods(requests, session=session)
    accepted: dict[int, dict[str, Any]] = {}  # request's index -> its new entry's columns
    for index, request in enumerate(requests):
        try:
            accepted[index] = _checked_values(request, rules, session=session)
        except TavleError as error:
            outcomes[index] = error
    # One new row per period, the request that came first; the others correct it after.
    first_of_key: dict[tuple, int] = {}
    for index, values in accepted.items():
        first_of_key.setdefault(_key(values), index)
    new_ids = _insert_new([(requests[first_of_key[key]].actor, accepted[first_of_key[key]])
                           for key in sorted(first_of_key)], session=session)
    for key, index in first_of_key.items():
        if key in new_ids:
            outcomes[index] = new_ids[key]
    # Corrections in the order of their periods, and within a period in the order they came.
    corrections = sorted((index for index in accepted if outcomes[index] is None),
                         key=lambda index: (_key(accepted[index]), index))
    for index in corrections:
        request = requests[index]
        outcomes[index] = correct_period(accepted[index], request.figures(), request.note,
                                         session=session, actor=request.actor)
    return outcomes  # type: ignore[return-value]  # every request has its outcome now


def _checked_values(request: EntryRequest, rules: dict[tuple[int, int], Any], *,
                    session: Session) -> dict[str, Any]:
    """Check request as add_entry does and return its new entry's columns, or raise its refusal."""
    check_permission(session, actor=request.actor, action="entry.write", unit_id=request.unit_id)
    found = rules.get((request.unit_id, request.indicator_id))
    if found is None:
        raise_missing(request.unit_id, request.indicator_id, session=session)
    measure, period, counted_from = found
    problems = entry_problems(measure, counted_from, request.figures(), request.day, request.note,
                              today=request.today)
    if problems:
        raise ValidationError(problems)
    return new_entry_values(request.unit_id, request.indicator_id,
                            period_start(request.day, period), request.figures(), request.note)


def _measures_and_periods(requests: list[EntryRequest], *,
                          session: Session) -> dict[tuple[int, int], tuple[str, str, Any]]:
    """Return measure, period and counted_from of every live (unit, indicator) pair asked for."""
    pairs = sorted({(request.unit_id, request.indicator_id) for request in requests})
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(_MEASURES_AND_PERIODS_POSTGRESQL, json_rows(
            [{"unit_id": unit_id, "indicator_id": indicator_id} for unit_id, indicator_id in pairs]
        )).all()
    else:
        rows = connection.execute(_MEASURES_AND_PERIODS_SQLITE, {
            "unit_ids": sorted({unit_id for unit_id, _ in pairs}),
            "indicator_ids": sorted({indicator_id for _, indicator_id in pairs})}).all()
    asked = set(pairs)
    return {(unit_id, indicator_id): (measure, period, counted_from)
            for unit_id, indicator_id, measure, period, counted_from in rows
            if (unit_id, indicator_id) in asked}


def _insert_new(rows: list[tuple[str, dict[str, Any]]], *,
                session: Session) -> dict[tuple, int]:
    """Insert the periods that have no entry yet, with their audit rows; return the new ids by key.

    rows: (actor, new entry's columns) each, sorted by key, so two batches take their row
    locks in the same order and never wait for each other in a circle. PostgreSQL writes
    both in one statement (db/audited_inserts.py); SQLite, in this process, in two.
    """
    if not rows:
        return {}
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        found = connection.exec_driver_sql(_INSERT_NEW_AUDITED_ENTRIES_POSTGRESQL,
                                           audited_rows(rows)).all()
        return {(unit_id, indicator_id, start): entry_id
                for entry_id, unit_id, indicator_id, start in found}
    found = connection.execute(_INSERT_NEW_ENTRIES_SQLITE, [values for _, values in rows]).all()
    new_ids = {(unit_id, indicator_id, start): entry_id
               for entry_id, unit_id, indicator_id, start in found}
    record_inserts(session, [
        insert_audit_row(actor=actor, table_name="entry", row_id=new_ids[_key(values)],
                         values=values, unit_id=values["unit_id"])
        for actor, values in rows if _key(values) in new_ids])
    return new_ids


def _key(values: dict[str, Any]) -> tuple[int, int, date]:
    """Return the period an entry's columns belong to: unit, indicator and period start."""
    return values["unit_id"], values["indicator_id"], values["period_start"]
