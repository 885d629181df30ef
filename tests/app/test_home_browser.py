"""The real server in a real browser: the home page and its navigation."""

import pytest

from tests.browser import artefact, chromium_page, sign_in_as_demo, streamlit_server

pytestmark = pytest.mark.browser


def test_browser_shows_the_home_page_title_and_the_five_work_areas(demo_database_url):
    with streamlit_server(env={"TAVLE_DATABASE_URL": demo_database_url}) as url, \
            chromium_page() as page:
        page.goto(url)
        sign_in_as_demo(page)
        page.get_by_role("heading", name="Tavle", exact=True).first.wait_for(timeout=30_000)
        navigation = page.locator('[data-testid="stSidebarNav"]')
        for entry in ("Registrér", "Tavle", "Diagrammer", "Rapporter", "Administration"):
            assert navigation.get_by_text(entry, exact=True).count() == 1
        page.screenshot(path=artefact("home.png"), full_page=True)
