"""Registrations written together: the rows, audit rows and refusals of add_entry one by one.

Each test runs on SQLite and on a throwaway PostgreSQL server (which the two write
differently: SQLAlchemy's multi-row VALUES, and one statement over a JSON parameter).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, literal_column, select
from sqlalchemy.exc import DatabaseError, OperationalError

from db import entry_batches, entry_registration
from db.catalogue import find_indicator, set_unit_indicators
from db.engine import make_engine, read_session, write_session
from db.entries import add_entry, correct_entry, delete_entry, restore_entry
from db.entry_batches import EntryRequest, add_entries
from db.entry_registration import register_entry
from db.errors import NotFoundError, PermissionDeniedError, StorageError, ValidationError
from db.migrate import migrate
from db.models import AuditLog, Entry
from db.units import create_unit
from db.users import add_membership, create_user
from tests.db.conftest import TODAY

MONDAY = date(2026, 11, 2)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, migrated_template, tmp_path) -> Engine:
    """A migrated database on a file (threads share it as the app's do) or on PostgreSQL."""
    if request.param == "sqlite":
        shutil.copyfile(migrated_template, tmp_path / "tavle.db")
        engine = make_engine(f"sqlite:///{tmp_path / 'tavle.db'}")
    else:
        engine = make_engine(request.getfixturevalue("postgres_url"))
        migrate(engine)
    request.addfinalizer(engine.dispose)
    return engine


def _world(engine: Engine, name: str) -> dict[str, int]:
    """A unit with two indicators (daily and weekly shares) that anna may register for."""
    with write_session(engine) as session:
        unit = create_unit(name, kind="unit", parent_id=None, session=session, actor="system:t")
        ids = {"unit": unit, **{code: find_indicator(code, session=session).id
                                for code in ("triage_dagligt", "haandhygiejne")}}
        set_unit_indicators(unit, [ids["triage_dagligt"], ids["haandhygiejne"]], session=session,
                            actor="system:t")
    return ids


def _users(engine: Engine, *units: int) -> None:
    """anna registers in units; bob is a registrant of none of them."""
    with write_session(engine) as session:
        anna = create_user("anna", role="registrant", session=session, actor="system:t")
        for unit in units:
            add_membership(anna, unit, session=session, actor="system:t")
        create_user("bob", role="registrant", session=session, actor="system:t")


def _requests(world: dict[str, int]) -> list[EntryRequest]:
    """A morning's registrations: new periods, a stored one, a deleted one, one period twice,
    and three that are refused."""
    triage, hygiene, unit = world["triage_dagligt"], world["haandhygiejne"], world["unit"]

    def ask(indicator, day, numerator, denominator, actor="anna", note=None):
        return EntryRequest(unit, indicator, day, actor, TODAY, numerator=numerator,
                            denominator=denominator, note=note)

    return [
        ask(triage, MONDAY, 3, 4, note="æøå"),
        ask(triage, MONDAY + timedelta(days=1), 5, 4),  # numerator above the denominator
        ask(hygiene, MONDAY + timedelta(days=2), 9, 10, actor="system:tablet"),
        ask(triage, MONDAY + timedelta(days=10), 1, 2),  # stored before: corrected
        ask(hygiene, MONDAY, 7, 10),  # the same week as the hygiene row above: corrects it
        ask(triage, TODAY + timedelta(days=1), 1, 2),  # in the future
        ask(triage, MONDAY + timedelta(days=11), 2, 2),  # deleted before: comes back
        ask(triage, MONDAY + timedelta(days=3), 1, 1, actor="bob"),  # no right here
        ask(triage, MONDAY + timedelta(days=10), 1, 2),  # the same figures again: no change
        ask(triage, MONDAY + timedelta(days=4), 4, 4),
    ]


def _before(engine: Engine, world: dict[str, int]) -> None:
    """Store the entry the batch corrects and the deleted one it brings back."""
    with write_session(engine) as session:
        for days in (10, 11):
            entry_id = add_entry(world["unit"], world["triage_dagligt"],
                                 MONDAY + timedelta(days=days), numerator=0, denominator=2,
                                 session=session, actor="anna", today=TODAY)
        delete_entry(entry_id, session=session, actor="anna")


def _what_is_stored(engine: Engine, unit: int) -> tuple[dict, dict]:
    """Return the unit's entries and their audit rows by period, without ids and times."""
    with read_session(engine) as session:
        entries = session.exec(select(Entry).where(Entry.unit_id == unit)).scalars().all()
        keys = {entry.id: (entry.indicator_id, entry.period_start) for entry in entries}
        audits = session.exec(select(AuditLog).where(AuditLog.table_name == "entry",
                                                     AuditLog.row_id.in_(keys))
                              .order_by(AuditLog.id)).scalars().all()
        rows = {keys[e.id]: (e.numerator, e.denominator, e.value, e.note,
                             e.deleted_at is not None) for e in entries}
        # As stored, not as read: JSON null and SQL NULL both read as None.
        sql_null = dict(session.execute(select(AuditLog.id, literal_column(
            "audit_log.before IS NULL"))).all())
        audits = [(keys[a.row_id], a.actor, a.action, a.before, a.after, bool(sql_null[a.id]))
                  for a in audits]
    timeless = ("id", "unit_id", "recorded_at", "deleted_at")
    trail: dict[tuple, list] = {}
    for key, actor, action, before, after, null_before in audits:
        trail.setdefault(key, []).append((
            actor, action, null_before,
            *({k: v for k, v in (side or {}).items() if k not in timeless} for side in (before, after)),
            *(bool((side or {}).get("deleted_at")) for side in (before, after))))
    return rows, trail


def _described(outcome: object, engine: Engine) -> object:
    """An outcome as the period of its entry, or its error's class and Danish message."""
    if isinstance(outcome, Exception):  # the two worlds' units differ by name only
        return type(outcome).__name__, str(outcome).replace("Bøgely", "Solbakken")
    with read_session(engine) as session:
        entry = session.get(Entry, outcome)
        return entry.indicator_id, entry.period_start


def test_a_batch_writes_the_rows_and_audit_rows_that_add_entry_writes_one_by_one(store):
    one_by_one, batched = _world(store, "Solbakken"), _world(store, "Bøgely")
    _users(store, one_by_one["unit"], batched["unit"])
    for world in (one_by_one, batched):
        _before(store, world)
    expected = []
    for request in _requests(one_by_one):
        try:
            with write_session(store) as session:
                expected.append(add_entry(
                    request.unit_id, request.indicator_id, request.day,
                    numerator=request.numerator, denominator=request.denominator,
                    note=request.note, session=session, actor=request.actor, today=request.today))
        except Exception as error:  # the refusal its caller would have seen
            expected.append(error)
    with write_session(store) as session:
        outcomes = add_entries(_requests(batched), session=session)

    assert [_described(o, store) for o in outcomes] == [_described(o, store) for o in expected]
    assert _what_is_stored(store, batched["unit"]) == _what_is_stored(store, one_by_one["unit"])
    rows, trail = _what_is_stored(store, batched["unit"])
    assert len(rows) == 5 and sum(len(actions) for actions in trail.values()) == 9


def test_each_refused_request_gets_its_own_danish_error_and_the_others_are_stored(store):
    world = _world(store, "Solbakken")
    _users(store, world["unit"])
    triage = world["triage_dagligt"]
    requests = [EntryRequest(world["unit"], triage, MONDAY, "anna", TODAY, numerator=5,
                             denominator=4),
                EntryRequest(world["unit"], triage, MONDAY + timedelta(days=1), "anna", TODAY,
                             numerator=1, denominator=4),
                EntryRequest(world["unit"], triage, TODAY + timedelta(days=3), "anna", TODAY,
                             numerator=1, denominator=4),
                EntryRequest(world["unit"], triage, MONDAY + timedelta(days=2), "bob", TODAY,
                             numerator=1, denominator=4),
                EntryRequest(world["unit"], 99_999, MONDAY, "anna", TODAY, numerator=1,
                             denominator=4),
                EntryRequest(world["unit"], triage, MONDAY + timedelta(days=3), "anna", TODAY,
                             numerator=2, denominator=4)]
    with write_session(store) as session:
        outcomes = add_entries(requests, session=session)

    kinds = [type(outcome) for outcome in outcomes]
    assert kinds == [ValidationError, int, ValidationError, PermissionDeniedError, NotFoundError,
                     int]
    assert str(outcomes[0]) == "tæller: må ikke være større end nævneren (5 > 4)"
    assert str(outcomes[2]) == "dato: 25-11-2026 ligger i fremtiden"
    assert str(outcomes[3]) == "bob må ikke registrere for Solbakken."
    assert str(outcomes[4]) == "Indikatoren findes ikke (id 99999)."
    rows, trail = _what_is_stored(store, world["unit"])
    assert rows == {(triage, MONDAY + timedelta(days=1)): (1.0, 4.0, None, None, False),
                    (triage, MONDAY + timedelta(days=3)): (2.0, 4.0, None, None, False)}
    assert [actions[0][:2] for actions in trail.values()] == [("anna", "add")] * 2


def test_two_requests_for_one_period_in_a_batch_end_as_an_entry_and_a_correction(store):
    world = _world(store, "Solbakken")
    hygiene = world["haandhygiejne"]
    requests = [EntryRequest(world["unit"], hygiene, MONDAY + timedelta(days=day), "system:t",
                             TODAY, numerator=numerator, denominator=10)
                for day, numerator in ((3, 6), (1, 8))]  # one week
    with write_session(store) as session:
        first, second = add_entries(requests, session=session)

    rows, trail = _what_is_stored(store, world["unit"])
    assert first == second
    assert rows == {(hygiene, MONDAY): (8.0, 10.0, None, None, False)}
    assert [(action, after["numerator"]) for _, action, _, _, after, *_ in trail[(hygiene, MONDAY)]
            ] == [("add", 6.0), ("correct", 8.0)]


def test_a_batched_entry_is_deleted_restored_and_put_back_like_any_other(store):
    world = _world(store, "Solbakken")
    triage = world["triage_dagligt"]
    with write_session(store) as session:
        entry_id, _ = add_entries([EntryRequest(world["unit"], triage, MONDAY + timedelta(days=d),
                                                "system:t", TODAY, numerator=1, denominator=2)
                                   for d in (0, 1)], session=session)
    for undo in (delete_entry, restore_entry):
        with write_session(store) as session:
            undo(entry_id, session=session, actor="system:t")
    with write_session(store) as session:
        correct_entry(entry_id, numerator=2, denominator=2, session=session, actor="system:t")

    rows, trail = _what_is_stored(store, world["unit"])
    assert rows[(triage, MONDAY)] == (2.0, 2.0, None, None, False)
    assert [action for _, action, *_ in trail[(triage, MONDAY)]] == [
        "add", "delete", "restore", "correct"]


THREADS, EACH = 16, 30


def test_sixteen_threads_registering_at_once_each_get_their_own_entry_once(store, monkeypatch):
    world = _world(store, "Solbakken")
    triage = world["triage_dagligt"]
    sizes = []
    batch = entry_registration.add_entries
    monkeypatch.setattr(entry_registration, "add_entries", lambda requests, **kw: (
        sizes.append(len(requests)), batch(requests, **kw))[1])
    results: dict[int, list] = {number: [] for number in range(THREADS)}
    start = threading.Barrier(THREADS)

    def tablet(number: int) -> None:
        start.wait()
        for step in range(EACH):
            day = date(2020, 1, 1) + timedelta(days=number * EACH + step)
            numerator = 9 if step % 7 == 3 else 1  # above the denominator: refused
            try:
                outcome = register_entry(store, EntryRequest(
                    world["unit"], triage, day, f"system:tablet-{number}", TODAY,
                    numerator=numerator, denominator=2))
            except Exception as error:  # each caller's own outcome, raised in its thread
                outcome = error
            results[number].append((day, outcome))

    threads = [threading.Thread(target=tablet, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    outcomes = [(number, day, outcome) for number, days in results.items()
                for day, outcome in days]
    refused = [o for _, _, o in outcomes if isinstance(o, ValidationError)]
    stored = [(n, day, o) for n, day, o in outcomes if isinstance(o, int)]
    assert len(refused) + len(stored) == THREADS * EACH and len(refused) == THREADS * 4
    with read_session(store) as session:
        entries = dict(session.exec(select(Entry.id, Entry.period_start)).all())
        audits = session.exec(select(AuditLog.row_id, AuditLog.actor)
                              .where(AuditLog.table_name == "entry")).all()
    assert sorted(entry_id for _, _, entry_id in stored) == sorted(entries)  # each once
    assert all(entries[entry_id] == day for _, day, entry_id in stored)
    assert sorted(audits) == sorted((entry_id, f"system:tablet-{number}")
                                    for number, _, entry_id in stored)  # one audit row each
    assert max(sizes) > 1  # the registrations did ride together


@pytest.mark.parametrize("failure", [
    DatabaseError("INSERT", {}, Exception("a database error")),
    RuntimeError("unexpected"),
])
def test_a_batch_whose_transaction_fails_runs_each_request_alone(store, monkeypatch, failure):
    world = _world(store, "Solbakken")
    triage = world["triage_dagligt"]
    failures = []
    insert = entry_batches._insert_new

    def failing_once(*args, **kwargs):
        if not failures:
            failures.append(failure)
            raise failure
        return insert(*args, **kwargs)

    monkeypatch.setattr(entry_batches, "_insert_new", failing_once)
    requests = [EntryRequest(world["unit"], triage, MONDAY + timedelta(days=d), "system:t", TODAY,
                             numerator=numerator, denominator=2)
                for d, numerator in ((0, 1), (1, 3), (2, 2), (0, 2))]
    outcomes = entry_registration._write_batch(store, requests)

    assert failures == [failure]
    assert [type(outcome) for outcome in outcomes] == [int, ValidationError, int, int]
    assert outcomes[0] == outcomes[3]
    rows, trail = _what_is_stored(store, world["unit"])
    assert rows == {(triage, MONDAY): (2.0, 2.0, None, None, False),
                    (triage, MONDAY + timedelta(days=2)): (2.0, 2.0, None, None, False)}
    assert [action for _, action, *_ in trail[(triage, MONDAY)]] == ["add", "correct"]
    assert len(trail[(triage, MONDAY + timedelta(days=2))]) == 1


@pytest.mark.parametrize("failure", [
    OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked")),
    StorageError("Databasen er optaget af en anden ændring; prøv igen om lidt.", "busy"),
])
def test_on_sqlite_a_batch_that_met_a_locked_database_gives_each_caller_that_error_at_once(
        engine, place, monkeypatch, failure):
    alone = []

    def locked(*args, **kwargs):
        alone.append(args)
        raise failure

    monkeypatch.setattr(entry_batches, "_insert_new", locked)
    monkeypatch.setattr(entry_registration, "add_entry", locked)  # alone it would meet the same
    requests = [EntryRequest(place["unit"], place["triage_dagligt"], MONDAY + timedelta(days=d),
                             "system:t", TODAY, numerator=1, denominator=2) for d in range(3)]

    assert entry_registration._write_batch(engine, requests) == [failure] * 3
    assert len(alone) == 1  # the batch's insert only: no request waited again on its own


@pytest.mark.postgres
def test_a_batch_that_waited_out_a_held_row_stores_the_others_and_refuses_the_held_one_at_once(
        postgres_url, monkeypatch):
    from db import engine as engine_module

    monkeypatch.setattr(engine_module, "LOCK_TIMEOUT_SECONDS", 2.0)  # read by make_engine
    monkeypatch.setattr(entry_registration, "HELD_ROW_WAIT_MS", 100)
    engine = make_engine(postgres_url)
    migrate(engine)
    world = _world(engine, "Solbakken")
    triage = world["triage_dagligt"]
    held = entry_registration._alone(engine, EntryRequest(world["unit"], triage, MONDAY, "system:t",
                                                          TODAY, numerator=1, denominator=2))
    requests = [EntryRequest(world["unit"], triage, MONDAY, "system:t", TODAY, numerator=2,
                             denominator=2),  # corrects the entry another server holds
                EntryRequest(world["unit"], triage, MONDAY + timedelta(days=1), "system:t", TODAY,
                             numerator=1, denominator=2)]
    with write_session(engine) as import_in_progress:
        import_in_progress.execute(select(Entry).where(Entry.id == held).with_for_update())
        started = time.perf_counter()
        outcomes = entry_registration._write_batch(engine, requests)
        waited = time.perf_counter() - started
    assert isinstance(outcomes[0], StorageError) and "optaget" in outcomes[0].text("da")
    assert isinstance(outcomes[1], int)
    assert 2.0 <= waited < 3.2  # the batch's wait, not a second one for the held row
    rows, _ = _what_is_stored(engine, world["unit"])
    assert rows[(triage, MONDAY)][0] == 1.0  # the held entry as it was
    engine.dispose()


def test_a_batched_entry_s_audit_row_holds_the_json_text_that_add_entry_s_holds(store):
    world = _world(store, "Solbakken")
    triage, unit = world["triage_dagligt"], world["unit"]
    with write_session(store) as session:
        alone = add_entry(unit, triage, MONDAY, numerator=1, denominator=3, note="æ \"ø\"",
                          session=session, actor="system:t", today=TODAY)
    with write_session(store) as session:
        batched = add_entries([EntryRequest(unit, triage, MONDAY + timedelta(days=d), "system:t",
                                            TODAY, numerator=1, denominator=3, note="æ \"ø\"")
                               for d in (1, 2)], session=session)
    with read_session(store) as session:
        texts = dict(session.execute(select(AuditLog.row_id, literal_column(
            "CAST(audit_log.after AS TEXT)")).where(AuditLog.table_name == "entry")).all())
        at = dict(session.execute(select(AuditLog.row_id, AuditLog.at)).all())
        recorded = dict(session.execute(select(Entry.id, Entry.recorded_at)).all())

    def shape(entry_id: int) -> tuple[list, str]:
        """The keys in their order, and the text with the row's own id, day and time left out."""
        after = json.loads(texts[entry_id])
        assert texts[entry_id] == json.dumps(after)  # as json.dumps writes it, byte for byte
        assert after["id"] == entry_id
        return list(after), json.dumps({**after, "id": 0, "period_start": 0, "recorded_at": 0})

    assert shape(batched[0]) == shape(batched[1]) == shape(alone)
    assert all(abs((at[i] - recorded[i]).total_seconds()) < 1 for i in (alone, *batched))


@pytest.mark.postgres
def test_two_servers_batches_registering_the_same_periods_leave_one_entry_and_one_add_each(
        postgres_url, monkeypatch):
    servers = [make_engine(postgres_url) for _ in range(2)]
    failures, skipped = [], []
    batch, insert = entry_registration.add_entries, entry_batches._insert_new

    def watched(requests, **kw):
        try:
            return batch(requests, **kw)
        except Exception as error:  # would be hidden by the fall-back to one by one
            failures.append(error)
            raise

    def counted(rows, **kw):
        new_ids = insert(rows, **kw)
        skipped.append(len(rows) - len(new_ids))  # periods the other server took first
        return new_ids

    monkeypatch.setattr(entry_registration, "add_entries", watched)
    monkeypatch.setattr(entry_batches, "_insert_new", counted)
    migrate(servers[0])
    world = _world(servers[0], "Solbakken")
    triage = world["triage_dagligt"]
    days = [MONDAY - timedelta(days=n) for n in range(24)]
    outcomes: list[tuple[date, object]] = []
    start = threading.Barrier(16)

    def tablet(number: int) -> None:
        server = servers[number % 2]
        start.wait()
        for day in days:  # both servers' batches ask for the same periods at once
            try:
                outcome = register_entry(server, EntryRequest(
                    world["unit"], triage, day, f"system:tablet-{number}", TODAY,
                    numerator=number % 3, denominator=2))
            except Exception as error:  # each caller's own outcome
                outcome = error
            outcomes.append((day, outcome))

    threads = [threading.Thread(target=tablet, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    with read_session(servers[0]) as session:
        entries = dict(session.exec(select(Entry.period_start, Entry.id)
                                    .where(Entry.unit_id == world["unit"])).all())
        adds = session.exec(select(AuditLog.row_id, AuditLog.after).where(
            AuditLog.table_name == "entry", AuditLog.action == "add")).all()
    for server in servers:
        server.dispose()

    assert not any(thread.is_alive() for thread in threads)
    assert failures == [] and sum(skipped) > 0  # batches met the other server's entries
    assert len(outcomes) == 16 * len(days)
    assert all(outcome == entries[day] for day, outcome in outcomes)  # no error, one entry
    assert sorted(row_id for row_id, _ in adds) == sorted(entries.values())  # one add each
    assert all(after["id"] == row_id for row_id, after in adds)
