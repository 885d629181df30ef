"""Registrér: a card per indicator, saves that confirm and undo, problems under their fields."""

import re
from datetime import date

import pytest

from app.entry.card_order import in_fill_order
from db import (
    delete_entry,
    delete_event,
    find_indicator,
    find_unit,
    list_unit_indicators,
    make_engine,
    read_series,
    read_session,
    switch_sampling,
    write_session,
)
from tests.app.app_pages import block_holding, button, elements, number_input, open_page
from tests.conftest import DEMO_TODAY

YESTERDAY = date(2026, 11, 21)


@pytest.fixture
def entry(monkeypatch, demo_database_url):
    """The entry page for Plejecenter Solbakken."""
    return open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken")


def series(database_url: str, indicator: str, unit: str = "solbakken"):
    engine = make_engine(database_url)
    try:
        with read_session(engine) as session:
            return read_series(find_unit(unit, session=session),
                               find_indicator(indicator, session=session).id, session=session, actor="system")
    finally:
        engine.dispose()


def figures_on(database_url: str, indicator: str, day: date) -> tuple | None:
    rows = series(database_url, indicator)
    rows = rows[rows["date"] == day]
    return None if rows.empty else (rows.iloc[0]["numerator"], rows.iloc[0]["denominator"])


def register_triage(app, numerator, denominator):
    """Fill in the triage card (daily, so Solbakken's first card and its first "Gem") and save it."""
    number_input(app, "Triageret i dag").set_value(numerator)
    number_input(app, "af borgere", 0).set_value(denominator)
    return button(app, "Gem", 0).click().run()


def test_every_active_indicator_of_the_unit_gets_a_card_named_and_labelled_from_the_catalogue(
        entry, demo_engine):
    with read_session(demo_engine) as session:
        expected = [s.definition.name_da for s in in_fill_order(list_unit_indicators(
            find_unit("solbakken", session=session), session=session))]
    headings = [m.value.removeprefix("### ") for m in entry.markdown if m.value.startswith("### ")]
    assert headings == expected
    labels = [n.label for n in entry.number_input]
    assert {"Triageret i dag", "af borgere", "Beboerdøgn i november 2026",
            "Fik alle elementer i uge 47"} <= set(labels)
    assert [b.label for b in entry.button][:2] == ["Gem", "Nyt tryksår"]  # triage, then events


def test_a_harm_registered_as_events_is_not_counted_again_on_its_monthly_card(entry):
    labels = [n.label for n in entry.number_input]
    assert "Nye tryksår i november 2026" not in labels and "Fald i november 2026" not in labels
    counted = [c.value for c in entry.caption if "talt fra de registrerede hændelser" in c.value]
    assert any(c.startswith(":material/link: Nye tryksår i november 2026: ") for c in counted), counted


def test_a_triage_proportion_is_saved_for_today_confirmed_and_the_fields_emptied(
        entry, demo_database_url):
    app = register_triage(entry, 23, 25)
    assert not app.exception
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) == (23, 25)
    assert [s.value for s in app.success] == [
        "Gemt: Andel borgere triageret dagligt, i dag: 23 af 25."]
    assert number_input(app, "Triageret i dag").value is None
    assert "Allerede registreret i dag: 23 af 25. Gemmer du igen, rettes tallet." in [
        c.value for c in app.caption]


def test_undo_after_saving_takes_the_entry_away_again(entry, demo_database_url):
    app = register_triage(entry, 23, 25)
    app = button(app, "Fortryd").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) is None
    assert [i.value for i in app.info] == [
        "Fortrudt: Andel borgere triageret dagligt, i dag: 23 af 25."]


def test_more_triaged_than_citizens_is_refused_under_the_numerator_field(entry, demo_database_url):
    app = register_triage(entry, 26, 25)
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) is None
    beside = block_holding(app.main, "Triageret i dag")
    assert [e.value for e in elements(beside, "error")] == [
        "Triageret i dag: må ikke være større end nævneren (26 > 25)"]
    assert len(app.error) == 1
    assert number_input(app, "Triageret i dag").value == 26  # kept, to be corrected


def test_a_missing_denominator_is_named_under_its_field_in_english(monkeypatch,
                                                                   demo_database_url):
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken", lang="en")
    number_input(app, "Triaged today").set_value(20)
    app = button(app, "Save", 0).click().run()
    beside = block_holding(app.main, "of citizens", index=0)
    assert [e.value for e in elements(beside, "error")] == ["Of citizens: is missing"]


def test_registering_for_yesterday_corrects_its_figures_and_undo_puts_the_old_ones_back(
        entry, demo_database_url):
    before = figures_on(demo_database_url, "triage_dagligt", YESTERDAY)
    assert before is not None
    entry.date_input(key="entry.date").set_value(YESTERDAY).run()
    number_input(entry, "Triageret den 21-11-2026").set_value(30)
    number_input(entry, "af borgere", 0).set_value(40)
    app = button(entry, "Gem", 0).click().run()
    assert figures_on(demo_database_url, "triage_dagligt", YESTERDAY) == (30, 40)
    button(app, "Fortryd").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", YESTERDAY) == before


def test_a_new_pressure_ulcer_waits_for_a_confirmation_and_can_be_undone(entry,
                                                                          demo_database_url):
    events_before = len(series(demo_database_url, "tryksaar_dage_mellem"))
    app = button(entry, "Nyt tryksår").click().run()
    assert "**Registrér nyt tryksår den 22-11-2026?**" in [m.value for m in app.markdown]
    assert len(series(demo_database_url, "tryksaar_dage_mellem")) == events_before
    app = button(app, "Ja, registrér").click().run()
    events = series(demo_database_url, "tryksaar_dage_mellem")
    assert len(events) == events_before + 1 and events["date"].max() == DEMO_TODAY
    assert [s.value for s in app.success] == ["Gemt: Nyt tryksår den 22-11-2026."]
    button(app, "Fortryd").click().run()
    assert len(series(demo_database_url, "tryksaar_dage_mellem")) == events_before


def test_cancelling_the_confirmation_records_nothing(entry, demo_database_url):
    events_before = len(series(demo_database_url, "tryksaar_dage_mellem"))
    app = button(entry, "Nyt tryksår").click().run()
    app = button(app, "Annullér").click().run()
    assert len(series(demo_database_url, "tryksaar_dage_mellem")) == events_before
    assert "Nyt tryksår" in [b.label for b in app.button]


def test_a_note_that_looks_like_a_cpr_number_is_refused_under_the_note_field(
        entry, demo_database_url):
    events_before = len(series(demo_database_url, "tryksaar_dage_mellem"))
    app = button(entry, "Nyt tryksår").click().run()
    (note,) = [t for t in app.text_input if t.label == "Note (valgfri)"]
    note.input("borger 010203-1234")
    app = button(app, "Ja, registrér").click().run()
    beside = block_holding(app.main, "Note (valgfri)", "text_input")
    assert [e.value for e in elements(beside, "error")] == [
        "Note (valgfri): ligner et CPR-nummer; personoplysninger hører ikke hjemme i Tavle"]
    assert len(series(demo_database_url, "tryksaar_dage_mellem")) == events_before


def test_the_latest_entry_is_listed_first_and_a_correction_can_be_undone(entry,
                                                                        demo_database_url):
    app = register_triage(entry, 23, 25)
    listed = [m.value for m in app.markdown if m.value.startswith("**")]
    assert listed[0].startswith("**Andel borgere triageret dagligt, i dag: 23 af 25**")
    app = button(app, "Ret").click().run()
    number_input(app, "Triageret i dag", -1).set_value(24)  # the correction form's
    app = button(app, "Gem rettelse").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) == (24, 25)
    assert [s.value for s in app.success] == [
        "Rettet: Andel borgere triageret dagligt, i dag: 24 af 25."]
    button(app, "Fortryd").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) == (23, 25)


def test_a_refused_correction_names_the_field_and_changes_nothing(entry, demo_database_url):
    app = register_triage(entry, 23, 25)
    app = button(app, "Ret").click().run()
    number_input(app, "Triageret i dag", -1).set_value(30)
    app = button(app, "Gem rettelse").click().run()
    beside = block_holding(app.main, "Triageret i dag", index=-1)
    assert [e.value for e in elements(beside, "error")] == [
        "Triageret i dag: må ikke være større end nævneren (30 > 25)"]
    assert len(app.error) == 1
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) == (23, 25)


def test_an_english_user_reads_a_refused_correction_in_english_only(monkeypatch,
                                                                  demo_database_url):
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken", lang="en")
    app = button(app, "Correct").click().run()
    kind, row_id = app.session_state["entry.editing"]
    engine = make_engine(demo_database_url)
    try:  # another tablet deletes the row while this one corrects it
        with write_session(engine) as session:
            (delete_entry if kind == "entry" else delete_event)(row_id, session=session,
                                                                actor="cli:test")
    finally:
        engine.dispose()
    app = button(app, "Save correction").click().run()
    assert [e.value for e in app.error] == [f"There is no {kind} with id {row_id}."]


def test_a_deleted_entry_is_gone_from_the_series_until_it_is_brought_back(entry,
                                                                          demo_database_url):
    app = register_triage(entry, 23, 25)
    app = button(app, "Slet").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) is None
    assert [s.value for s in app.success] == [
        "Slettet: Andel borgere triageret dagligt, i dag: 23 af 25."]
    button(app, "Fortryd").click().run()
    assert figures_on(demo_database_url, "triage_dagligt", DEMO_TODAY) == (23, 25)


def test_the_chosen_unit_is_kept_in_the_url_for_the_tablets_bookmark(entry):
    entry.selectbox(key="unit_picker").select("akutteamet").run()
    assert entry.query_params["enhed"] == "akutteamet"
    headings = [m.value for m in entry.markdown if m.value.startswith("### ")]
    assert "### Andel røde med handleplan inden for vagten" in headings


def in_page_order(node):
    """Yield every element and block below node in the order the page shows them."""
    for _, child in sorted(getattr(node, "children", {}).items()):
        yield child
        yield from in_page_order(child)


def captions_by_card(app) -> dict[str, list[str]]:
    """Return each card's heading (without "### ") → the captions under it."""
    found: dict[str, list[str]] = {}
    heading = None
    for element in in_page_order(app.main):
        if element.type == "markdown" and element.value.startswith("### "):
            heading = element.value.removeprefix("### ")
            found[heading] = []
        elif element.type == "caption" and heading is not None:
            found[heading].append(element.value)
    return found


def test_a_process_card_says_the_unit_samples_from_the_day_of_the_switch(monkeypatch,
                                                                         demo_database_url):
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        switch_sampling(find_unit("solbakken", session=session), "tryksaar", DEMO_TODAY,
                        session=session, actor="system:test", today=DEMO_TODAY)
    engine.dispose()
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken")
    label = ":material/fact_check: Stikprøve siden 22-11-2026: tæl kun de journaler, I har tjekket"
    captions = captions_by_card(app)
    sampled = {card for card, texts in captions.items() if any(t.startswith(label) for t in texts)}
    assert sampled == {"Andel i risiko der fik alle elementer i HUSK",
                       "Andel med dokumenteret risikovurdering"}  # not the result, nor Fald's process
    app.date_input(key="entry.date").set_value(YESTERDAY).run()
    captions = captions_by_card(app)
    assert not any(t.startswith(label) for texts in captions.values() for t in texts)


def todays_box(app) -> str:
    """Return the state of today's box in the first calendar on the page."""
    html = next(m.value for m in app.markdown if "tavle-calendar" in m.value)
    found = re.search(r'tavle-calendar-day--(\w+)" title="[^"]*i dag"', html)
    return found.group(1)


def test_one_tap_confirms_today_without_an_ulcer_and_undo_makes_it_blank_again(entry):
    assert todays_box(entry) == "unconfirmed"
    app = button(entry, "Dagen gik uden nyt tryksår").click().run()
    assert not app.exception
    assert todays_box(app) == "safe"
    assert [s.value for s in app.success] == ["Gemt: 22-11-2026 uden nyt tryksår."]
    app = button(app, "Fortryd").click().run()
    assert todays_box(app) == "unconfirmed"


def test_registering_an_ulcer_turns_today_red_and_takes_the_safe_day_button_away(entry):
    app = button(entry, "Nyt tryksår").click().run()
    app = button(app, "Ja, registrér").click().run()
    assert todays_box(app) == "event"
    assert not [b for b in app.button if b.label == "Dagen gik uden nyt tryksår"]


def test_an_event_card_says_in_one_line_what_to_count(entry):
    captions = [c.value for c in entry.caption]
    assert (":material/info: Tæl: Nyt tryksår kategori 2–4 eller ikke-kategoriserbart, opstået i "
            "enheden.") in captions


def test_a_red_day_on_the_tablets_calendar_lists_the_falls_registered_that_day(entry):
    (falls,) = [group for group in entry.button_group if group.label == "Åbn en rød dag"]
    app = falls.set_value(date(2026, 11, 11)).run()
    assert any(m.value.startswith("**11-11-2026**: 1 registreret\n- ") for m in app.markdown)
