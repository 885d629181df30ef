"""Tavle: counters against the goal, a chart and verdict per indicator, NY since the meeting, kiosk."""

import json
from datetime import date

import pytest

from app.board.counters import Counter, counter_html, counter_status
from app.board.kiosk import (
    DEFAULT_ROTATE_SECONDS,
    MIN_ROTATE_SECONDS,
    REFRESH_SECONDS,
    KioskRequest,
    Screen,
    is_kiosk,
    kiosk_request,
    screens,
    seconds_per_screen,
)
from db import find_unit, last_board_meeting, read_session, record_board_meeting, write_session
from reports import palette, unit_board
from tests.app.app_pages import button, elements, open_kiosk, open_page
from tests.conftest import DEMO_TODAY

MEETING = date(2026, 10, 1)


def solbakken_charts(engine):
    with read_session(engine) as session:
        return unit_board(find_unit("solbakken", session=session), session=session, actor="system",
                          today=DEMO_TODAY)


def note_meeting(engine, day):
    with write_session(engine) as session:
        record_board_meeting(find_unit("solbakken", session=session), day, session=session,
                             actor="system:tina", today=DEMO_TODAY)


def counters(app):
    return [m.value for m in app.markdown if 'class="tavle-counter ' in m.value]


def chart_titles(app):
    return [m.value for m in app.markdown if m.value.startswith('<h3 class="tavle-chart-title">')]


@pytest.fixture
def board(monkeypatch, demo_database_url):
    return open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")


def test_every_event_indicator_gets_a_days_since_counter_worded_against_the_300_day_goal(
        board, demo_engine):
    events = [c for c in solbakken_charts(demo_engine)
              if c.indicator.definition.measure == "events"]
    shown = counters(board)
    assert len(shown) == len(events) == 2
    for html, chart in zip(shown, events, strict=True):
        days = (DEMO_TODAY - chart.series["date"].max()).days
        assert f'<div class="tavle-counter-number">{days}</div>' in html
        assert f"○ {300 - days} dage til målet på 300" in html
        assert f"color: {palette.DETERIORATION.colour}" in html
    # "dage siden sidste nye tryksår": the event in its definite form, in lower case (issue 13)
    assert ">nye tryksår<" in shown[0] and ">fald<" in shown[1]


@pytest.mark.parametrize(("days", "goal", "status"), [
    (300, 300.0, "reached"), (299, 300.0, "below"), (301, 300.0, "reached"),
    (12, None, "no_goal"), (None, 300.0, "no_events")])
def test_a_counter_meets_the_goal_from_exactly_the_goals_number_of_days(days, goal, status):
    assert counter_status(days, goal) == status


def test_a_counter_says_its_state_in_a_word_and_a_symbol_not_only_in_colour():
    reached = counter_html(Counter("nyt tryksår", 312, 300.0, "reached"), "da")
    below = counter_html(Counter("fald", 5, 300.0, "below"), "en")
    none = counter_html(Counter("fald", None, 300.0, "no_events"), "da")
    assert "✓ Målet er nået: mindst 300 dage" in reached and palette.TARGET.colour in reached
    assert "○ 295 days to the goal of 300" in below
    assert "–" in none and "Ingen registreret endnu" in none


def test_each_chart_has_its_verdict_led_by_the_palettes_symbol_and_word(board, demo_engine):
    charts = solbakken_charts(demo_engine)
    verdicts = [m.value for m in board.markdown if 'class="tavle-verdict' in m.value]
    assert len(verdicts) == len(charts) == 8
    for html, chart in zip(verdicts, charts, strict=True):
        mark = palette.VERDICT_MARKS[chart.model.verdict.kind]
        assert (f'<span aria-hidden="true">{mark.glyph}</span> <strong>{mark.word("da")}:</strong> '
                f'{chart.model.verdict.da}') in html


def test_each_chart_is_drawn_large_with_its_goal_line_and_the_pdsa_annotations(board,
                                                                               demo_engine):
    specs = [json.loads(chart.proto.spec) for chart in elements(board.main, "vega_lite_chart")]
    assert len(specs) == 8
    assert all(spec["config"]["axis"]["labelFontSize"] >= 24 for spec in specs)
    layers = [{layer.get("description") for layer in spec["layer"]} for spec in specs]
    charts = solbakken_charts(demo_engine)
    notes = [" ".join(layer["data"]["values"][0]["text"] for layer in spec["layer"]
                      if layer.get("description") == "annotation_notes") for spec in specs]
    for described, said, chart in zip(layers, notes, charts, strict=True):
        # A goal far beyond the data (300 days over falls 0-20 days apart) is said in words.
        goal_in_words = said.startswith("Mål: ")
        assert ("target" in described or goal_in_words) == (chart.model.target is not None)
        assert not ("target" in described and goal_in_words)
        assert ("annotations" in described) == bool(chart.model.annotations)
    assert any("annotations" in described for described in layers)


def test_the_board_speaks_english_on_request(monkeypatch, demo_database_url, demo_engine):
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken", lang="en")
    assert app.title[0].value == "Board: Plejecenter Solbakken"
    assert "days since the last" in counters(app)[0] and ">new pressure ulcer<" in counters(app)[0]
    first = solbakken_charts(demo_engine)[1].model.verdict
    verdicts = [m.value for m in app.markdown if 'class="tavle-verdict' in m.value]
    assert f"<strong>{palette.VERDICT_MARKS[first.kind].word('en')}:</strong> {first.en}" in \
        verdicts[1]


def test_without_a_noted_meeting_nothing_is_marked_new_and_the_page_says_how(board):
    assert not any('class="tavle-new"' in title for title in chart_titles(board))
    assert any(c.value.startswith("Intet tavlemøde noteret endnu") for c in board.caption)


def test_signals_after_the_last_board_meeting_are_marked_ny(monkeypatch, demo_database_url,
                                                            demo_engine):
    note_meeting(demo_engine, MEETING)
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")
    expected = [bool((chart.model.points["signal"]
                      & (chart.model.points["x"] > str(MEETING))).any())
                for chart in solbakken_charts(demo_engine)]
    marked = ['<span class="tavle-new"' in title for title in chart_titles(app)]
    assert marked == expected
    assert any(expected) and not all(expected)
    assert "Nyt signal siden tavlemødet 01-10-2026" in next(
        title for title in chart_titles(app) if "tavle-new" in title)


def test_board_meeting_held_today_clears_the_ny_marks_and_can_be_undone(
        monkeypatch, demo_database_url, demo_engine):
    note_meeting(demo_engine, MEETING)
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")
    app = button(app, "Tavlemøde holdt i dag").click().run()
    with read_session(demo_engine) as session:
        assert last_board_meeting(find_unit("solbakken", session=session),
                                  session=session, actor="system") == DEMO_TODAY
    assert not any("tavle-new" in title for title in chart_titles(app))
    assert [s.value for s in app.success] == ["Tavlemødet 22-11-2026 er noteret."]
    app = button(app, "Fortryd").click().run()
    assert any("tavle-new" in title for title in chart_titles(app))
    assert any(c.value.startswith("Sidste tavlemøde: 01-10-2026") for c in app.caption)


def test_the_kiosk_url_shows_the_board_alone_without_sidebar_buttons_or_navigation(
        monkeypatch, demo_database_url):
    app = open_kiosk(monkeypatch, demo_database_url, enhed="solbakken", kiosk="1")
    assert not app.exception
    assert len(app.sidebar.children) == 0
    assert [t.value for t in app.title] == ["Plejecenter Solbakken"]
    assert len(app.button) == 0 and len(app.selectbox) == 0
    assert "Skærm 1 af 3" in "".join(m.value for m in app.markdown)
    styles = "".join(h.proto.body for h in app.get("html"))
    assert '[data-testid="stHeader"]' in styles and '[data-testid="stSidebar"]' in styles
    assert len(counters(app)) == 2 and len(elements(app.main, "vega_lite_chart")) == 4


def test_the_kiosk_turns_through_each_units_screens_in_order(monkeypatch, demo_database_url):
    app = open_kiosk(monkeypatch, demo_database_url, enheder="solbakken,akutteamet", roter="30")
    seen = []
    for _ in range(7):
        screen = next(m.value for m in app.markdown if "Skærm " in m.value)
        calendars = sum("tavle-calendar" in m.value for m in app.markdown)
        seen.append((app.title[0].value, screen.split(">")[1].split("<")[0], calendars))
        app.run()
    # Each unit's charts, then its counters over this month's safety calendars.
    assert seen == [("Plejecenter Solbakken", "Skærm 1 af 6", 0),
                    ("Plejecenter Solbakken", "Skærm 2 af 6", 0),
                    ("Plejecenter Solbakken", "Skærm 3 af 6", 2),
                    ("Akutteamet", "Skærm 4 af 6", 0), ("Akutteamet", "Skærm 5 af 6", 0),
                    ("Akutteamet", "Skærm 6 af 6", 2),
                    ("Plejecenter Solbakken", "Skærm 1 af 6", 0)]
    assert not app.button_group  # the wall screen has no controls, red days included


def test_an_unknown_unit_in_the_kiosk_url_is_named_and_the_others_still_shown(
        monkeypatch, demo_database_url):
    app = open_kiosk(monkeypatch, demo_database_url, enheder="solbakken,ukendt")
    assert [e.value for e in app.error] == [
        "Enheden ukendt findes ikke. Tjek adressen på vægskærmen."]
    assert app.title[0].value == "Plejecenter Solbakken"


def test_the_kiosk_url_is_read_with_its_units_and_pace():
    assert is_kiosk({"enhed": "a", "kiosk": "1"}) and is_kiosk({"enheder": "a,b"})
    assert not is_kiosk({"enhed": "a"}) and not is_kiosk({"kiosk": "0"})
    assert kiosk_request({"enheder": "a, b,a,", "roter": "60"}) == KioskRequest(("a", "b"), 60)
    assert kiosk_request({"enhed": "a", "kiosk": "1"}) == KioskRequest(("a",), None)
    assert kiosk_request({"enhed": "a", "roter": "2"}).rotate_seconds == MIN_ROTATE_SECONDS
    assert kiosk_request({"enhed": "a", "roter": "hurtigt"}).rotate_seconds is None


def test_a_board_of_one_screen_refreshes_every_five_minutes_and_several_screens_turn():
    assert seconds_per_screen(KioskRequest(("a",)), 1) == REFRESH_SECONDS == 300
    assert seconds_per_screen(KioskRequest(("a",)), 2) == DEFAULT_ROTATE_SECONDS
    assert seconds_per_screen(KioskRequest(("a",), 45), 3) == 45


def test_screens_hold_four_charts_and_every_unit_gets_at_least_one():
    assert screens([8, 3, 0]) == [Screen(0, 0, 4), Screen(0, 4, 4), Screen(1, 0, 3),
                                  Screen(2, 0, 0)]
    assert screens([5], per_screen=4) == [Screen(0, 0, 4), Screen(0, 4, 1)]


def test_a_unit_with_event_indicators_gets_a_calendar_screen_after_its_charts():
    assert screens([5, 2], with_calendars=[True, False]) == [
        Screen(0, 0, 4), Screen(0, 4, 1), Screen(0, 0, 0, calendars=True), Screen(1, 0, 2)]


def test_each_event_indicator_has_this_months_safety_calendar_under_the_counters(board):
    calendars = [m.value for m in board.markdown if "tavle-calendar" in m.value]
    assert len(calendars) == 2  # Solbakken's new pressure ulcers and falls
    assert "Nyt tryksår · november 2026" in calendars[0] and "Fald · november 2026" in calendars[1]


def test_a_red_day_on_the_board_opens_that_days_events_with_their_notes(board):
    (falls,) = [group for group in board.button_group if group.label == "Åbn en rød dag"]
    assert falls.options == ["11-11-2026"]  # the month's one fall, as the calendar shows it red
    app = falls.set_value(date(2026, 11, 11)).run()
    listed = [m.value for m in app.markdown if m.value.startswith("**11-11-2026**")]
    assert listed and listed[0].startswith("**11-11-2026**: 1 registreret\n- ")


def test_a_harms_chart_folds_what_it_counts_under_it_as_om_maalingen(board):
    plans = [expander for expander in board.expander if expander.label == "Om målingen"]
    assert len(plans) == 2  # Solbakken's pressure ulcers and falls; the bundles have no plan yet
    assert plans[0].markdown[0].value.startswith("- **Hvad tælles:** Nyt tryksår kategori 2")


def _start(engine, code):
    from db import find_indicator, measuring_starts
    with read_session(engine) as session:
        unit_id = find_unit("solbakken", session=session)
        indicator_id = find_indicator(code, session=session).id
        return unit_id, indicator_id, measuring_starts(unit_id, session=session,
                                                       actor="system").get(indicator_id)


def test_the_team_leader_moves_the_measurement_start_back_and_undoes_it(monkeypatch,
                                                                        demo_database_url,
                                                                        demo_engine):
    unit_id, ulcers, before = _start(demo_engine, "tryksaar_dage_mellem")
    app = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-teamleder",
                    enhed="solbakken")
    assert "Målingens start" in [expander.label for expander in app.expander]
    app.date_input(key=f"board.start.{unit_id}.{ulcers}.day").set_value(date(2024, 6, 1))
    app = button(app, "Gem start", 0).click().run()
    assert [s.value for s in app.success] == ["Dage mellem nye tryksår: målingen begyndte 01-06-2024."]
    assert _start(demo_engine, "tryksaar_dage_mellem")[2] == date(2024, 6, 1)
    button(app, "Fortryd").click().run()
    assert _start(demo_engine, "tryksaar_dage_mellem")[2] == before


def test_a_start_after_the_first_registration_is_refused_under_its_date(monkeypatch,
                                                                        demo_database_url,
                                                                        demo_engine):
    unit_id, ulcers, before = _start(demo_engine, "tryksaar_dage_mellem")
    app = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-teamleder",
                    enhed="solbakken")
    app.date_input(key=f"board.start.{unit_id}.{ulcers}.day").set_value(date(2026, 11, 20))
    app = button(app, "Gem start", 0).click().run()
    assert any(error.value.startswith("Dage mellem nye tryksår: målingen kan ikke begynde efter")
               for error in app.error)
    assert _start(demo_engine, "tryksaar_dage_mellem")[2] == before


def test_a_registrant_sees_no_measurement_start_to_change(monkeypatch, demo_database_url):
    app = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-registrant",
                    enhed="solbakken")
    assert "Målingens start" not in [expander.label for expander in app.expander]


def test_the_whole_history_switch_charts_what_the_window_leaves_out(monkeypatch, demo_database_url):
    monkeypatch.setenv("TAVLE_HISTORY_YEARS", "1")
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")

    def points_of_2024() -> int:
        return sum(chart.proto.spec.count('"2024-') for chart in elements(app.main, "vega_lite_chart"))

    window = points_of_2024()
    assert not app.toggle(key="board.whole_history").value
    app.toggle(key="board.whole_history").set_value(True).run()
    # The demo holds two years: a year's window leaves most of 2024 out, the switch shows it.
    assert points_of_2024() > window + 50
