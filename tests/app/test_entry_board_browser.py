"""The real server in Debian's Chromium: register by tapping on a tablet, see it on the wall.

One server for the module, on one copy of the demo municipality; screenshots go
to test-artefacts/ (entry-landscape.png, entry-portrait.png, board-1920.png,
kiosk-1920.png).
"""

from datetime import timedelta

import pytest

from db import find_indicator, find_unit, make_engine, read_series, read_session
from reports import format_number
from tests.browser import artefact, sign_in_as_demo
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

LANDSCAPE_TABLET = {"width": 1024, "height": 768}
PORTRAIT_TABLET = {"width": 768, "height": 1024}
WALL = {"width": 1920, "height": 1080}
TOUCH_TARGET_PX = 48
WAIT_MS = 60_000


def open_page(browser, url, viewport, *, touch=False):
    context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=False)
    page = context.new_page()
    page.goto(url)
    sign_in_as_demo(page)
    page.locator("h1").first.wait_for(timeout=WAIT_MS)
    return page


def wait_for_charts(page, count):
    """Wait until count charts have drawn their marks."""
    page.locator('[data-testid="stVegaLiteChart"] svg.marks').nth(count - 1).wait_for(
        timeout=WAIT_MS, state="attached")
    page.wait_for_timeout(800)  # let the last chart finish its layout


def week_figures(module_demo_database_url):
    """Return the triage numerator and denominator recorded in today's week."""
    engine = make_engine(module_demo_database_url)
    with read_session(engine) as session:
        rows = read_series(find_unit("solbakken", session=session),
                           find_indicator("triage_dagligt", session=session).id, session=session, actor="system")
    engine.dispose()
    monday = DEMO_TODAY - timedelta(days=DEMO_TODAY.weekday())
    week = rows[rows["date"] >= monday]
    return week["numerator"].sum(), week["denominator"].sum()


def test_a_pressure_ulcer_and_a_triage_tapped_in_on_a_tablet_show_on_the_wall_board(
        browser, server, module_demo_database_url):
    triaged, citizens = week_figures(module_demo_database_url)
    tablet = open_page(browser, f"{server}/registrer?enhed=solbakken", LANDSCAPE_TABLET,
                       touch=True)
    tablet.get_by_role("button", name="Nyt tryksår", exact=True).tap()
    tablet.get_by_text("Registrér nyt tryksår den 22-11-2026?").wait_for(timeout=WAIT_MS)
    tablet.get_by_role("button", name="Ja, registrér").tap()
    tablet.get_by_text("Gemt: Nyt tryksår den 22-11-2026.").wait_for(timeout=WAIT_MS)

    tablet.get_by_label("Triageret i dag").tap()
    tablet.keyboard.type("23")
    tablet.get_by_label("af borgere").first.tap()  # triage: the first card
    tablet.keyboard.type("25")
    tablet.get_by_role("button", name="Gem").first.tap()
    saved = tablet.get_by_text("Gemt: Andel borgere triageret dagligt, i dag: 23 af 25.")
    saved.wait_for(timeout=WAIT_MS)
    saved.scroll_into_view_if_needed()
    tablet.screenshot(path=artefact("entry-landscape.png"))

    wall = open_page(browser, f"{server}/tavle?enhed=solbakken", WALL)
    wait_for_charts(wall, 8)
    pressure_ulcers = wall.locator(".tavle-counter").first
    assert pressure_ulcers.locator(".tavle-counter-number").inner_text() == "0"
    assert "nye tryksår" in pressure_ulcers.inner_text()
    triage = wall.locator(".tavle-latest").filter(has_text="uge 47, 2026").inner_text()
    assert triage.startswith("Seneste: uge 47, 2026 · ")
    assert triage.endswith(f"({format_number(triaged + 23)} af {format_number(citizens + 25)})")
    wall.screenshot(path=artefact("board-1920.png"))


def test_every_button_and_field_on_the_portrait_tablet_is_at_least_48_pixels(browser, server):
    tablet = open_page(browser, f"{server}/registrer?enhed=solbakken", PORTRAIT_TABLET,
                       touch=True)
    tablet.get_by_role("button", name="Nyt tryksår", exact=True).wait_for(timeout=WAIT_MS)
    tablet.screenshot(path=artefact("entry-portrait.png"))
    sizes = tablet.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMain"] button, [data-testid="stMain"] input')].map(element => {
          const box = element.getBoundingClientRect();
          return [element.getAttribute('aria-label') || element.innerText || element.type,
                  Math.round(box.width), Math.round(box.height)];
        })""")
    too_small = [(name, width, height) for name, width, height in sizes
                 if height < TOUCH_TARGET_PX or width < TOUCH_TARGET_PX]
    assert len(sizes) > 20
    assert too_small == [], too_small


def test_the_kiosk_url_fills_the_wall_with_the_board_and_nothing_else(browser, server):
    wall = open_page(browser, f"{server}/tavle?enhed=solbakken&kiosk=1", WALL)
    wait_for_charts(wall, 4)
    wall.screenshot(path=artefact("kiosk-1920.png"))
    for chrome in ("stHeader", "stSidebar", "stToolbar", "stExpandSidebarButton"):
        assert not wall.locator(f'[data-testid="{chrome}"]').is_visible()
    assert wall.get_by_text("Page not found").count() == 0
    assert wall.locator("h1").inner_text() == "Plejecenter Solbakken"
    charts = wall.locator('[data-testid="stVegaLiteChart"]')
    bottoms = [charts.nth(i).bounding_box()["y"] + charts.nth(i).bounding_box()["height"]
               for i in range(charts.count())]
    assert charts.count() == 4 and max(bottoms) <= WALL["height"]
    assert wall.locator(".tavle-counter").count() == 2
