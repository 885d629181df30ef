"""A new unit's first month on the tablet and the board: 30 days without, then one ulcer.

Screenshots go to test-artefacts/ (calendar-tablet-green.png, calendar-board-green.png,
calendar-board-red.png).
"""

from datetime import timedelta

import pytest

from db import (
    confirm_safe_day,
    create_unit,
    find_indicator,
    find_unit,
    make_engine,
    read_series,
    read_session,
    set_unit_indicators,
    write_session,
)
from tests.browser import artefact, sign_in_as_demo
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

PORTRAIT_TABLET = {"width": 768, "height": 1024}
WALL = {"width": 1920, "height": 1080}
WAIT_MS = 60_000
STARTED = DEMO_TODAY - timedelta(days=30)


@pytest.fixture(scope="module")
def laerkevej(module_demo_database_url):
    """Lærkevej put new pressure ulcers on its board 30 days ago and confirmed each day since."""
    engine = make_engine(module_demo_database_url)
    with write_session(engine) as session:
        parent = find_unit("demo-kommune", session=session)
        unit_id = create_unit("Lærkevej", kind="unit", parent_id=parent, session=session,
                              actor="system:test", code="laerkevej")
        ulcers, rate = (find_indicator(code, session=session).id
                        for code in ("tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage"))
        set_unit_indicators(unit_id, [ulcers, rate], session=session, actor="system:test",
                            today=STARTED)
        for offset in range(30):
            confirm_safe_day(unit_id, ulcers, STARTED + timedelta(days=offset), session=session,
                             actor="system:test", today=DEMO_TODAY)
    yield engine, unit_id, rate
    engine.dispose()


def open_page(browser, url, viewport, *, touch=False):
    context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=False)
    page = context.new_page()
    page.goto(url)
    sign_in_as_demo(page)
    page.locator("h1").first.wait_for(timeout=WAIT_MS)
    return page


def boxes(page, state):
    return page.locator(f".tavle-calendar td.tavle-calendar-day--{state}").count()


def test_thirty_safe_days_then_one_ulcer_turn_the_counter_the_calendar_and_the_count(
        browser, server, laerkevej):
    engine, unit_id, rate = laerkevej
    tablet = open_page(browser, f"{server}/registrer?enhed=laerkevej", PORTRAIT_TABLET,
                       touch=True)
    tablet.get_by_role("button", name="Dagen gik uden nyt tryksår").tap()
    tablet.get_by_text("Gemt: 22-11-2026 uden nyt tryksår.").wait_for(timeout=WAIT_MS)
    assert boxes(tablet, "safe") == 22 and boxes(tablet, "unconfirmed") == 0
    tablet.screenshot(path=artefact("calendar-tablet-green.png"), full_page=True)

    wall = open_page(browser, f"{server}/tavle?enhed=laerkevej", WALL)
    counter = wall.locator(".tavle-counter").first
    counter.wait_for(timeout=WAIT_MS)
    assert counter.locator(".tavle-counter-number").inner_text() == "30"
    assert "dage uden" in counter.inner_text() and "nye tryksår" in counter.inner_text()
    assert boxes(wall, "safe") == 22 and boxes(wall, "event") == 0
    wall.screenshot(path=artefact("calendar-board-green.png"), full_page=True)

    tablet.get_by_role("button", name="Nyt tryksår", exact=True).tap()
    tablet.get_by_role("button", name="Ja, registrér").tap()
    tablet.get_by_text("Gemt: Nyt tryksår den 22-11-2026.").wait_for(timeout=WAIT_MS)
    assert boxes(tablet, "event") == 1

    wall = open_page(browser, f"{server}/tavle?enhed=laerkevej", WALL)  # a reload signs out
    counter = wall.locator(".tavle-counter").first
    counter.wait_for(timeout=WAIT_MS)
    assert counter.locator(".tavle-counter-number").inner_text() == "0"
    assert "dage siden sidste" in counter.inner_text()
    assert boxes(wall, "event") == 1 and boxes(wall, "safe") == 21
    wall.screenshot(path=artefact("calendar-board-red.png"), full_page=True)
    with read_session(engine) as session:
        counts = read_series(unit_id, rate, session=session, actor="system")
    assert counts[counts["date"] == DEMO_TODAY.replace(day=1)]["numerator"].tolist() == [1.0]
