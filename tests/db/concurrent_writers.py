"""Many processes writing to one database at once (used by the SQLite and PostgreSQL tests)."""

from __future__ import annotations

import multiprocessing
from datetime import date, timedelta

from sqlalchemy import func, select

from db.catalogue import find_indicator
from db.engine import make_engine, read_session, write_session
from db.entries import add_entry
from db.migrate import migrate
from db.models import AuditLog, Entry
from db.units import create_unit

TODAY = date(2026, 11, 22)
FIRST_DAY = date(2010, 1, 1)


def prepare(url: str) -> tuple[int, int]:
    """Migrate the database and add one unit; return (unit id, triage indicator id)."""
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        unit_id = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        indicator_id = find_indicator("triage_dagligt", session=session).id
    engine.dispose()
    return unit_id, indicator_id


def _write(job: tuple[str, int, int, int, int, bool]) -> list[str]:
    """Write `count` entries from one process; return the errors any caller would have seen."""
    url, unit_id, indicator_id, worker, count, same_day = job
    engine = make_engine(url)
    errors = []
    for step in range(count):
        day = FIRST_DAY if same_day else FIRST_DAY + timedelta(days=worker * count + step)
        try:
            with write_session(engine) as session:
                add_entry(unit_id, indicator_id, day, numerator=step % 5, denominator=5,
                          session=session, actor=f"system:worker-{worker}", today=TODAY)
        except Exception as error:  # every error that would reach a caller is counted
            errors.append(repr(error))
    engine.dispose()
    return errors


def write_at_once(url: str, unit_id: int, indicator_id: int, *, processes: int, count: int,
                  same_day: bool = False) -> list[str]:
    """Run `processes` writers at the same time; return every error they met."""
    jobs = [(url, unit_id, indicator_id, worker, count, same_day) for worker in range(processes)]
    # fork: the workers start at once; each makes its own engine, nothing is shared
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return [error for errors in pool.map(_write, jobs) for error in errors]


def count_rows(url: str) -> tuple[int, int, set[date]]:
    """Return (entries, audit rows for entries, distinct days) in the database."""
    engine = make_engine(url)
    with read_session(engine) as session:
        entries = session.execute(select(func.count()).select_from(Entry)).scalar_one()
        audits = session.execute(select(func.count()).select_from(AuditLog)
                                 .where(AuditLog.table_name == "entry")).scalar_one()
        days = set(session.execute(select(Entry.period_start)).scalars())
    engine.dispose()
    return entries, audits, days
