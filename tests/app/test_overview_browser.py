"""The overview in a real browser: the demo municipality at a glance, and a click into a chart."""

import re

import pytest

from tests.browser import artefact, chromium_page, sign_in_as_demo, streamlit_server

pytestmark = pytest.mark.browser


def test_the_overview_shows_every_demo_unit_and_a_cell_opens_its_chart(demo_database_url):
    env = {"TAVLE_DATABASE_URL": demo_database_url, "TAVLE_TODAY": "2026-11-22"}
    with streamlit_server(env=env) as url, chromium_page(width=1440, height=1400) as page:
        page.goto(f"{url}/overblik")
        sign_in_as_demo(page)
        table = page.locator(".tavle-overview table")
        table.wait_for(timeout=60_000)
        for unit in ("Plejecenter Solbakken", "Hjemmeplejen Nord", "Akutteamet"):
            assert table.get_by_role("rowheader", name=unit).count() == 1
        for area in ("Område Nord", "Område Syd"):
            assert table.get_by_role("rowheader", name=area).count() == 1
        cell = table.locator('a[data-unit="solbakken"][data-indicator="tryksaar_bundt"]')
        assert "Plejecenter Solbakken" in cell.get_attribute("title")
        page.screenshot(path=artefact("overview.png"), full_page=True)

        cell.click()
        page.wait_for_url(re.compile(r"/diagrammer\?.*enhed=solbakken"), timeout=30_000)
        sign_in_as_demo(page)  # the cell's link loads the page anew: a new session
        assert "indikator=tryksaar_bundt" in page.url
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=60_000)
        page.screenshot(path=artefact("overview_click_chart.png"), full_page=True)
