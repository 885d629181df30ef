"""The overview in a real browser: the demo municipality at a glance, and a click into a chart.

One server for the module, on one copy of the demo municipality; screenshots go to
test-artefacts/ (overview-1920.png, overview-1024.png, overview-click-chart.png).
"""

import re

import pytest

from tests.app.test_accessibility import blocking_violations
from tests.browser import artefact, sign_in_as_demo

pytestmark = pytest.mark.browser

WALL = {"width": 1920, "height": 1080}
TABLET = {"width": 1024, "height": 768}
WAIT_MS = 60_000


def open_overview(browser, server, viewport):
    """Sign in as the demo manager on the overview and wait for the matrix."""
    page = browser.new_page(viewport=viewport)
    page.goto(f"{server}/overblik")
    sign_in_as_demo(page, "demo-leder")
    table = page.locator(".tavle-overview table")
    table.wait_for(timeout=WAIT_MS)
    return page, table


def test_the_overview_shows_every_demo_unit_without_serious_accessibility_violations(browser,
                                                                                     server):
    page, table = open_overview(browser, server, WALL)
    for unit in ("Plejecenter Solbakken", "Hjemmeplejen Nord", "Akutteamet"):
        assert table.get_by_role("rowheader", name=unit).count() == 1
    for area in ("Område Nord", "Område Syd"):
        assert table.get_by_role("rowheader", name=area).count() == 1
    header = table.locator("thead th").first
    assert header.evaluate("cell => getComputedStyle(cell).position") == "sticky"
    assert page.locator(".tavle-overview-legend").get_by_text("Forbedring").count() == 1
    assert blocking_violations(page) == []
    page.screenshot(path=artefact("overview-1920.png"))
    page.close()


def test_clicking_a_cell_opens_its_chart_in_the_same_signed_in_session(browser, server):
    page, table = open_overview(browser, server, TABLET)
    page.screenshot(path=artefact("overview-1024.png"))
    cell = table.locator('a[data-unit="solbakken"][data-indicator="tryksaar_bundt"]')
    assert "Plejecenter Solbakken" in cell.get_attribute("title")
    assert cell.get_attribute("href") == "diagrammer?enhed=solbakken&indikator=tryksaar_bundt"
    page.evaluate("window.stillThisPage = true")  # gone if the browser loaded a page anew

    cell.click()
    page.wait_for_url(re.compile(r"/diagrammer\?.*enhed=solbakken"), timeout=WAIT_MS)
    page.get_by_role("heading", name="Diagrammer").wait_for(timeout=WAIT_MS)
    assert "indikator=tryksaar_bundt" in page.url
    assert page.evaluate("window.stillThisPage === true")
    assert page.locator(".st-key-demo-demo-leder").count() == 0  # no sign-in form
    indicator = page.get_by_role("combobox", name="Indikator")
    assert indicator.input_value() == "Andel i risiko der fik alle elementer i HUSK"
    assert page.get_by_text("Plejecenter Solbakken").count() >= 1
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=WAIT_MS)
    page.screenshot(path=artefact("overview-click-chart.png"), full_page=True)
    page.close()
