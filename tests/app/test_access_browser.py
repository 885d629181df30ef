"""Sign-in in Debian's Chromium: a tablet's PIN, registering as oneself, a reload that keeps
the sign-in, the idle sign-out that ends it, a sign-out in one tab that reaches the other,
the lockout, a wall-screen link that stops when revoked, and the audit log.

One server for the module, on one copy of the demo municipality, with a short idle
limit (TAVLE_IDLE_MINUTES) so the sign-out can be watched. Screenshots go to
test-artefacts/ (sign-in.png, sign-in-tablet.png, signed-in-after-reload.png, signed-out.png,
signed-out-in-another-tab.png, locked-out.png,
board-link.png, board-link-revoked.png, audit.png).
"""

import re

import pytest

from db import (
    DEMO_PASSWORD,
    DEMO_PIN,
    create_board_link,
    delete_event,
    find_unit,
    list_events,
    make_engine,
    read_audit,
    read_session,
    revoke_board_link,
    write_session,
)
from tests.browser import artefact, sign_in_as_demo, streamlit_server
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.browser

TABLET = {"width": 1024, "height": 768}
DESK = {"width": 1280, "height": 1000}
WAIT_MS = 60_000
# Long enough for each step of a test to follow the last, short enough to watch it end.
IDLE_MINUTES = 0.2


@pytest.fixture(scope="module")
def server(module_demo_database_url):
    env = {"TAVLE_DATABASE_URL": module_demo_database_url, "TAVLE_TODAY": DEMO_TODAY.isoformat(),
           "TAVLE_IDLE_MINUTES": str(IDLE_MINUTES)}
    # Served as `make run` serves it: with the session cookie, so a reload keeps the sign-in.
    with streamlit_server(env=env) as url:
        yield url


def new_page(browser, url, viewport):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url)
    page.get_by_role("heading", name="Tavle", exact=True).wait_for(timeout=WAIT_MS)
    return page


def wait_until_idle(page) -> None:
    """Wait for the script run to end: until then the last run's elements stay, faded."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')""", timeout=WAIT_MS)


def sign_in_with_password(page, username, password):
    """Type into the password form and send it; return once the form is back, emptied."""
    one_empty_form = """() => {
        const fields = document.querySelectorAll('input[aria-label="Brugernavn"]');
        return fields.length === 1 && fields[0].value === '';
    }"""
    page.wait_for_function(one_empty_form, timeout=WAIT_MS)
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode", exact=True).fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.wait_for_function(one_empty_form, timeout=WAIT_MS)  # the run after the submit
    wait_until_idle(page)


def test_a_nurse_signs_in_on_the_units_tablet_with_a_pin_and_registers_as_herself(
        browser, server, module_demo_database_url):
    page = new_page(browser, f"{server}/registrer?enhed=solbakken", TABLET)
    page.get_by_text("Hurtig log ind på Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    page.screenshot(path=artefact("sign-in-tablet.png"), full_page=True)
    page.get_by_text("Demo registrant", exact=True).click()
    page.get_by_label("Din PIN-kode").fill(DEMO_PIN)
    page.get_by_role("button", name="Log ind").first.click()
    page.get_by_role("heading", name="Registrér").wait_for(timeout=WAIT_MS)  # the bookmark's page
    page.get_by_role("button", name="Nyt tryksår", exact=True).click()
    page.get_by_role("button", name="Ja, registrér").click()
    page.get_by_text("Gemt: Nyt tryksår den 22-11-2026.").wait_for(timeout=WAIT_MS)
    engine = make_engine(module_demo_database_url)
    with read_session(engine) as session:
        latest = read_audit(session=session, actor="system", table_name="event", limit=1)
    engine.dispose()
    assert latest["actor"].tolist() == ["demo-registrant"]  # the audit log says who


def test_a_tablet_left_alone_signs_out_by_itself_and_shows_none_of_the_data(browser, server):
    page = new_page(browser, f"{server}/tavle?enhed=solbakken", TABLET)
    sign_in_as_demo(page, "demo-teamleder")
    page.get_by_role("heading", name="Tavle: Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    page.reload()  # within the idle window a reload keeps the sign-in (the session cookie)
    page.get_by_role("heading", name="Tavle: Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    assert page.get_by_text("Logget ind som Demo teamleder").count() == 1
    page.screenshot(path=artefact("signed-in-after-reload.png"), full_page=True)
    notice = page.get_by_text("Du er logget ud, fordi skærmen har stået urørt.")
    notice.wait_for(timeout=IDLE_MINUTES * 60_000 + WAIT_MS)  # no click: the page's own timer
    wait_until_idle(page)
    assert page.get_by_role("heading", name="Tavle: Plejecenter Solbakken").count() == 0
    assert page.locator('[data-testid="stVegaLiteChart"], .tavle-counter').count() == 0
    assert page.get_by_text("Logget ind som").count() == 0
    page.screenshot(path=artefact("signed-out.png"), full_page=True)
    for _ in range(50):  # the signed-out page clears the cookie with a request of its own
        if not [c for c in page.context.cookies() if c["name"] == "tavle_session"]:
            break
        page.wait_for_timeout(100)
    assert not [c for c in page.context.cookies() if c["name"] == "tavle_session"]
    page.reload()  # and a reload now asks to sign in
    page.locator(".st-key-demo-demo-teamleder button").wait_for(timeout=WAIT_MS)
    assert page.get_by_text("Logget ind som").count() == 0


def test_signing_out_in_one_tab_signs_the_other_tab_out_by_itself(browser, server):
    context = browser.new_context(viewport=DESK)
    first = context.new_page()
    first.goto(f"{server}/tavle?enhed=solbakken")
    sign_in_as_demo(first, "demo-teamleder")
    first.get_by_role("heading", name="Tavle: Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    second = context.new_page()  # another tab of the same browser: signed in by the cookie
    second.goto(f"{server}/tavle?enhed=solbakken")
    second.get_by_role("heading", name="Tavle: Plejecenter Solbakken").wait_for(timeout=WAIT_MS)
    first.get_by_role("button", name="Log ud").click()
    first.get_by_text("Du er logget ud. Intet fra din session").wait_for(timeout=WAIT_MS)
    # No click in the second tab: its own timer finds the sign-out.
    second.get_by_text("Du er logget ud i en anden fane eller et andet vindue.").wait_for(
        timeout=WAIT_MS)
    wait_until_idle(second)
    assert second.get_by_role("heading", name="Tavle: Plejecenter Solbakken").count() == 0
    assert second.locator('[data-testid="stVegaLiteChart"], .tavle-counter').count() == 0
    assert second.get_by_text("Logget ind som").count() == 0
    second.screenshot(path=artefact("signed-out-in-another-tab.png"), full_page=True)
    context.close()


def test_five_wrong_passwords_make_the_name_wait_even_for_the_right_one(browser, server):
    page = new_page(browser, server, DESK)
    refused = page.get_by_text("Forkert brugernavn eller adgangskode.")
    for _ in range(5):
        sign_in_with_password(page, "demo-leder", "forkert-kode")
        refused.wait_for(timeout=WAIT_MS)
    sign_in_with_password(page, "demo-leder", DEMO_PASSWORD)
    page.get_by_text(re.compile(r"For mange forkerte forsøg\. Prøv igen om \d+ sekunder")).wait_for(
        timeout=WAIT_MS)
    page.screenshot(path=artefact("locked-out.png"), full_page=True)


def test_a_wall_screen_link_shows_the_board_until_it_is_revoked(browser, server, module_demo_database_url):
    engine = make_engine(module_demo_database_url)
    with write_session(engine) as session:
        link = create_board_link(find_unit("akutteamet", session=session), label="Gangen",
                                 session=session, actor="demo-admin")
    wall = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    wall.goto(f"{server}/?adgang={link.token}")
    wall.get_by_role("heading", name="Akutteamet").wait_for(timeout=WAIT_MS)
    wall.locator('[data-testid="stVegaLiteChart"] svg.marks').first.wait_for(
        timeout=WAIT_MS, state="attached")
    wait_until_idle(wall)
    assert wall.get_by_role("button", name="Tavlemøde holdt i dag").count() == 0  # read-only
    assert wall.get_by_role("textbox").count() == 0 and wall.get_by_text("Log ud").count() == 0
    wall.screenshot(path=artefact("board-link.png"))
    with write_session(engine) as session:
        revoke_board_link(link.id, session=session, actor="demo-admin")
    engine.dispose()
    wall.reload()
    wall.get_by_text("Dette link til tavlen virker ikke (længere).").wait_for(timeout=WAIT_MS)
    assert wall.locator('[data-testid="stVegaLiteChart"]').count() == 0
    wall.screenshot(path=artefact("board-link-revoked.png"))


def test_the_sign_in_page_and_the_audit_log_as_an_administrator_sees_them(browser, server,
                                                                          module_demo_database_url):
    page = new_page(browser, server, DESK)
    page.locator(".st-key-demo-demo-registrant button").wait_for(timeout=WAIT_MS)
    wait_until_idle(page)
    page.screenshot(path=artefact("sign-in.png"), full_page=True)
    engine = make_engine(module_demo_database_url)  # something deleted, to restore from the log
    with write_session(engine) as session:
        events = list_events(find_unit("solbakken", session=session), session=session,
                             actor="demo-registrant", limit=1)
        delete_event(int(events["id"].iloc[0]), session=session, actor="demo-registrant")
    engine.dispose()
    page.goto(f"{server}/revision")
    sign_in_as_demo(page, "demo-admin")
    page.get_by_role("heading", name="Revisionslog").wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=WAIT_MS)
    page.get_by_role("button", name="Gendan").wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(500)  # the table's canvas draws after it is attached
    page.screenshot(path=artefact("audit.png"), full_page=True)
