"""An administrator redacts a text that should never have been stored, the audit log included."""

import io
import json

import pytest
from sqlmodel import select

from db.__main__ import main
from db.audit import read_audit, record_change, snapshot
from db.catalogue import find_indicator
from db.engine import make_engine, read_session, write_session
from db.errors import PermissionDeniedError, ValidationError
from db.migrate import migrate
from db.models import Annotation, AuditLog, Entry
from db.redaction import REDACTED_TEXT, redact_text
from db.units import create_unit
from db.users import create_user
from tests.db.conftest import TODAY, table_contents

ACTOR = "system:admin"
# Stored before the CPR check knew this spelling (the en dash): now it must go for good.
SECRET = "010190\u20131234"


def stored_anywhere(engine, text):
    return text in json.dumps(table_contents(engine), default=str, ensure_ascii=False)


def store_as_main_did(engine, unit_id, indicator_id):
    """An entry with the secret in its note, corrected once: the audit log holds it twice."""
    with write_session(engine) as session:
        entry = Entry(unit_id=unit_id, indicator_id=indicator_id, period_start=TODAY,
                      numerator=1, denominator=2, note=f"borger {SECRET} faldt")
        session.add(entry)
        record_change(session, actor="anna", action="add", row=entry, before=None)
        before = snapshot(entry)
        entry.note = f"borger {SECRET} faldt i stuen"
        session.add(entry)
        record_change(session, actor="anna", action="correct", row=entry, before=before)
        session.add(Annotation(unit_id=unit_id, day=TODAY, text=f"Samtale med {SECRET}"))
        return entry.id


def test_a_redacted_text_is_gone_from_every_table_and_the_audit_log(engine, place):
    entry_id = store_as_main_did(engine, place["unit"], place["triage_dagligt"])
    assert stored_anywhere(engine, SECRET)
    with write_session(engine) as session:
        changed = redact_text(SECRET, session=session, actor=ACTOR)
    assert changed == 4  # the entry, the annotation and two audit rows
    assert not stored_anywhere(engine, SECRET)
    with read_session(engine) as session:
        assert session.get(Entry, entry_id).note == f"borger {REDACTED_TEXT} faldt i stuen"


def test_the_redaction_is_audited_by_who_and_which_row_but_not_the_text(engine, place):
    entry_id = store_as_main_did(engine, place["unit"], place["triage_dagligt"])
    with write_session(engine) as session:
        redact_text(SECRET, session=session, actor=ACTOR)
    with read_session(engine) as session:
        notes = [(note.actor, note.table_name, note.row_id, note.at, note.after) for note in
                 session.exec(select(AuditLog).where(AuditLog.action == "redact")).all()]
    assert {(actor, table) for actor, table, *_ in notes} == {
        (ACTOR, "entry"), (ACTOR, "annotation"), (ACTOR, "audit_log")}
    assert (ACTOR, "entry", entry_id) in {(actor, table, row) for actor, table, row, *_ in notes}
    assert all(at is not None for *_, at, _after in notes)
    assert "1234" not in json.dumps([after for *_, after in notes])


def test_only_an_administrator_may_redact_and_short_texts_are_refused(engine, place):
    store_as_main_did(engine, place["unit"], place["triage_dagligt"])
    with write_session(engine) as session:
        create_user("rita", role="teamleder", session=session, actor=ACTOR)
    with pytest.raises(PermissionDeniedError), write_session(engine) as session:
        redact_text(SECRET, session=session, actor="rita")
    with pytest.raises(ValidationError), write_session(engine) as session:
        redact_text("123", session=session, actor=ACTOR)
    assert stored_anywhere(engine, SECRET)


def test_the_command_line_redacts_a_text_read_from_stdin(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    engine = make_engine(url)
    migrate(engine)
    with read_session(engine) as session:
        indicator = find_indicator("triage_dagligt", session=session).id
    with write_session(engine) as session:
        unit = create_unit("Solbakken", kind="unit", parent_id=None, session=session, actor=ACTOR)
    store_as_main_did(engine, unit, indicator)
    engine.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert main(["--database-url", url, "--actor", "cli:test", "redact"]) == 0
    assert "fjernet" in capsys.readouterr().out
    assert not stored_anywhere(engine, SECRET)
    with read_session(engine) as session:
        assert "redact" in read_audit(session=session, actor=ACTOR)["action"].tolist()
    engine.dispose()
