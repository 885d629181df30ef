"""WCAG 2.1 AA on the entry page and the board: axe-core in Chromium, and the keyboard alone.

axe-core (bundled by axe-playwright-python) checks labels, names, contrast,
landmarks and ARIA on the live page; we fail on every serious or critical
violation, in the states a nurse and a team leader actually see.
"""

import shutil
from datetime import date

import pytest

from db import find_unit, make_engine, record_board_meeting, write_session
from tests.browser import sign_in_as_demo, streamlit_server
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
TABLET = {"width": 1024, "height": 768}
WALL = {"width": 1920, "height": 1080}
WAIT_MS = 60_000
# The thousands of paths Vega draws a chart with: each chart is checked as a whole (its
# svg carries the alt text naming the chart and its verdict, and the verdict is page text),
# and walking every path triples axe's time on the board without checking anything we own.
CHART_DRAWING = [[".vega-embed svg.marks g"]]


@pytest.fixture(scope="module")
def server(demo_template, tmp_path_factory):
    copy = tmp_path_factory.mktemp("accessibility") / "tavle.db"
    shutil.copyfile(demo_template, copy)
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    with write_session(engine) as session:  # so the board shows its "NY" marks
        record_board_meeting(find_unit("solbakken", session=session), date(2026, 10, 1),
                             session=session, actor="system:test", today=DEMO_TODAY)
    engine.dispose()
    with streamlit_server(env={"TAVLE_DATABASE_URL": url,
                               "TAVLE_TODAY": DEMO_TODAY.isoformat()}) as address:
        yield address


def open_page(browser, url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(url)
    sign_in_as_demo(page)
    page.locator("h1").first.wait_for(timeout=WAIT_MS)
    return page


def wait_until_idle(page) -> None:
    """Wait for the script run to end: Streamlit fades stale elements while it runs."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')""", timeout=WAIT_MS)
    page.wait_for_timeout(300)  # the fade back to full opacity is a short transition


def blocking_violations(page) -> list[str]:
    """Run axe-core on the page and return its serious and critical WCAG 2.1 AA findings."""
    from axe_playwright_python.sync_playwright import Axe

    wait_until_idle(page)
    results = Axe().run(page, context={"exclude": CHART_DRAWING},
                        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [f"{violation['id']} ({violation['impact']}): "
            f"{[node['target'] for node in violation['nodes']][:3]}"
            for violation in results.response["violations"] if violation["impact"] in BLOCKING]


def test_the_entry_page_has_no_serious_violations_at_rest_in_a_confirmation_and_after_an_error(
        browser, server):
    page = open_page(browser, f"{server}/registrer?enhed=solbakken", TABLET)
    page.get_by_role("button", name="Nyt tryksår", exact=True).wait_for(timeout=WAIT_MS)
    assert blocking_violations(page) == []
    page.get_by_role("button", name="Nyt tryksår", exact=True).click()
    page.get_by_role("textbox", name="Note (valgfri)").fill("borger 010203-1234")
    page.get_by_role("button", name="Ja, registrér").click()
    page.get_by_text("ligner et CPR-nummer").wait_for(timeout=WAIT_MS)
    assert blocking_violations(page) == []
    page.get_by_label("Triageret i dag").fill("20")
    page.get_by_label("af borgere").first.fill("25")  # triage: the first card
    page.get_by_role("button", name="Gem").first.click()
    page.get_by_role("button", name="Fortryd").wait_for(timeout=WAIT_MS)
    assert blocking_violations(page) == []


def test_the_board_and_the_wall_screen_have_no_serious_violations(browser, server):
    board = open_page(browser, f"{server}/tavle?enhed=solbakken", WALL)
    board.locator(".tavle-new").first.wait_for(timeout=WAIT_MS)
    board.locator('[data-testid="stVegaLiteChart"] svg.marks').nth(7).wait_for(
        timeout=WAIT_MS, state="attached")
    assert blocking_violations(board) == []
    wall = open_page(browser, f"{server}/?enhed=solbakken&kiosk=1", WALL)
    wall.locator(".tavle-counter").first.wait_for(timeout=WAIT_MS)
    assert blocking_violations(wall) == []


def tab_to(page, target, *, most: int = 250) -> None:
    """Press Tab until target has the focus, as a keyboard user would (wrapping round)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_a_pressure_ulcer_can_be_registered_with_the_keyboard_alone(browser, server):
    page = open_page(browser, f"{server}/registrer?enhed=solbakken", TABLET)
    new_ulcer = page.get_by_role("button", name="Nyt tryksår", exact=True)
    new_ulcer.wait_for(timeout=WAIT_MS)
    tab_to(page, new_ulcer)
    page.keyboard.press("Enter")
    note = page.get_by_role("textbox", name="Note (valgfri)")
    note.wait_for(timeout=WAIT_MS)
    tab_to(page, note)
    page.keyboard.type("hæl")
    tab_to(page, page.get_by_role("button", name="Ja, registrér"))
    page.keyboard.press("Enter")
    page.get_by_text("Gemt: Nyt tryksår den 22-11-2026.").wait_for(timeout=WAIT_MS)
