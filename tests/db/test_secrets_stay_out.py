"""A password never reaches the database file, the audit log, an export, or a log line."""

import io
import logging
from datetime import UTC, datetime

import pytest

from db import (
    SignInError,
    add_membership,
    create_user,
    export_file,
    list_users,
    make_engine,
    migrate,
    read_audit,
    read_session,
    set_password,
    set_pin,
    sign_in,
    sign_in_with_pin,
    write_session,
)
from db.__main__ import main
from db.units import create_unit

PASSWORD = "Hemmelig-Kode-7f3Q"
TYPO = "Hemmelig-Kode-7f3q"  # a near miss is a secret too
SECOND_PASSWORD = "Andet-Ord-9x2W"
PIN = "918273"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_passwords_and_pins_stay_out_of_the_file_the_audit_the_exports_and_the_logs(
        tmp_path, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, SQLAlchemy's statements and parameters too
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--database-url", url, "--actor", "cli:test", "create-admin",
                 "--username", "boss"]) == 0
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        unit = create_unit("Solbakken", kind="unit", parent_id=None, session=session,
                           actor="boss")
        anna = create_user("anna", role="registrant", password=PASSWORD, session=session,
                           actor="boss")
        add_membership(anna, unit, session=session, actor="boss")
        set_pin(anna, PIN, session=session, actor="boss")
        set_password(anna, SECOND_PASSWORD, session=session, actor="boss")
    assert sign_in("anna", SECOND_PASSWORD, engine=engine, now=NOW).username == "anna"
    assert sign_in_with_pin("anna", PIN, unit_id=unit, engine=engine, now=NOW).method == "pin"
    for wrong in (PASSWORD, TYPO):
        with pytest.raises(SignInError):
            sign_in("boss", wrong[::-1], engine=engine, now=NOW)
        with pytest.raises(SignInError):
            sign_in("anna", wrong, engine=engine, now=NOW)
    with read_session(engine) as session:
        shown = [str(read_audit(session=session, actor="boss").to_dict("records")),
                 str(list_users(session=session, actor="boss").to_dict("records"))]
        exports = [export_file(session=session, actor="boss", file_format=file_format)
                   for file_format in ("danish-csv", "comma-csv", "xlsx")]
    engine.dispose()
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("tavle.db*"))
    captured = capsys.readouterr()
    logged = caplog.text + captured.out + captured.err
    assert "INSERT INTO app_user" in logged  # the statements were logged, with their parameters
    for secret in (PASSWORD, TYPO, SECOND_PASSWORD, PASSWORD[::-1], TYPO[::-1]):
        assert secret.encode() not in stored
        assert all(secret not in text for text in shown)
        assert all(secret.encode() not in export for export in exports)
        assert secret not in logged
    assert all(PIN not in text for text in [*shown, logged])
    assert b"$argon2id$" in stored  # what is kept instead, but never shown
    assert all("$argon2" not in text for text in shown)
