"""The storage refuses in two languages: a Danish and an English message, never the two run together.

A page shows `error.text(language)`, so an English user reads English only; the
command line prints the Danish message (`str(error)`) unless asked for English.
"""

from __future__ import annotations

import ast
import pickle
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import db
from db import (
    ReadOnlySessionError,
    StorageError,
    ValidationError,
    backup,
    create_user,
    delete_entry,
    find_unit,
    get_indicator,
    read_session,
    rename_unit,
    restore,
    restore_deleted,
    restore_unit,
    revoke_board_link,
    seed_demo,
    sign_in,
    write_session,
)

DB = Path(db.__file__).resolve().parent
ACTOR = "system:test"
# "Dansk. (English.)": the pattern of the old combined messages
COMBINED = re.compile(r"\. \([A-Z][^()]*\)$")


def _write(engine, change):
    with write_session(engine) as session:
        change(session)


def _as_registrant(engine, place):
    _write(engine, lambda session: create_user("rita", role="registrant", session=session,
                                               actor=ACTOR))
    _write(engine, lambda session: rename_unit(place["unit"], "Ny", session=session, actor="rita"))


def _in_read_session(engine, place):
    with read_session(engine) as session:
        rename_unit(place["unit"], "Ny", session=session, actor=ACTOR)


def _backup_over(engine, tmp_path):
    target = tmp_path / "findes.db"
    target.write_bytes(b"")
    backup(engine, target)


REFUSALS = {
    "unknown unit code": lambda engine, place, tmp_path: _write(
        engine, lambda session: find_unit("ukendt", session=session)),
    "unknown indicator id": lambda engine, place, tmp_path: _write(
        engine, lambda session: get_indicator(99_999, session=session)),
    "deleting an entry that does not exist": lambda engine, place, tmp_path: _write(
        engine, lambda session: delete_entry(99_999, session=session, actor=ACTOR)),
    "restoring a unit that does not exist": lambda engine, place, tmp_path: _write(
        engine, lambda session: restore_unit(99_999, session=session, actor=ACTOR)),
    "revoking a link that does not exist": lambda engine, place, tmp_path: _write(
        engine, lambda session: revoke_board_link(99_999, session=session, actor=ACTOR)),
    "restoring a table that cannot be restored": lambda engine, place, tmp_path: _write(
        engine, lambda session: restore_deleted("alembic_version", 1, session=session,
                                                actor=ACTOR)),
    "an unknown acting user": lambda engine, place, tmp_path: _write(
        engine, lambda session: rename_unit(place["unit"], "Ny", session=session,
                                            actor="ingen")),
    "a registrant renaming a unit": lambda engine, place, tmp_path: _as_registrant(engine, place),
    "a write in a reading session": lambda engine, place, tmp_path: _in_read_session(engine, place),
    "a unit without a name": lambda engine, place, tmp_path: _write(
        engine, lambda session: rename_unit(place["unit"], " ", session=session, actor=ACTOR)),
    "the demo into a database with units": lambda engine, place, tmp_path: _write(
        engine, lambda session: seed_demo(session=session, actor=ACTOR, today=date(2026, 11, 22))),
    "a backup over an existing file": lambda engine, place, tmp_path: _backup_over(engine, tmp_path),
    "a restore from a missing file": lambda engine, place, tmp_path: restore(
        engine, tmp_path / "mangler.db", actor=ACTOR),
    "a wrong password": lambda engine, place, tmp_path: sign_in(
        "ukendt", "forkert", engine=engine, now=datetime(2026, 11, 22, tzinfo=UTC)),
}


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_refusal_has_a_danish_and_a_different_english_message(refusal, engine, place, tmp_path):
    with pytest.raises(StorageError) as refused:
        REFUSALS[refusal](engine, place, tmp_path)
    danish, english = refused.value.text("da"), refused.value.text("en")
    assert danish and english and danish != english
    assert str(refused.value) == danish
    for message in (danish, english):
        assert not COMBINED.search(message), message
    assert english not in danish and danish not in english


def test_a_write_in_a_reading_session_is_refused_in_english_on_request(engine, place):
    with pytest.raises(ReadOnlySessionError) as refused:
        _in_read_session(engine, place)
    assert refused.value.text("en") == (
        "Changes need a writing session (write_session); this session can only read.")


def test_a_validation_error_joins_its_problems_in_the_language_asked(engine, place):
    with pytest.raises(ValidationError) as refused:
        _write(engine, lambda session: rename_unit(place["unit"], " ", session=session,
                                                   actor=ACTOR))
    assert refused.value.text("da") == "\n".join(p.text("da") for p in refused.value.problems)
    assert refused.value.text("en") == "\n".join(p.text("en") for p in refused.value.problems)


def test_a_missing_row_of_a_soft_deletable_table_is_named_in_both_languages(engine):
    with pytest.raises(StorageError) as refused:
        _write(engine, lambda session: restore_unit(99_999, session=session, actor=ACTOR))
    assert (refused.value.text("da"), refused.value.text("en")) == (
        "Enheden findes ikke (id 99999).", "There is no unit with id 99999.")


def test_any_other_refusal_reads_as_one_problem_that_names_no_field(engine, place):
    with pytest.raises(StorageError) as refused:
        _write(engine, lambda session: find_unit("ukendt", session=session))
    [problem] = refused.value.problems
    assert (problem.row, problem.field) == (None, None)
    assert (problem.text("da"), problem.text("en")) == (refused.value.text("da"),
                                                         refused.value.text("en"))


STORAGE_ERRORS = {"StorageError", "NotFoundError", "PermissionDeniedError",
                  "ReadOnlySessionError", "BackupError", "SignInError", "LockedOutError"}


def storage_errors_made() -> list[tuple[str, int, int]]:
    """Return (file, line, number of messages) for every storage error made in db/."""
    made = []
    for path in sorted(DB.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in STORAGE_ERRORS:
                spread = any(isinstance(argument, ast.Starred) for argument in node.args)
                made.append((path.relative_to(DB).as_posix(), node.lineno,
                             2 if spread else len(node.args)))
    return made


def test_every_storage_error_made_in_db_is_given_a_danish_and_an_english_message():
    made = storage_errors_made()
    assert len(made) > 30  # the walk finds them
    assert [(path, line) for path, line, messages in made if messages != 2] == []


@pytest.mark.parametrize("error", [
    db.PermissionDeniedError("anna må ikke læse", "anna may not read"),
    ValidationError([db.Problem(3, "numerator", "tæller: mangler", "numerator: missing")]),
    db.LockedOutError("Låst", "Locked", until=datetime(2026, 11, 22, 8, 0, tzinfo=UTC)),
], ids=["permission", "validation", "locked-out"])
def test_a_refusal_sent_between_processes_arrives_whole(error):
    arrived = pickle.loads(pickle.dumps(error))
    assert type(arrived) is type(error) and arrived.args == error.args
    assert (str(arrived), arrived.text("en"), arrived.problems) == (
        str(error), error.text("en"), error.problems)
    assert getattr(arrived, "until", None) == getattr(error, "until", None)
