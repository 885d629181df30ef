"""The real server in a real browser: a title-row, wide, two-sheet workbook mapped and imported."""

import pytest

from tests.browser import artefact, chromium_page, sign_in_as_demo, streamlit_server
from tests.conftest import DEMO_TODAY
from tests.db.sheets import boegely_workbook

pytestmark = pytest.mark.browser
WAIT_MS = 60_000


def choose(page, label: str, typed: str) -> None:
    """Pick an option of a Streamlit selectbox by typing part of it."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.fill(typed)
    page.wait_for_timeout(400)  # the list filters before Enter picks its first option
    box.press("Enter")
    page.wait_for_timeout(800)


def test_a_team_workbook_is_mapped_previewed_and_imported_on_a_1440_by_900_screen(
        demo_database_url, tmp_path):
    workbook = tmp_path / "Bøgely tidlig opsporing.xlsx"
    workbook.write_bytes(boegely_workbook())
    env = {"TAVLE_DATABASE_URL": demo_database_url, "TAVLE_TODAY": DEMO_TODAY.isoformat()}
    with streamlit_server(env=env) as url, chromium_page(width=1440, height=900) as page:
        page.goto(url)
        sign_in_as_demo(page)
        page.locator('[data-testid="stSidebarNav"]').get_by_text(
            "Administration", exact=True).click()
        page.get_by_role("tab", name="Import").click()
        page.locator('input[type="file"]').first.set_input_files(str(workbook))
        page.get_by_role("combobox", name="Enheden filen er for").wait_for(timeout=WAIT_MS)
        choose(page, "Enheden filen er for", "Solbakken")
        page.get_by_text("'Antal triagerede' kendes ikke").first.wait_for(timeout=WAIT_MS)
        page.screenshot(path=artefact("import-mapping-1440.png"))
        choose(page, "C: Antal triagerede", "triageret dagligt: tæller")
        choose(page, "D: Antal borgere", "triageret dagligt: nævner")
        page.get_by_text("gennemgået uden problemer").wait_for(timeout=WAIT_MS)
        assert page.get_by_text("er beregnet af andre kolonner").count() == 1
        page.get_by_text("Data, som de bliver læst (de første").scroll_into_view_if_needed()
        page.screenshot(path=artefact("import-preview-1440.png"))
        page.set_viewport_size({"width": 1440, "height": 3200})
        page.screenshot(path=artefact("import-preview-1440-full.png"), full_page=True)
        page.set_viewport_size({"width": 1440, "height": 900})
        page.get_by_role("button", name="Importér").click()
        page.get_by_text("Bøgely tidlig opsporing.xlsx er importeret").wait_for(timeout=WAIT_MS)
        page.screenshot(path=artefact("import-done-1440.png"))
