"""The home page and the navigation skeleton, through Streamlit's AppTest."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

MAIN = str(Path(__file__).resolve().parents[2] / "app" / "main.py")


def run_app() -> AppTest:
    app = AppTest.from_file(MAIN, default_timeout=30)
    return app.run()


def test_home_page_shows_the_danish_title_and_what_tavle_is():
    app = run_app()
    assert not app.exception
    assert app.title[0].value == "Tavle"
    assert "seriediagrammer" in app.markdown[0].value or any(
        "seriediagrammer" in block.value for block in app.markdown
    )


def test_navigation_lists_the_five_work_areas_in_danish():
    from app.navigation import PAGES
    from app.strings.da import STRINGS

    titles = [STRINGS[key] for _, key, _, _ in PAGES]
    for expected in ("Registrér", "Tavle", "Diagrammer", "Rapporter", "Administration"):
        assert expected in titles
    app = run_app()
    for filename, _, _, _ in PAGES[1:]:
        page = app.switch_page(str(Path(MAIN).parent / "views" / filename)).run()
        assert not page.exception
        assert page.title[0].value in titles
