"""Migrations 0012 and 0013 on a database made at 0011 (the release before): its units keep bed-days."""

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import text

from db.engine import make_engine, read_session, write_connection
from db.migrate import alembic_config, migrate
from db.unit_exposure import unit_exposures


def test_units_of_an_older_database_keep_reading_bed_days(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with write_connection(engine) as connection:
        command.upgrade(alembic_config(connection), "0011")
        connection.execute(text("INSERT INTO unit (code, name, kind, created_at) VALUES "
                                "('solbakken', 'Solbakken', 'unit', :now)"),
                           {"now": datetime(2026, 11, 1, tzinfo=UTC)})
    migrate(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT exposure FROM unit")).scalar_one() == ""
    with read_session(engine) as session:
        assert list(unit_exposures(session=session).values()) == ["sengedage"]
