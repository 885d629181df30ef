"""Every free-text field the app writes refuses text that looks like a CPR number.

One row per field a page offers (notes, PDSA texts, reasons, names, codes, labels,
usernames); the same text without the number is taken, so each refusal is the
CPR check's and not another rule's.
"""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from db import (
    SignInError,
    ValidationError,
    add_annotation,
    add_baseline,
    add_entry,
    add_event,
    correct_annotation,
    correct_entry,
    correct_event,
    create_board_link,
    create_indicator,
    create_package,
    create_unit,
    create_user,
    find_indicator,
    import_file,
    rename_unit,
    set_role,
    sign_in,
    update_indicator,
    write_session,
)
from db.validation import LONGEST_FREE_TEXT, LONGEST_TEXT_BY_FIELD

TODAY = date(2026, 11, 22)
ACT = {"actor": "system:test"}
CPR = "010203-1234"


def _entry(s, p, text):
    return add_entry(p["unit"], p["triage_dagligt"], TODAY, numerator=1, denominator=2,
                     note=text, session=s, today=TODAY, **ACT)


def _corrected_entry(s, p, text):
    entry = _entry(s, p, "ok")
    correct_entry(entry, numerator=1, denominator=2, note=text, session=s, **ACT)


def _event(s, p, text):
    return add_event(p["unit"], p["tryksaar_dage_mellem"], TODAY, note=text, session=s,
                     today=TODAY, **ACT)


def _corrected_event(s, p, text):
    correct_event(_event(s, p, "ok"), day=TODAY, note=text, session=s, today=TODAY, **ACT)


def _annotation(s, p, text):
    return add_annotation(p["unit"], TODAY, text, session=s, today=TODAY, **ACT)


def _corrected_annotation(s, p, text):
    correct_annotation(_annotation(s, p, "ok"), day=TODAY, text=text, session=s, today=TODAY,
                       **ACT)


def _indicator(s, p, field, text):
    definition = find_indicator("triage_dagligt", session=s).definition
    code = "egen_" + str(len(text))  # a code of its own per call
    return create_indicator(replace(definition, code=code, **{field: text}), session=s, **ACT)


def _imported_note(s, p, text):
    content = f"enhed;indikator;dato;note;art\nsolbakken;tryksaar_dage_mellem;20-11-2026;{text};hændelse\n"
    import_file(content.encode(), filename="tal.csv", session=s, today=TODAY, **ACT)


def _user_name(s, p, text):
    user = create_user("bo", role="registrant", session=s, **ACT)
    set_role(user, "registrant", display_name=text, session=s, **ACT)


FIELDS = {
    "entry note": _entry,
    "corrected entry note": _corrected_entry,
    "event note": _event,
    "corrected event note": _corrected_event,
    "annotation (PDSA)": _annotation,
    "corrected annotation": _corrected_annotation,
    "baseline reason": lambda s, p, text: add_baseline(
        p["unit"], p["triage_dagligt"], "freeze", TODAY, text, session=s, today=TODAY, **ACT),
    "unit name": lambda s, p, text: create_unit(text, kind="unit", parent_id=p["area"],
                                                session=s, **ACT),
    "unit code": lambda s, p, text: create_unit("Havbrisen", kind="unit", parent_id=p["area"],
                                                code=text.replace(" ", "-"), session=s, **ACT),
    "renamed unit": lambda s, p, text: rename_unit(p["unit"], text, session=s, **ACT),
    "package name": lambda s, p, text: create_package("egen", text, "Own", session=s, **ACT),
    "indicator name": lambda s, p, text: _indicator(s, p, "name_da", text),
    "indicator unit": lambda s, p, text: _indicator(s, p, "unit_da", text),
    "indicator numerator words": lambda s, p, text: _indicator(s, p, "numerator_da", text),
    "renamed indicator": lambda s, p, text: update_indicator(
        p["triage_dagligt"], name_en=text, session=s, **ACT),
    "imported note": _imported_note,
    "username": lambda s, p, text: create_user(text.replace(" ", "."), role="registrant",
                                               session=s, **ACT),
    "user's name": _user_name,
    "new user's name": lambda s, p, text: create_user("bo", role="registrant",
                                                      display_name=text, session=s, **ACT),
    "wall-screen label": lambda s, p, text: create_board_link(p["unit"], label=text,
                                                              session=s, **ACT),
}


@pytest.mark.parametrize("field", FIELDS)
def test_the_field_refuses_a_cpr_number_and_takes_the_same_text_without_it(engine, place, field):
    with pytest.raises(ValidationError, match="CPR"), write_session(engine) as session:
        FIELDS[field](session, place, f"b {CPR}")
    with write_session(engine) as session:
        FIELDS[field](session, place, "borger i stue 4")


@pytest.mark.parametrize("field", FIELDS)
def test_the_field_refuses_text_longer_than_its_limit_with_a_clear_message(engine, place, field):
    with pytest.raises(ValidationError, match="for lang") as refused, \
            write_session(engine) as session:
        FIELDS[field](session, place, "x" * (LONGEST_FREE_TEXT + 1))
    assert "højst" in refused.value.text("da") and "at most" in refused.value.text("en")


@pytest.mark.parametrize(("field", "longest"), [
    ("entry note", LONGEST_FREE_TEXT), ("annotation (PDSA)", LONGEST_FREE_TEXT),
    ("unit name", LONGEST_TEXT_BY_FIELD["name"]), ("username", LONGEST_TEXT_BY_FIELD["username"]),
])
def test_text_at_the_limit_is_taken_and_one_more_character_is_not(engine, place, field, longest):
    with write_session(engine) as session:
        FIELDS[field](session, place, "y" * longest)
    with pytest.raises(ValidationError, match="for lang"), write_session(engine) as session:
        FIELDS[field](session, place, "z" * (longest + 1))


def test_a_megabyte_username_at_sign_in_is_refused_and_never_written_down(engine):
    with pytest.raises(SignInError):
        sign_in("a" * 1_000_000, "x", engine=engine, now=datetime(2026, 11, 22, tzinfo=UTC))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM sign_in_attempt").scalar() == 0
