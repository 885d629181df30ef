"""Backup and restore with SQLite's online backup, while the database is in use."""

import sqlite3
import sys
import threading
import time

import pytest

from db.__main__ import main
from db.audit import read_audit
from db.backup import SAFETY_COPY_INFIX, backup, restore
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


def live_is_sound(engine):
    with engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def truncated(tmp_path, live):
    backup(live, tmp_path / "whole.db")
    content = (tmp_path / "whole.db").read_bytes()
    (tmp_path / "broken.db").write_bytes(content[:-1234])  # the audit's: the last 1234 bytes gone
    return tmp_path / "broken.db"


def garbled(tmp_path, live):
    backup(live, tmp_path / "whole.db")
    content = bytearray((tmp_path / "whole.db").read_bytes())
    page_size = int.from_bytes(content[16:18], "big")
    for page in range(2, len(content) // page_size):  # the cells of every page but the schema's
        middle = (page - 1) * page_size + page_size // 2
        content[middle:middle + page_size // 4] = bytes([0x5A]) * (page_size // 4)
    (tmp_path / "broken.db").write_bytes(bytes(content))
    return tmp_path / "broken.db"


def without_tavle_tables(tmp_path, live):
    with sqlite3.connect(tmp_path / "broken.db") as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    return tmp_path / "broken.db"


@pytest.mark.parametrize("broken", [truncated, garbled, without_tavle_tables])
def test_a_damaged_or_foreign_backup_is_refused_and_the_live_database_is_untouched(
        live, tmp_path, broken):
    source = broken(tmp_path, live)
    with pytest.raises(BackupError) as refused:
        restore(live, source, actor="system:admin")
    assert "\n" not in refused.value.text("da")
    assert unit_names(live) == ["Solbakken"]
    assert live_is_sound(live)
    with read_session(live) as session:
        assert "restore" not in read_audit(session=session, actor="system")["action"].tolist()
    assert not list(tmp_path.glob(f"*{SAFETY_COPY_INFIX}*"))


def test_a_restore_keeps_a_safety_copy_of_the_database_it_replaced(live, tmp_path):
    backup(live, tmp_path / "backup.db")
    with write_session(live) as session:
        create_unit("Akutteamet", kind="unit", parent_id=None, session=session, actor="system:admin")
    safety = restore(live, tmp_path / "backup.db", actor="system:admin")
    assert unit_names(live) == ["Solbakken"]
    copy = make_engine(f"sqlite:///{safety}")
    try:
        assert unit_names(copy) == ["Akutteamet", "Solbakken"]
    finally:
        copy.dispose()


def test_the_command_line_refuses_a_truncated_backup_in_one_sentence_and_exit_1(
        live, tmp_path, capsys):
    source = truncated(tmp_path, live)
    url = str(live.url)
    live.dispose()
    assert main(["--database-url", url, "--actor", "cli:test", "restore", str(source)]) == 1
    message = capsys.readouterr().err.strip()
    assert message.count("\n") == 0 and "beskadiget" in message
    assert unit_names(live) == ["Solbakken"]


def test_a_backup_under_continuous_writes_finishes_in_bounded_time_and_is_consistent(
        live, tmp_path):
    path = live.url.database
    with sqlite3.connect(path) as connection:  # some 16 MB: many steps of a step-wise copy
        connection.execute("CREATE TABLE ballast (id INTEGER PRIMARY KEY, filler BLOB)")
        connection.execute("INSERT INTO ballast (filler) SELECT randomblob(3000) FROM"
                           " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                           " WHERE i < 4000) SELECT i FROM n)")
    stop = threading.Event()

    def write_forever():
        writer = sqlite3.connect(path, timeout=30)
        while not stop.is_set():
            writer.execute("INSERT INTO ballast (filler) VALUES (?)", (bytes(100),))
            writer.commit()
            time.sleep(0.002)
        writer.close()

    writer = threading.Thread(target=write_forever)
    writer.start()
    taken = threading.Thread(target=backup, args=(live, tmp_path / "busy.db"))
    started = time.perf_counter()
    try:
        time.sleep(0.1)
        taken.start()
        taken.join(timeout=3)
        finished = not taken.is_alive()
    finally:
        stop.set()
        writer.join()
        taken.join()
    assert finished and time.perf_counter() - started < 3  # a step-wise copy took 4-10 s here
    with sqlite3.connect(tmp_path / "busy.db") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows, highest = copy.execute("SELECT count(*), max(id) FROM ballast").fetchone()
    assert rows == highest >= 4000  # every write up to the snapshot, none half


def test_a_restore_whose_result_fails_its_check_puts_the_safety_copy_back(
        live, tmp_path, monkeypatch):
    backup(live, tmp_path / "backup.db")
    with write_session(live) as session:
        create_unit("Akutteamet", kind="unit", parent_id=None, session=session, actor="system:admin")
    checks = []
    module = sys.modules["db.backup"]  # the package's name 'backup' is the function
    real_check = module._integrity_problems

    def third_check_fails(connection):  # the backup, the safety copy, then the restored live
        checks.append(1)
        return "a page went missing" if len(checks) == 3 else real_check(connection)

    monkeypatch.setattr(module, "_integrity_problems", third_check_fails)
    with pytest.raises(BackupError, match="som før"):
        restore(live, tmp_path / "backup.db", actor="system:admin")
    monkeypatch.undo()
    assert unit_names(live) == ["Akutteamet", "Solbakken"]
    assert live_is_sound(live)
