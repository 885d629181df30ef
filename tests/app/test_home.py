"""The home page and the navigation skeleton, through Streamlit's AppTest."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from db import find_unit, list_units, make_engine, read_series, read_session
from reports import unit_board
from tests.app.app_pages import button, open_page
from tests.conftest import DEMO_TODAY

MAIN = str(Path(__file__).resolve().parents[2] / "app" / "main.py")


@pytest.fixture
def empty_database_url(tmp_path) -> str:
    """A database file that does not exist yet: the app creates and migrates it."""
    return f"sqlite:///{tmp_path / 'tavle.db'}"


def run_app(monkeypatch, database_url) -> AppTest:
    return open_page("home.py", monkeypatch, database_url)


def test_home_page_shows_the_danish_title_and_what_tavle_is(monkeypatch, empty_database_url):
    app = run_app(monkeypatch, empty_database_url)
    assert not app.exception
    assert app.title[0].value == "Tavle"
    assert any("seriediagrammer" in block.value for block in app.markdown)


def test_navigation_lists_the_five_work_areas_in_danish(monkeypatch, demo_database_url):
    from app.navigation import PAGES
    from app.strings.da import STRINGS

    titles = [STRINGS[key] for _, key, _, _ in PAGES]
    for expected in ("Registrér", "Tavle", "Diagrammer", "Rapporter", "Administration"):
        assert expected in titles
    app = run_app(monkeypatch, demo_database_url)
    for filename, _, _, _ in PAGES[1:]:
        page = app.switch_page(str(Path(MAIN).parent / "views" / filename)).run()
        assert not page.exception
        assert page.title[0].value.split(":")[0] in titles


def test_an_empty_database_offers_the_demo_and_one_tap_fills_every_units_board(
        monkeypatch, empty_database_url):
    app = open_page("home.py", monkeypatch, empty_database_url, as_user=None)
    assert [i.value for i in app.info] == [
        "Databasen er tom. Indlæs demo-kommunen, så ser du tre enheder med to års data på "
        "tavlerne om et øjeblik."]
    app = button(app, "Indlæs demo-kommunen").click().run()
    assert [s.value for s in app.success] == [
        "Demo-kommunen er indlæst. Log ind som en af demobrugerne herunder."]
    app = button(app, "Prøv som administrator").click().run()
    assert app.title[0].value == "Tavle" and len(app.get("page_link")) == 9
    engine = make_engine(empty_database_url)
    with read_session(engine) as session:
        units = list_units(session=session)
        solbakken = find_unit("solbakken", session=session)
        charts = unit_board(solbakken, session=session, actor="system", today=DEMO_TODAY)
        first = read_series(solbakken, charts[0].indicator.id, session=session, actor="system")
    engine.dispose()
    assert len(units[units["kind"] == "unit"]) == 3
    assert len(charts) == 8 and not first.empty  # seeded as of the app's today


def test_with_data_each_unit_links_to_its_board_its_entry_page_and_its_wall_screen(
        monkeypatch, demo_database_url):
    app = run_app(monkeypatch, demo_database_url)
    assert not [b for b in app.button if b.label == "Indlæs demo-kommunen"]
    links = [(link.proto.label, link.proto.query_string) for link in app.get("page_link")]
    assert ("Tavle", "enhed=solbakken") in links
    assert ("Registrér", "enhed=solbakken") in links
    assert ("Vægskærm", "enhed=solbakken&kiosk=1") in links
    assert len(links) == 9  # three units, three ways in each


def test_the_links_keep_the_english_choice(monkeypatch, demo_database_url):
    app = open_page("home.py", monkeypatch, demo_database_url, lang="en")
    assert "### Where to start" in [m.value for m in app.markdown]
    links = [link.proto.query_string for link in app.get("page_link")]
    assert "enhed=akutteamet&lang=en" in links
