"""Every validation rule, through the repositories: refused with row/field messages, nothing written."""

from datetime import date, timedelta

import pytest

from db.annotations import add_annotation
from db.engine import write_session
from db.entries import add_entry
from db.errors import ValidationError
from db.events import add_event
from tests.db.conftest import TODAY, table_contents

# (rule, indicator code, figures and note, field named, words of the Danish message)
ENTRY_RULES = [
    ("numerator above denominator", "triage_dagligt", {"numerator": 26, "denominator": 25},
     "numerator", "større end nævneren"),
    ("negative numerator", "triage_dagligt", {"numerator": -1, "denominator": 25},
     "numerator", "negativ"),
    ("negative exposure", "fald_pr_1000_sengedage", {"denominator": -3.5},
     "denominator", "negativ"),
    ("negative measurement-free count", "magtanvendelser_pr_maaned", {"numerator": -2},
     "numerator", "negativ"),
    ("fractional count", "magtanvendelser_pr_maaned", {"numerator": 2.5}, "numerator",
     "helt tal"),
    ("fractional numerator of a share", "triage_dagligt", {"numerator": 2.5, "denominator": 5},
     "numerator", "helt tal"),
    ("fractional denominator of a share", "triage_dagligt", {"numerator": 2, "denominator": 5.5},
     "denominator", "helt tal"),
    ("fractional number of fall injuries", "faldskader_pr_1000_sengedage",
     {"numerator": 1.5, "denominator": 1000}, "numerator", "helt tal"),
    ("a count of falls, which come from the registered falls", "fald_pr_1000_sengedage",
     {"numerator": 2, "denominator": 1000}, "numerator", "registrerede hændelser"),
    ("no exposure for a rate counted from events", "fald_pr_1000_sengedage", {},
     "denominator", "mangler"),
    ("missing denominator", "triage_dagligt", {"numerator": 2}, "denominator", "mangler"),
    ("missing count", "magtanvendelser_pr_maaned", {}, "numerator", "mangler"),
    ("zero citizens", "triage_dagligt", {"numerator": 0, "denominator": 0}, "denominator",
     "mindst 1"),
    ("zero exposure", "fald_pr_1000_sengedage", {"denominator": 0},
     "denominator", "større end 0"),
    ("value on a share", "triage_dagligt", {"numerator": 1, "denominator": 2, "value": 3},
     "value", "tom"),
    ("not a number", "triage_dagligt", {"numerator": float("nan"), "denominator": 2},
     "numerator", "ikke et tal"),
    ("CPR number with hyphen in the note", "triage_dagligt",
     {"numerator": 1, "denominator": 2, "note": "borger 010190-1234 faldt"}, "note", "CPR"),
    ("CPR number as ten digits in the note", "triage_dagligt",
     {"numerator": 1, "denominator": 2, "note": "0101901234"}, "note", "CPR"),
    ("control character in the note", "triage_dagligt",
     {"numerator": 1, "denominator": 2, "note": "a\x07b"}, "note", "kontroltegn"),
]


@pytest.mark.parametrize(("rule", "code", "figures", "field", "words"), ENTRY_RULES,
                         ids=[rule[0] for rule in ENTRY_RULES])
def test_an_entry_breaking_a_rule_is_refused_and_nothing_is_written(engine, place, rule, code,
                                                                    figures, field, words):
    before = table_contents(engine)
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_entry(place["unit"], place[code], date(2026, 11, 2), session=session, actor="system:anna",
                  today=TODAY, **figures)
    assert [problem.field for problem in refused.value.problems] == [field]
    assert words in refused.value.problems[0].message_da
    assert refused.value.problems[0].message_en
    assert table_contents(engine) == before


def test_an_entry_dated_tomorrow_is_refused_and_one_dated_today_is_not(engine, place):
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY + timedelta(days=1),
                  numerator=1, denominator=2, session=session, actor="system:anna", today=TODAY)
    assert refused.value.problems[0].field == "date"
    assert "fremtiden" in refused.value.problems[0].message_da
    with write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY, numerator=1, denominator=2,
                  session=session, actor="system:anna", today=TODAY)


def test_a_numerator_equal_to_the_denominator_is_allowed(engine, place):
    with write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY, numerator=25, denominator=25,
                  session=session, actor="system:anna", today=TODAY)


def test_all_problems_of_one_entry_are_reported_together(engine, place):
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], TODAY + timedelta(days=3),
                  numerator=-1, denominator=2, note="010190-1234", session=session,
                  actor="system:anna", today=TODAY)
    assert {problem.field for problem in refused.value.problems} == {"numerator", "date", "note"}
    assert "tæller: må ikke være negativ" in refused.value.text("da")
    assert "numerator: must not be negative" in refused.value.text("en")


def test_an_event_in_the_future_or_with_a_cpr_number_is_refused(engine, place):
    before = table_contents(engine)
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_event(place["unit"], place["tryksaar_dage_mellem"], TODAY + timedelta(days=1),
                  note="ddmmyy: 311299-4321", session=session, actor="system:anna", today=TODAY)
    assert {problem.field for problem in refused.value.problems} == {"date", "note"}
    assert table_contents(engine) == before


def test_an_annotation_needs_a_text_without_a_cpr_number(engine, place):
    for text, words in (("  ", "mangler"), ("Ny plan for 0101901234", "CPR")):
        with pytest.raises(ValidationError) as refused, write_session(engine) as session:
            add_annotation(place["unit"], TODAY, text, session=session, actor="system:anna",
                           today=TODAY)
        assert words in refused.value.problems[0].message_da


def test_figures_are_refused_on_an_event_indicator_and_events_on_a_share(engine, place):
    with pytest.raises(ValidationError), write_session(engine) as session:
        add_entry(place["unit"], place["tryksaar_dage_mellem"], TODAY, numerator=1,
                  session=session, actor="system:anna", today=TODAY)
    with pytest.raises(ValidationError), write_session(engine) as session:
        add_event(place["unit"], place["triage_dagligt"], TODAY, session=session, actor="system:anna",
                  today=TODAY)
