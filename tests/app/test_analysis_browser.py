"""Diagrammer in a real browser: the demo chart, its PNG download, and a saved phase splitting it.

Screenshots of the page before and after, of two units compared, and of the
administration page are left in test-artefacts/ to be looked at.
"""

import pytest

from tests.browser import artefact, chromium_page, sign_in_as_demo, streamlit_server
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Vega labels each drawn line with its data; "line: 1" is a line of the second phase.
SECOND_PHASE_LINES = 'path[aria-label*="line: 1"]'


def test_a_saved_phase_splits_the_chart_and_the_chart_downloads_as_png(demo_database_url):
    env = {"TAVLE_DATABASE_URL": demo_database_url, "TAVLE_TODAY": DEMO_TODAY.isoformat()}
    with streamlit_server(env=env) as url, chromium_page(1280, 900) as page:
        page.goto(f"{url}/diagrammer?enhed=hjemmeplejen-nord&indikator=triage_dagligt")
        sign_in_as_demo(page)
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.locator("svg path").first.wait_for(timeout=60_000)
        assert chart.locator(SECOND_PHASE_LINES).count() == 0
        page.screenshot(path=artefact("analysis_one_phase.png"))

        chart.hover()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download as PNG").click()
        with open(download.value.path(), "rb") as picture:
            assert picture.read(8) == PNG_SIGNATURE

        # The date field is three spin buttons (day, month, year); typing moves across them.
        page.get_by_role("spinbutton", name="day, Dato").first.click()
        page.keyboard.type("03112025")
        page.get_by_label("Begrundelse (skal udfyldes)").fill("Triage flyttet til morgenmødet")
        page.get_by_role("button", name="Gem", exact=True).click()
        page.get_by_text("Skift gemt: ny fase fra 03-11-2025.").wait_for(timeout=30_000)
        # attached, not visible: a limit drawn along the top edge is a line of no height
        chart.locator(SECOND_PHASE_LINES).first.wait_for(state="attached", timeout=30_000)
        # The centre line and both limits start again in the new phase.
        assert chart.locator(SECOND_PHASE_LINES).count() >= 3
        page.get_by_text("Skift fra 03-11-2025").wait_for()

        chart.scroll_into_view_if_needed()
        page.screenshot(path=artefact("analysis_two_phases.png"))
        page.set_viewport_size({"width": 1280, "height": 2600})  # the whole page at once
        page.get_by_text("Sådan læser du diagrammet").click()
        page.get_by_text("Samlet for den seneste fase").wait_for()
        page.screenshot(path=artefact("analysis_full_page.png"), full_page=True)

        units = page.get_by_role("combobox", name="Enheder")
        units.click()
        page.get_by_role("option", name="Plejecenter Solbakken").click()
        page.keyboard.press("Escape")
        page.get_by_text("Panelerne har fælles akser").wait_for(timeout=30_000)
        page.screenshot(path=artefact("analysis_small_multiples.png"), full_page=True)

        page.goto(f"{url}/administration")
        # A new page load keeps the sign-in (its cookie names a live session): no second sign-in.
        page.get_by_text("Plejecenter Solbakken · enhed").wait_for(timeout=30_000)
        page.get_by_role("button", name="Slet enheden").wait_for()  # the last thing drawn
        page.screenshot(path=artefact("administration.png"), full_page=True)
