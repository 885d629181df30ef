"""Back up and restore a SQLite database with SQLite's online backup, while the app runs.

A backup is one consistent snapshot taken in a single step: under WAL the
writers go on meanwhile (a step-by-step copy would start again after every
write and, with writers that never stop, never finish). A restore checks the
backup first (integrity, a schema revision this Tavle knows, Tavle's tables),
keeps a safety copy of the database it replaces, and puts that copy back if the
result fails its own integrity check.

PostgreSQL is backed up with its own tools (see README: pg_dump / pg_restore);
these functions refuse it with a message that says so.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.audit import record_note
from db.engine import is_sqlite, write_session, writers_turn
from db.errors import BackupError
from db.migrate import MIGRATIONS, migrate
from db.permissions import check_permission

PG_DUMP_ADVICE = (  # (Danish, English)
    "PostgreSQL tages backup af med pg_dump (fx pg_dump -Fc -f tavle.dump tavle) og genskabes"
    " med pg_restore --clean -d tavle tavle.dump.",
    "Back PostgreSQL up with pg_dump (e.g. pg_dump -Fc -f tavle.dump tavle) and restore it"
    " with pg_restore --clean -d tavle tavle.dump.",
)
# Every page in one step: one read snapshot, which WAL lets writers work beside.
_ALL_PAGES = -1
# Tables every Tavle database has had since its first revision: a file without them is not one.
TAVLE_TABLES = frozenset({"alembic_version", "unit", "indicator", "entry", "app_user",
                          "audit_log"})
SAFETY_COPY_INFIX = ".before-restore-"


def backup(engine: Engine, target: Path) -> None:
    """Copy the live database to target (a new file) in one consistent snapshot."""
    if not is_sqlite(engine):
        raise BackupError(*PG_DUMP_ADVICE)
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} findes allerede; vælg et nyt filnavn.",
                          f"{target} exists already; choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with engine.connect() as connection:
            source = connection.connection.dbapi_connection
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination, pages=_ALL_PAGES)
                problems = _integrity_problems(destination)
            finally:
                destination.close()
        if problems:
            raise sqlite3.DatabaseError(problems)
        partial.replace(target)  # a half-written backup never carries the real name
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Backup mislykkedes: {error}.", f"The backup failed: {error}.") from error


def restore(engine: Engine, source: Path, *, actor: str) -> Path | None:
    """Replace the live database with a checked backup; return the safety copy of the old one.

    Nothing is touched unless the backup passes verify_backup(); the backup is then
    migrated if it is older. An in-memory database gets no safety copy (None).
    """
    if not is_sqlite(engine):
        raise BackupError(*PG_DUMP_ADVICE)
    source = Path(source)
    revision = verify_backup(source)
    with write_session(engine) as session:  # refuse before anything is overwritten
        check_permission(session, actor=actor, action="restore", unit_id=None)
    safety = _safety_copy(engine)
    try:
        _copy_into_live(engine, source)
        with engine.connect() as connection:
            problems = _integrity_problems(connection.connection.dbapi_connection)
        if problems:
            raise sqlite3.DatabaseError(problems)
    except sqlite3.Error as error:
        if safety is not None:
            _copy_into_live(engine, safety)
        raise BackupError(f"Genskabelsen mislykkedes, og databasen er som før: {error}.",
                          f"The restore failed and the database is as it was: {error}.",
                          ) from error
    migrate(engine)
    with write_session(engine) as session:
        record_note(session, actor=actor, action="restore", table_name="database",
                    after={"file": str(source), "revision": revision,
                           "safety_copy": str(safety) if safety else None})
    return safety


def verify_backup(source: Path) -> str:
    """Return the schema revision of a sound Tavle backup; raise BackupError for anything else."""
    if not source.is_file():
        raise BackupError(f"{source} findes ikke.", f"{source} does not exist.")
    try:
        connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            problems = _integrity_problems(connection)
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            row = (connection.execute("SELECT version_num FROM alembic_version").fetchone()
                   if not problems and "alembic_version" in tables else None)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BackupError(f"{source} er ikke en brugbar backup af Tavle ({error}).",
                          f"{source} is not a usable Tavle backup ({error}).") from error
    if problems:
        raise BackupError(f"{source} er beskadiget og kan ikke genskabes ({problems}).",
                          f"{source} is damaged and cannot be restored ({problems}).")
    if not TAVLE_TABLES <= tables or row is None:
        raise BackupError(f"{source} er ikke en backup af Tavle.", f"{source} is not a Tavle backup.")
    known = {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    if row[0] not in known:
        raise BackupError(
            f"{source} er fra en nyere udgave af Tavle (revision {row[0]}); opdatér Tavle først.",
            f"{source} comes from a newer version of Tavle (revision {row[0]}); update Tavle"
            " first.")
    return row[0]


def _integrity_problems(connection: sqlite3.Connection) -> str:
    """Return what PRAGMA integrity_check finds wrong (the start, on one line), or "" when sound."""
    rows = [text for (text,) in connection.execute("PRAGMA integrity_check(3)")]
    return "" if rows == ["ok"] else " ".join("; ".join(rows).split())[:200]


def _safety_copy(engine: Engine) -> Path | None:
    """Back the live database up beside itself under a new name; None for an in-memory one."""
    database = engine.url.database
    if database in (None, "", ":memory:"):
        return None
    live = Path(database)
    number = 1
    while (copy := live.with_name(f"{live.stem}{SAFETY_COPY_INFIX}{number}{live.suffix}")).exists():
        number += 1
    backup(engine, copy)
    return copy


def _copy_into_live(engine: Engine, source: Path) -> None:
    """Copy a database file over the live one, with every other writer of this process held back."""
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with writers_turn(engine), engine.connect() as connection:
            source_connection.backup(connection.connection.dbapi_connection)
    finally:
        source_connection.close()
    engine.dispose()  # pooled connections may hold pages of the old database
