"""The wall screen stays up: a kiosk never idles out, and the board becomes one in one press."""

import time

from app.access.identity import LAST_ACTIVITY_KEY, USER_KEY
from app.board.wall_switch import app_address, wall_address
from tests.app.app_pages import button, open_kiosk, open_page

IDLE_MINUTES = "1"


def test_a_signed_in_kiosk_still_shows_the_board_after_twice_the_idle_time(monkeypatch,
                                                                           demo_database_url):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", IDLE_MINUTES)
    app = open_kiosk(monkeypatch, demo_database_url, enhed="solbakken", kiosk="1")
    app.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 2 * 60 - 1
    app.run()
    assert not app.exception
    assert app.title[0].value == "Plejecenter Solbakken"
    assert app.session_state[USER_KEY].username == "demo-admin"
    assert not app.info  # no "you were signed out" notice


def test_the_ordinary_board_page_still_signs_out_after_the_idle_time(monkeypatch,
                                                                    demo_database_url):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", IDLE_MINUTES)
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")
    app.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 61
    app.run()
    assert USER_KEY not in app.session_state


def test_one_press_turns_the_board_into_its_wall_screen_which_then_outlasts_the_idle_time(
        monkeypatch, demo_database_url):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", IDLE_MINUTES)
    app = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-teamleder",
                    enhed="solbakken")
    assert app.title[0].value == "Tavle: Plejecenter Solbakken"
    button(app, "Vis som vægskærm").click().run()
    assert app.query_params["kiosk"] == "1" and app.query_params["enhed"] == "solbakken"
    assert app.title[0].value == "Plejecenter Solbakken"
    assert not app.button  # the wall screen has no controls
    app.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 2 * 60 - 1
    app.run()
    assert app.title[0].value == "Plejecenter Solbakken"


def test_the_wall_address_is_the_full_address_whatever_page_it_was_made_on():
    assert app_address("http://tavle.kommune.dk:8501/tavle") == "http://tavle.kommune.dk:8501"
    assert app_address("https://k.dk/apps/tavle/brugere") == "https://k.dk/apps/tavle"
    assert app_address("http://10.0.0.5:8501/") == "http://10.0.0.5:8501"
    assert app_address(None) == ""
    assert wall_address("solbakken", "http://srv:8501/tavle") == (
        "http://srv:8501/?enhed=solbakken&kiosk=1")


def test_the_board_lists_each_change_in_full_under_its_chart_and_links_each_chart_to_its_analysis(
        monkeypatch, demo_database_url):
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="solbakken")
    listed = [m.value for m in app.markdown if m.value.startswith('<ol class="tavle-changes"')]
    assert listed and all("…" not in html for html in listed)
    assert '<span class="tavle-change-number">1</span> 22-04-2025: Ny teamleder' in listed[0]
    links = [element for element in app.main.children.values()]  # the page renders
    assert links
    page_links = [m for m in _all(app.main) if m.type == "page_link"]
    charts = [m for m in app.markdown if m.value.startswith('<h3 class="tavle-chart-title">')]
    assert len(page_links) == len(charts) > 0
    assert all(link.label == "Åbn i Diagrammer" for link in page_links)


def _all(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _all(child)


def test_an_empty_units_board_points_to_registrer(monkeypatch, demo_database_url):
    from db import create_unit, find_indicator, make_engine, set_unit_indicators, write_session

    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        unit_id = create_unit("Plejecenter Ny", kind="unit", parent_id=None, session=session,
                              actor="system:test", code="ny")
        set_unit_indicators(unit_id, [find_indicator("triage_dagligt", session=session).id],
                            session=session, actor="system:test")
    engine.dispose()
    app = open_page("board.py", monkeypatch, demo_database_url, enhed="ny")
    assert not app.exception
    assert any(i.value.startswith("Der er ikke registreret noget på enheden endnu") for i in app.info)
    links = [m for m in _all(app.main) if m.type == "page_link"]
    assert any(link.label == "Gå til Registrér" for link in links)
