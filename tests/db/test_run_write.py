"""A writing transaction run again when the database chose it as a deadlock's victim."""

import pytest
from sqlalchemy.exc import OperationalError

from db import engine as engine_module
from db.engine import is_retryable, run_write
from db.errors import StorageError
from db.models import Unit


class _DriverError(Exception):
    """What psycopg raises: an error carrying PostgreSQL's SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failure(sqlstate: str) -> OperationalError:
    return OperationalError("UPDATE entry ...", {}, _DriverError(sqlstate))


@pytest.fixture(autouse=True)
def _no_back_off(monkeypatch):
    monkeypatch.setattr(engine_module.time, "sleep", lambda _seconds: None)


def test_a_deadlock_victim_runs_again_and_only_the_last_attempt_is_kept(engine):
    attempts = []

    def work(session):
        attempts.append(1)
        session.add(Unit(code=f"u{len(attempts)}", name="U", kind="unit"))
        session.flush()
        if len(attempts) < 3:
            raise _failure("40P01" if len(attempts) == 1 else "40001")
        return len(attempts)

    assert run_write(engine, work) == 3
    with engine.connect() as connection:
        codes = [row[0] for row in connection.exec_driver_sql("SELECT code FROM unit")]
    assert codes == ["u3"]


def test_a_writer_that_keeps_losing_gets_the_busy_message(engine):
    def work(session):
        raise _failure("40P01")

    with pytest.raises(StorageError, match="optaget"):
        run_write(engine, work, attempts=2)


def test_any_other_database_error_is_not_tried_again(engine):
    attempts = []

    def work(session):
        attempts.append(1)
        raise _failure("23505")  # unique_violation: running again would fail again

    with pytest.raises(OperationalError):
        run_write(engine, work)
    assert len(attempts) == 1
    assert not is_retryable(_failure("23505")) and is_retryable(_failure("40001"))


def test_a_write_on_a_connection_lost_to_a_restart_runs_again_on_a_fresh_one(engine):
    attempts = []

    def work(session):
        attempts.append(1)
        if len(attempts) == 1:  # the pool's connection died with the server (no ping before use)
            raise OperationalError("SELECT ...", {}, _DriverError("57P01"), connection_invalidated=True)
        return "written"

    assert run_write(engine, work) == "written" and len(attempts) == 2
    assert not is_retryable(_failure("57P01"))  # the same error on a live connection: not again
