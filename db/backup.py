"""Back up and restore a SQLite database with SQLite's online backup, while the app runs.

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
# Pages copied per step: small steps let writers in between while a backup runs.
_PAGES_PER_STEP = 1024


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
                source.backup(destination, pages=_PAGES_PER_STEP)
            finally:
                destination.close()
        partial.replace(target)  # a half-written backup never carries the real name
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Backup mislykkedes: {error}.", f"The backup failed: {error}.") from error


def restore(engine: Engine, source: Path, *, actor: str) -> None:
    """Replace the live database with a backup made by backup(), then migrate it if it is older."""
    if not is_sqlite(engine):
        raise BackupError(*PG_DUMP_ADVICE)
    revision = _backup_revision(Path(source))
    known = {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    if revision not in known:
        raise BackupError(
            f"{source} er fra en nyere udgave af Tavle (revision {revision}); opdatér Tavle først.",
            f"{source} comes from a newer version of Tavle (revision {revision}); update Tavle"
            " first.")
    with write_session(engine) as session:  # refuse before anything is overwritten
        check_permission(session, actor=actor, action="restore", unit_id=None)
    backup_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with writers_turn(engine), engine.connect() as connection:
            backup_connection.backup(connection.connection.dbapi_connection)
    except sqlite3.Error as error:
        raise BackupError(f"Genskabelsen mislykkedes: {error}.",
                          f"The restore failed: {error}.") from error
    finally:
        backup_connection.close()
    engine.dispose()  # pooled connections may hold pages of the old database
    migrate(engine)
    with write_session(engine) as session:
        record_note(session, actor=actor, action="restore", table_name="database",
                    after={"file": str(source), "revision": revision})


def _backup_revision(source: Path) -> str:
    """Return the schema revision of a backup file, or raise BackupError if it is not one."""
    if not source.is_file():
        raise BackupError(f"{source} findes ikke.", f"{source} does not exist.")
    try:
        connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BackupError(f"{source} er ikke en backup af Tavle ({error}).",
                          f"{source} is not a Tavle backup ({error}).") from error
    if row is None:
        raise BackupError(f"{source} er ikke en backup af Tavle.", f"{source} is not a Tavle backup.")
    return row[0]
