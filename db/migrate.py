"""Apply the Alembic migrations in db/migrations and install the built-in catalogue."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine

from db.catalogue import sync_catalogue
from db.engine import write_connection, write_session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: PostgreSQL servers running several app processes migrate one at a time.
_MIGRATION_LOCK_KEY = 7_404_245


def alembic_config(connection: Connection) -> Config:
    """Return an Alembic configuration that runs on connection, without an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision and add built-in indicators that are missing."""
    with write_connection(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        command.upgrade(alembic_config(connection), "head")
    with write_session(engine) as session:
        sync_catalogue(session=session, actor="system")


def schema_revision(engine: Engine) -> str | None:
    """Return the Alembic revision the database is at, or None when it has none."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
