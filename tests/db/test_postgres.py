"""The same code on a real PostgreSQL server, started on loopback by the test suite."""

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from db.catalogue import find_indicator, set_unit_indicators
from db.engine import make_engine, read_session, run_write, write_session
from db.entries import add_entry
from db.errors import ValidationError
from db.events import add_event
from db.exporter import export_file
from db.importer import import_file
from db.migrate import migrate, schema_revision
from db.models import Unit
from db.series import read_series, read_unit_series
from db.units import create_unit
from tests.db.concurrent_writers import FIRST_DAY, count_rows, prepare, write_at_once
from tests.db.conftest import TODAY, table_contents

pytestmark = pytest.mark.postgres
PROCESSES, WRITES = 8, 500


@pytest.fixture
def pg_engine(postgres_url):
    engine = make_engine(postgres_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_migrations_run_on_postgresql_and_again_change_nothing(pg_engine):
    revision = schema_revision(pg_engine)
    migrate(pg_engine)
    assert revision is not None and schema_revision(pg_engine) == revision


def test_an_entry_is_corrected_and_read_back_on_postgresql(postgres_url):
    unit_id, indicator_id = prepare(postgres_url)
    engine = make_engine(postgres_url)
    for numerator in (20, 24):
        with write_session(engine) as session:
            add_entry(unit_id, indicator_id, date(2026, 11, 2), numerator=numerator,
                      denominator=25, note="æøå", session=session, actor="system:anna", today=TODAY)
    with read_session(engine) as session:
        frame = read_series(unit_id, indicator_id, session=session, actor="system")
    engine.dispose()
    assert frame[["date", "numerator"]].to_dict("list") == {"date": [date(2026, 11, 2)],
                                                            "numerator": [24.0]}


def test_a_refused_import_leaves_postgresql_unchanged_and_a_good_one_round_trips(postgres_url):
    prepare(postgres_url)
    engine = make_engine(postgres_url)
    before = table_contents(engine)
    bad = "enhed;indikator;dato;tæller;nævner\nsolbakken;triage_dagligt;01-11-2026;3;2\n"
    with pytest.raises(ValidationError), write_session(engine) as session:
        import_file(bad.encode(), filename="a.csv", session=session, actor="system:a", today=TODAY)
    assert table_contents(engine) == before
    good = "enhed;indikator;dato;tæller;nævner\nsolbakken;triage_dagligt;01-11-2026;2;3\n"
    with write_session(engine) as session:
        import_file(good.encode(), filename="a.csv", session=session, actor="system:a", today=TODAY)
    with read_session(engine) as session:
        exported = export_file(session=session, actor="system")
    with write_session(engine) as session:
        again = import_file(exported, filename="a.csv", session=session, actor="system:a", today=TODAY)
    engine.dispose()
    assert again.summary()["unchanged_entries"] == 1 and again.summary()["new_entries"] == 0


def test_eight_processes_writing_500_entries_each_to_postgresql_lose_nothing(postgres_url):
    unit_id, indicator_id = prepare(postgres_url)
    assert write_at_once(postgres_url, unit_id, indicator_id, processes=PROCESSES,
                         count=WRITES) == []
    entries, audits, days = count_rows(postgres_url)
    assert (entries, audits) == (PROCESSES * WRITES, PROCESSES * WRITES)
    assert days == {FIRST_DAY + timedelta(days=n) for n in range(PROCESSES * WRITES)}


def test_processes_writing_one_period_at_once_on_postgresql_leave_one_entry(postgres_url):
    unit_id, indicator_id = prepare(postgres_url)
    assert write_at_once(postgres_url, unit_id, indicator_id, processes=PROCESSES, count=10,
                         same_day=True) == []
    assert count_rows(postgres_url)[0] == 1


def test_a_board_with_entries_events_and_an_empty_series_reads_back_on_postgresql(pg_engine):
    with write_session(pg_engine) as session:
        unit_id = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        codes = ("tryksaar_dage_mellem", "triage_dagligt", "haandhygiejne")
        ids = [find_indicator(code, session=session).id for code in codes]
        set_unit_indicators(unit_id, ids, session=session, actor="system:test")
        add_event(unit_id, ids[0], date(2026, 5, 2), note="hæl", session=session, actor="system:a",
                  today=TODAY)
        add_entry(unit_id, ids[1], date(2026, 11, 2), numerator=3, denominator=4,
                  session=session, actor="system:a", today=TODAY)
        add_entry(unit_id, ids[1], date(2026, 11, 1), numerator=2, denominator=4,
                  session=session, actor="system:a", today=TODAY)
    with read_session(pg_engine) as session:
        board = read_unit_series(unit_id, session=session, actor="system")
    assert list(board) == ids
    assert board[ids[0]].to_dict("list") == {"date": [date(2026, 5, 2)], "note": ["hæl"]}
    assert board[ids[1]][["date", "numerator"]].to_dict("list") == {
        "date": [date(2026, 11, 1), date(2026, 11, 2)], "numerator": [2.0, 3.0]}
    assert board[ids[2]].empty and "denominator" in board[ids[2]]


def test_two_units_boards_read_one_after_another_on_postgresql_hold_only_their_own_rows(
        pg_engine):
    with write_session(pg_engine) as session:
        triage = find_indicator("triage_dagligt", session=session).id
        units = [create_unit(name, kind="unit", parent_id=None, session=session,
                             actor="system:test") for name in ("Solbakken", "Akutteamet")]
        for count, unit_id in enumerate(units, start=1):
            set_unit_indicators(unit_id, [triage], session=session, actor="system:test")
            add_entry(unit_id, triage, date(2026, 11, count), numerator=count, denominator=4,
                      session=session, actor="system:a", today=TODAY)
    with read_session(pg_engine) as session:
        boards = [read_unit_series(unit_id, session=session, actor="system")
                  for unit_id in (*units, units[0])]
        second = read_series(units[1], triage, session=session, actor="system")
    assert [board[triage]["numerator"].tolist() for board in boards] == [[1.0], [2.0], [1.0]]
    assert second["date"].tolist() == [date(2026, 11, 2)]


def test_postgresql_writers_in_one_process_do_not_wait_for_each_other(pg_engine):
    unit_id = _one_unit(pg_engine)
    first_open, second_done = threading.Event(), threading.Event()

    def first_writer() -> None:
        with write_session(pg_engine) as session:
            session.execute(text("UPDATE unit SET name = 'A' WHERE id = :id"), {"id": unit_id})
            first_open.set()
            # Held open until the second writer, in the same process, has committed.
            assert second_done.wait(10)

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert first_open.wait(10)
    with write_session(pg_engine) as session:
        create_unit("Akutteamet", kind="unit", parent_id=None, session=session, actor="system:t")
    second_done.set()
    thread.join()
    assert not thread.is_alive()


def test_the_postgresql_pool_is_as_large_as_asked(postgres_url):
    engine = make_engine(postgres_url, pool_size=3, max_overflow=2)
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, 2)
    engine.dispose()


def test_one_writer_after_another_gets_the_connection_given_back_last(postgres_url):
    engine = make_engine(postgres_url, pool_size=3, max_overflow=0)
    held = [engine.connect() for _ in range(3)]  # the pool opens all three
    backends = [connection.execute(text("SELECT pg_backend_pid()")).scalar() for connection in held]
    for connection in held:  # given back in the order they were taken: the third last
        connection.close()
    for _ in range(3):
        with engine.connect() as connection:
            assert connection.execute(text("SELECT pg_backend_pid()")).scalar() == backends[-1]
    engine.dispose()


def test_two_postgresql_writers_that_deadlock_both_get_through(pg_engine):
    first, second = (_one_unit(pg_engine, name) for name in ("Solbakken", "Akutteamet"))
    both_hold_one = threading.Barrier(2)
    results, errors = [], []

    def writer(ids: tuple[int, int]) -> None:
        attempts = []

        def work(session):
            attempts.append(1)
            for step, unit_id in enumerate(ids):
                session.execute(text("UPDATE unit SET name = name || '.' WHERE id = :id"),
                                {"id": unit_id})
                if step == 0 and len(attempts) == 1:
                    both_hold_one.wait(10)  # each holds the row the other wants next
            return len(attempts)

        try:
            results.append(run_write(pg_engine, work))
        except Exception as error:  # every error reaching a caller fails the test
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(ids,))
               for ids in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sorted(results) == [1, 2]  # PostgreSQL broke the deadlock once
    with read_session(pg_engine) as session:
        names = session.execute(text("SELECT name FROM unit ORDER BY id")).scalars().all()
    assert names[-2:] == ["Solbakken..", "Akutteamet.."]


def _one_unit(engine, name: str = "Solbakken") -> int:
    with write_session(engine) as session:
        return create_unit(name, kind="unit", parent_id=None, session=session, actor="system:t")


def test_a_bounded_board_and_overview_read_on_postgresql(pg_engine):
    from db.baselines import add_baseline
    from db.overview_series import read_overview_series

    with write_session(pg_engine) as session:
        unit_id = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        ids = [find_indicator(code, session=session).id
               for code in ("triage_dagligt", "tryksaar_dage_mellem")]
        set_unit_indicators(unit_id, ids, session=session, actor="system:test")
        for day in (date(2020, 1, 6), date(2021, 1, 4), date(2025, 6, 2)):
            add_entry(unit_id, ids[0], day, numerator=1, denominator=2, session=session,
                      actor="system:a", today=TODAY)
        for day in (date(2019, 5, 1), date(2022, 5, 1), date(2025, 5, 1)):
            add_event(unit_id, ids[1], day, note=None, session=session, actor="system:a",
                      today=TODAY)
        add_baseline(unit_id, ids[0], "freeze", date(2020, 3, 1), "b", session=session,
                     actor="system:a", today=TODAY)
    since = date(2025, 1, 1)
    with read_session(pg_engine) as session:
        board = read_unit_series(unit_id, session=session, actor="system", since=since)
        overview = read_overview_series(session=session, actor="system", since=since)
    assert board[ids[0]]["date"].tolist() == [date(2020, 1, 6), date(2025, 6, 2)]
    assert board[ids[1]]["date"].tolist() == [date(2022, 5, 1), date(2025, 5, 1)]
    assert len(overview.entries) == 2 and len(overview.events) == 2


def test_a_writer_kept_waiting_by_a_row_lock_gets_the_busy_message(postgres_url, monkeypatch):
    from db import engine as engine_module
    from db.errors import StorageError

    monkeypatch.setattr(engine_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    engine = make_engine(postgres_url)
    migrate(engine)
    unit_id = _one_unit(engine)
    with write_session(engine) as holder:
        holder.execute(text("SELECT id FROM unit WHERE id = :id FOR UPDATE"), {"id": unit_id})
        with pytest.raises(StorageError, match="optaget"), write_session(engine) as waiter:
            waiter.execute(text("UPDATE unit SET name = 'X' WHERE id = :id"), {"id": unit_id})
    with read_session(engine) as session:
        assert session.execute(text("SELECT name FROM unit")).scalar_one() == "Solbakken"
    engine.dispose()


def test_a_rate_counted_from_events_reads_its_counts_on_postgresql(pg_engine):
    with write_session(pg_engine) as session:
        unit_id = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                              actor="system:test")
        ulcers, rate = (find_indicator(code, session=session).id
                        for code in ("tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage"))
        set_unit_indicators(unit_id, [rate], session=session, actor="system:test")
        for day in (date(2026, 10, 2), date(2026, 10, 20)):
            add_event(unit_id, ulcers, day, session=session, actor="system:a", today=TODAY)
        add_entry(unit_id, rate, date(2026, 10, 1), denominator=1178, session=session,
                  actor="system:a", today=TODAY)
    with read_session(pg_engine) as session:
        board = read_unit_series(unit_id, session=session, actor="system")
    assert board[rate][["numerator", "denominator"]].to_dict("list") == {
        "numerator": [2.0], "denominator": [1178.0]}


def _drop_every_other_connection(engine) -> None:
    """Terminate every server process of engine's database, as a restart of PostgreSQL would."""
    killer = make_engine(engine.url.render_as_string(hide_password=False))
    with killer.connect() as connection:
        connection.exec_driver_sql(
            # With a timeout it returns once each has ended (PostgreSQL 14+): no read may race it.
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
            " WHERE pid <> pg_backend_pid() AND datname = current_database()")
    killer.dispose()


def test_a_write_after_the_server_dropped_the_pools_connections_runs_again_on_fresh_ones(pg_engine):
    with write_session(pg_engine) as session:  # the pool now holds an open connection
        create_unit("Før", kind="unit", parent_id=None, session=session, actor="system:test")
    _drop_every_other_connection(pg_engine)
    unit_id = run_write(pg_engine, lambda session: create_unit(
        "Efter", kind="unit", parent_id=None, session=session, actor="system:test"))
    with read_session(pg_engine) as session:
        assert session.get(Unit, unit_id).name == "Efter"


def test_a_read_after_the_server_dropped_the_pools_connections_reads_on_a_fresh_one(pg_engine):
    unit_id = run_write(pg_engine, lambda session: create_unit(
        "Solbakken", kind="unit", parent_id=None, session=session, actor="system:test"))
    with read_session(pg_engine) as session:  # the pool now holds an open connection
        assert session.get(Unit, unit_id).name == "Solbakken"
    _drop_every_other_connection(pg_engine)
    with read_session(pg_engine) as session:  # a board shown right after a restart: no error page
        assert session.get(Unit, unit_id).name == "Solbakken"
