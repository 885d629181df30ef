"""Each role on its own screen, in Debian's Chromium: the nurse's tablet, the team leader's
TV, the manager's desk.

One server for the module, on one copy of the demo municipality, with a short idle limit
so the wall screen can be watched outliving it. Screenshots go to test-artefacts/
(role-tablet-sign-in.png, role-tablet-entry.png, role-tv-board.png, role-tv-kiosk.png,
role-manager-overview.png). axe-core (axe-playwright-python) checks every page for
serious and critical WCAG 2.1 AA violations.
"""

import pytest

from db import DEMO_PIN
from tests.browser import artefact, sign_in_as_demo, streamlit_server
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

TABLET = {"width": 768, "height": 1024}
TV = {"width": 1920, "height": 1080}
MANAGER = {"width": 1440, "height": 900}
# WCAG 2.1 success criterion 2.5.5: 44 × 44 CSS px for a target.
SMALLEST_TARGET_PX = 44
# A wall screen is read from 3 metres: no text smaller than this.
SMALLEST_WALL_TEXT_PX = 20
WAIT_MS = 60_000
IDLE_MINUTES = 0.2
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHART_DRAWING = [[".vega-embed svg.marks g"]]


@pytest.fixture(scope="module")
def server(module_demo_database_url):
    env = {"TAVLE_DATABASE_URL": module_demo_database_url, "TAVLE_TODAY": DEMO_TODAY.isoformat(),
           "TAVLE_IDLE_MINUTES": str(IDLE_MINUTES)}
    with streamlit_server(env=env) as url:
        yield url


def wait_until_idle(page) -> None:
    """Wait for the script run to end: until then the last run's elements stay, faded."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')""", timeout=WAIT_MS)
    page.wait_for_timeout(400)


def blocking_violations(page) -> list[str]:
    """Run axe-core on the page and return its serious and critical WCAG 2.1 AA findings."""
    from axe_playwright_python.sync_playwright import Axe

    wait_until_idle(page)
    results = Axe().run(page, context={"exclude": CHART_DRAWING},
                        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [f"{violation['id']} ({violation['impact']}): "
            f"{[node['target'] for node in violation['nodes']][:3]}"
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")]


def small_targets(page) -> list[tuple[str, int, int]]:
    """Return every visible control on the page smaller than SMALLEST_TARGET_PX either way."""
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        'button, input, select, textarea, a[href], summary, [role="button"], [role="tab"],'
        + ' [role="checkbox"], [role="radio"], [role="option"]')]
        .filter(element => {
          const box = element.getBoundingClientRect(), style = getComputedStyle(element);
          return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
                 && box.right > 0 && box.left < innerWidth  // not in a closed sidebar
                 && element.closest('[aria-hidden="true"]') === null;
        })
        .map(element => {
          const box = element.getBoundingClientRect();
          return [element.getAttribute('aria-label') || element.innerText.trim().slice(0, 40)
                  || element.type || element.tagName, Math.round(box.width), Math.round(box.height)];
        })""")
    return [(name, width, height) for name, width, height in sizes
            if width < SMALLEST_TARGET_PX or height < SMALLEST_TARGET_PX]


def test_a_nurse_signs_in_by_name_and_pin_and_finds_the_daily_card_first_on_a_768_tablet(
        browser, server):
    tablet = browser.new_context(viewport=TABLET, has_touch=True).new_page()
    tablet.goto(f"{server}/registrer?enhed=solbakken")
    name = tablet.get_by_role("radio", name="Demo registrant")  # a big name button
    name.wait_for(timeout=WAIT_MS)
    wait_until_idle(tablet)
    tablet.screenshot(path=artefact("role-tablet-sign-in.png"), full_page=True)
    assert small_targets(tablet) == []
    assert blocking_violations(tablet) == []
    pin = tablet.get_by_label("Din PIN-kode")
    assert pin.get_attribute("inputmode") == "numeric"
    name.tap()
    pin.tap()
    tablet.keyboard.type(DEMO_PIN)
    tablet.get_by_role("button", name="Log ind").first.tap()

    triage = tablet.get_by_label("Triageret i dag")
    triage.wait_for(timeout=WAIT_MS)
    wait_until_idle(tablet)
    tablet.screenshot(path=artefact("role-tablet-entry.png"))
    box = triage.bounding_box()
    assert box["y"] + box["height"] <= TABLET["height"]  # the daily card on the first screen
    assert small_targets(tablet) == []
    assert blocking_violations(tablet) == []

    # The keyboard follows the action: Enter on "Nyt tryksår" lands in its note field,
    # and "Ja, registrér" is a Tab or two away, not 61.
    new_ulcer = tablet.get_by_role("button", name="Nyt tryksår", exact=True)
    new_ulcer.focus()
    tablet.keyboard.press("Enter")
    note = tablet.get_by_role("textbox", name="Note (valgfri)")
    note.wait_for(timeout=WAIT_MS)
    tablet.wait_for_function(
        "() => document.activeElement && document.activeElement.getAttribute('aria-label')"
        " === 'Note (valgfri)'", timeout=10_000)
    yes = tablet.get_by_role("button", name="Ja, registrér")
    presses = 0
    while not yes.evaluate("element => element === document.activeElement") and presses < 5:
        tablet.keyboard.press("Tab")
        presses += 1
    assert presses <= 3


def small_text(page) -> list[tuple[str, float]]:
    """Return every visible text on screen set smaller than SMALLEST_WALL_TEXT_PX, with its size."""
    return [tuple(found) for found in page.evaluate("""smallest => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode, element = node.parentElement;
        if (!node.textContent.trim()) continue;
        const box = element.getBoundingClientRect(), style = getComputedStyle(element);
        if (box.width <= 1 || box.height <= 1 || box.bottom < 0 || box.top > innerHeight
            || style.visibility === 'hidden' || element.closest('[aria-hidden="true"]')) continue;
        const size = parseFloat(style.fontSize);
        if (size < smallest) found.push([node.textContent.trim().slice(0, 40), size]);
      }
      return found;
    }""", SMALLEST_WALL_TEXT_PX)]


def test_a_team_leader_turns_the_board_into_a_wall_screen_that_outlives_the_idle_time_twice(
        browser, server):
    tv = browser.new_context(viewport=TV).new_page()
    tv.goto(f"{server}/tavle?enhed=solbakken")
    sign_in_as_demo(tv, "demo-teamleder")
    tv.get_by_role("heading", name="Tavle: Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    # The heading comes before the charts: count the links once the page has run through.
    tv.get_by_role("link", name="Åbn i Diagrammer").nth(7).wait_for(timeout=WAIT_MS)
    wait_until_idle(tv)
    assert tv.get_by_role("link", name="Åbn i Diagrammer").count() == 8  # title to analysis
    tv.get_by_role("button", name="Vis som vægskærm").click()  # one press
    tv.get_by_role("heading", name="Plejecenter Solbakken", exact=True).wait_for(timeout=WAIT_MS)
    tv.locator('[data-testid="stVegaLiteChart"] svg.marks').nth(3).wait_for(
        timeout=WAIT_MS, state="attached")
    assert "kiosk=1" in tv.url
    wait_until_idle(tv)
    tv.screenshot(path=artefact("role-tv-kiosk.png"))
    assert small_text(tv) == []
    assert blocking_violations(tv) == []
    charts = tv.locator('[data-testid="stVegaLiteChart"]')
    bottoms = [charts.nth(i).bounding_box()["y"] + charts.nth(i).bounding_box()["height"]
               for i in range(charts.count())]
    assert charts.count() == 4 and max(bottoms) <= TV["height"]

    tv.wait_for_timeout(2 * IDLE_MINUTES * 60_000 + 2_000)  # twice the idle limit, untouched
    wait_until_idle(tv)
    assert tv.get_by_role("heading", name="Plejecenter Solbakken", exact=True).is_visible()
    assert tv.get_by_text("Log ind").count() == 0
    assert tv.locator(".tavle-counter").count() == 2
    tv.screenshot(path=artefact("role-tv-kiosk-after-idle.png"))


def test_a_manager_reaches_every_column_of_the_overview_matrix_at_1440_by_900(browser, server):
    desk = browser.new_context(viewport=MANAGER).new_page()
    desk.goto(f"{server}/overblik")
    sign_in_as_demo(desk, "demo-leder")
    frame = desk.locator(".tavle-overview")
    frame.wait_for(timeout=WAIT_MS)
    wait_until_idle(desk)
    desk.screenshot(path=artefact("role-manager-overview.png"))
    hint = desk.get_by_text("↔ Tabellen har")
    assert hint.is_visible() and hint.bounding_box()["y"] < frame.bounding_box()["y"]
    # The page itself never scrolls sideways: the matrix scrolls in its own frame.
    assert desk.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    box = frame.bounding_box()
    assert box["x"] + box["width"] <= MANAGER["width"]
    last_header = desk.locator(".tavle-overview thead tr.indicators th").last
    frame.evaluate("element => { element.scrollLeft = element.scrollWidth; }")
    desk.wait_for_timeout(300)
    header = last_header.bounding_box()
    assert header["x"] >= box["x"] and header["x"] + header["width"] <= box["x"] + box["width"] + 1
    unit = desk.locator(".tavle-overview tbody th[scope=row]").first.bounding_box()
    assert unit["x"] >= box["x"] - 1  # the unit names stay in place
    area = desk.locator(".tavle-overview tr.area .area-name").first.bounding_box()
    assert box["x"] - 1 <= area["x"] <= box["x"] + box["width"]  # and so do the areas'
    desk.screenshot(path=artefact("role-manager-overview-scrolled.png"))
    assert blocking_violations(desk) == []
