"""SQLite set-up: WAL, foreign keys, busy timeout, and BEGIN IMMEDIATE for every writer."""

import sqlite3
import threading

import pytest
from sqlalchemy import text

from db.engine import make_engine, read_session, write_session
from db.migrate import migrate
from db.models import Unit


@pytest.fixture
def file_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'tavle.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def test_a_file_database_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(file_engine):
    with read_session(file_engine) as session:
        pragma = {name: session.execute(text(f"PRAGMA {name}")).scalar_one()
                  for name in ("journal_mode", "foreign_keys", "busy_timeout")}
    assert pragma["journal_mode"] == "wal"
    assert pragma["foreign_keys"] == 1
    assert pragma["busy_timeout"] >= 5000


def test_the_folder_of_a_new_database_file_is_created(tmp_path):
    make_engine(f"sqlite:///{tmp_path / 'new' / 'folder' / 'x.db'}").dispose()
    assert (tmp_path / "new" / "folder").is_dir()


def test_a_writing_session_holds_the_write_lock_from_its_first_statement(file_engine, tmp_path):
    path = tmp_path / "sub" / "tavle.db"
    with write_session(file_engine) as session:
        session.execute(text("SELECT 1"))  # a read only: deferred BEGIN would take no lock
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_reading_session_does_not_block_a_writer(file_engine):
    with read_session(file_engine) as reader:
        reader.execute(text("SELECT count(*) FROM unit")).scalar_one()
        with write_session(file_engine) as writer:
            writer.add(Unit(code="x", name="X", kind="unit"))


def test_a_foreign_key_to_a_missing_row_is_refused(file_engine):
    with pytest.raises(Exception, match="FOREIGN KEY"), write_session(file_engine) as session:
        session.add(Unit(code="x", name="X", kind="unit", parent_id=999))


def test_writers_in_threads_queue_instead_of_failing(file_engine):
    errors: list[Exception] = []

    def write(number: int) -> None:
        try:
            for step in range(20):
                with write_session(file_engine) as session:
                    # read, then write: the pattern that fails at once under deferred BEGIN
                    session.execute(text("SELECT count(*) FROM unit")).scalar_one()
                    session.add(Unit(code=f"u{number}-{step}", name="U", kind="unit"))
        except Exception as error:  # any error reaching a caller fails the test
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with read_session(file_engine) as session:
        assert session.execute(text("SELECT count(*) FROM unit")).scalar_one() == 160
