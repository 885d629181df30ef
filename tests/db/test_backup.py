"""Backup and restore with SQLite's online backup, while the database is in use."""

import sqlite3

import pytest

from db.audit import read_audit
from db.backup import backup, restore
from db.engine import make_engine, read_session, write_session
from db.errors import BackupError
from db.migrate import migrate
from db.units import create_unit, list_units


@pytest.fixture
def live(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'tavle.db'}")
    migrate(engine)
    with write_session(engine) as session:
        create_unit("Solbakken", kind="unit", parent_id=None, session=session, actor="system:admin")
    yield engine
    engine.dispose()


def unit_names(engine):
    with read_session(engine) as session:
        return list(list_units(session=session)["name"])


def test_a_backup_taken_during_an_open_read_restores_the_data_it_held(live, tmp_path):
    with read_session(live) as session:
        session.connection()  # a reader is in the middle of its snapshot
        backup(live, tmp_path / "backup.db")
    with write_session(live) as session:
        create_unit("Akutteamet", kind="unit", parent_id=None, session=session, actor="system:admin")
    assert unit_names(live) == ["Akutteamet", "Solbakken"]
    restore(live, tmp_path / "backup.db", actor="system:admin")
    assert unit_names(live) == ["Solbakken"]
    with read_session(live) as session:
        assert read_audit(session=session, actor="system", limit=1)["action"].tolist() == ["restore"]


def test_a_backup_never_overwrites_a_file(live, tmp_path):
    (tmp_path / "taken.db").write_text("keep me")
    with pytest.raises(BackupError):
        backup(live, tmp_path / "taken.db")
    assert (tmp_path / "taken.db").read_text() == "keep me"


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_restoring_a_file_that_is_not_a_tavle_backup_is_refused_and_changes_nothing(
        live, tmp_path, content):
    (tmp_path / "other.db").write_bytes(content)
    with pytest.raises(BackupError):
        restore(live, tmp_path / "other.db", actor="system:admin")
    assert unit_names(live) == ["Solbakken"]


def test_restoring_a_backup_from_a_newer_tavle_is_refused(live, tmp_path):
    backup(live, tmp_path / "future.db")
    with sqlite3.connect(tmp_path / "future.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    with pytest.raises(BackupError, match="nyere"):
        restore(live, tmp_path / "future.db", actor="system:admin")
    assert unit_names(live) == ["Solbakken"]


def test_postgresql_is_backed_up_with_pg_dump_and_says_so(tmp_path):
    engine = make_engine("postgresql+psycopg://tavle@127.0.0.1:1/tavle")
    with pytest.raises(BackupError, match="pg_dump"):
        backup(engine, tmp_path / "backup.db")
    assert not (tmp_path / "backup.db").exists()
