"""Who sees what: pages by role, hidden actions, the idle sign-out, wall-screen links, single sign-on."""

import time

import pytest

from app.access.identity import LAST_ACTIVITY_KEY, USER_KEY
from app.access.session_timeout import check_interval, idle_too_long
from app.navigation import PAGES, pages_seen_by
from db import (
    SignedIn,
    add_membership,
    create_board_link,
    create_user,
    find_unit,
    make_engine,
    revoke_board_link,
    write_session,
)
from tests.app.app_pages import MAIN, VIEWS, button, open_page, signed_in
from tests.conftest import DEMO_TODAY

# The demo's users and the pages each finds in the menu.
MENUS = {
    "demo-registrant": {"home.py", "entry.py", "board.py", "analysis.py"},
    "demo-teamleder": {"home.py", "entry.py", "board.py", "overview.py", "analysis.py"},
    "demo-leder": {"home.py", "board.py", "overview.py", "analysis.py", "report_page.py"},
    "demo-admin": {filename for filename, *_ in PAGES},
}


@pytest.mark.parametrize("username", MENUS)
def test_each_role_finds_its_pages_in_the_menu_and_no_others(monkeypatch, demo_database_url,
                                                             username):
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=username)
    assert set(pages_seen_by(app.session_state[USER_KEY].role)) == MENUS[username]
    for filename, *_ in PAGES:
        if filename in MENUS[username]:
            assert not app.switch_page(str(VIEWS / filename)).run().exception
        else:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                app.switch_page(str(VIEWS / filename))


def test_a_registrant_records_but_neither_notes_the_meeting_nor_sets_baselines(
        monkeypatch, demo_database_url):
    board = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-registrant",
                      enhed="solbakken")
    assert board.title[0].value == "Tavle: Plejecenter Solbakken"
    assert not [b for b in board.button if b.label == "Tavlemøde holdt i dag"]
    analysis = open_page("analysis.py", monkeypatch, demo_database_url,
                         as_user="demo-registrant", enhed="solbakken")
    assert "Baseline, faser og ændringer (PDSA) sættes af enhedens teamleder." in [
        c.value for c in analysis.caption]
    assert not [b for b in analysis.button if b.label in ("Gem", "Tilføj")]
    entry = open_page("entry.py", monkeypatch, demo_database_url, as_user="demo-registrant")
    assert [s.value for s in entry.selectbox if s.label == "Enhed"] == ["solbakken"]


def test_a_team_leader_notes_the_meeting_of_the_own_unit(monkeypatch, demo_database_url):
    board = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-teamleder",
                      enhed="solbakken")
    board = button(board, "Tavlemøde holdt i dag").click().run()
    assert board.success[0].value == "Tavlemødet 22-11-2026 er noteret."


def test_a_user_only_picks_among_the_units_they_may_see(monkeypatch, demo_database_url):
    board = open_page("board.py", monkeypatch, demo_database_url, as_user="demo-teamleder",
                      enhed="akutteamet")  # not Demo teamleder's unit: the picker ignores it
    picker = next(s for s in board.selectbox if s.label == "Enhed")
    assert picker.options == ["Plejecenter Solbakken"]
    assert board.title[0].value == "Tavle: Plejecenter Solbakken"


def test_the_idle_clock_runs_out_at_the_limit_and_looks_often_enough():
    assert not idle_too_long(None, now=1000.0, idle_seconds=600)
    assert not idle_too_long(400.1, now=1000.0, idle_seconds=600)
    assert idle_too_long(400.0, now=1000.0, idle_seconds=600)
    assert check_interval(600) == 30 and check_interval(6) == 2 and check_interval(0.5) == 1


def test_an_idle_session_is_signed_out_on_its_next_run_and_keeps_nothing(monkeypatch,
                                                                        demo_database_url):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", "1")
    app = open_page("overview.py", monkeypatch, demo_database_url)
    assert app.title[0].value == "Overblik"
    app.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 61
    app.run()
    assert USER_KEY not in app.session_state and "overview_figures" not in app.session_state
    assert app.info[0].value.startswith("Du er logget ud, fordi skærmen har stået urørt")
    assert not [t for t in app.title if t.value == "Overblik"]


def test_a_click_within_the_limit_keeps_the_session_and_restarts_the_clock(monkeypatch,
                                                                          demo_database_url):
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", "1")
    app = open_page("overview.py", monkeypatch, demo_database_url)
    app.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 50
    app.run()
    assert app.session_state[USER_KEY].username == "demo-admin"
    assert time.monotonic() - app.session_state[LAST_ACTIVITY_KEY] < 5


def board_link(database_url, unit="solbakken"):
    engine = make_engine(database_url)
    with write_session(engine) as session:
        link = create_board_link(find_unit(unit, session=session), session=session,
                                 actor="system:test")
    engine.dispose()
    return link


def test_a_board_link_shows_its_units_board_to_nobody_signed_in_and_nothing_else(
        monkeypatch, demo_database_url):
    link = board_link(demo_database_url)
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None,
                    adgang=link.token, enhed="akutteamet")  # the link's unit wins
    assert not app.exception
    assert app.title[0].value == "Plejecenter Solbakken"
    assert not app.button and not app.text_input and USER_KEY not in app.session_state


def test_a_revoked_or_made_up_board_link_shows_nothing_but_a_refusal(monkeypatch,
                                                                    demo_database_url):
    link = board_link(demo_database_url)
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        revoke_board_link(link.id, session=session, actor="system:test")
    engine.dispose()
    for token in (link.token, "gættet-token"):
        app = open_page("home.py", monkeypatch, demo_database_url, as_user=None, adgang=token)
        assert [e.value for e in app.error] == [
            "Dette link til tavlen virker ikke (længere). Bed en administrator om et nyt."]
        assert not app.title and not app.get("vega_lite_chart")


SSO_SECRETS = {
    "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
             "client_id": "tavle", "client_secret": "hemmelig",
             "server_metadata_url": "https://idp.example/.well-known/openid-configuration"},
    "tavle_sso": {"role_claim": "roles", "roles": {"Tavle.Leder": "leder",
                                                   "Tavle.Admin": "admin"}},
}


def sso_app(monkeypatch, database_url, user: dict):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TAVLE_DATABASE_URL", database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())
    app = AppTest.from_file(str(MAIN), default_timeout=60)
    for key, value in SSO_SECRETS.items():
        app.secrets[key] = value
    app.user = user
    return app.run()


def test_single_sign_on_offers_its_button_and_signs_in_with_the_role_the_claims_map_to(
        monkeypatch, demo_database_url):
    app = sso_app(monkeypatch, demo_database_url, {"is_logged_in": False})
    assert "Log ind med organisationens konto" in [b.label for b in app.button]
    app = sso_app(monkeypatch, demo_database_url, {
        "is_logged_in": True, "email": "Ida@Kommune.dk", "name": "Ida Holm",
        "roles": ["Alle", "Tavle.Leder"]})
    user = app.session_state[USER_KEY]
    assert (user.username, user.role, user.method) == ("ida@kommune.dk", "leder",
                                                       "single-sign-on")


def test_single_sign_on_without_a_mapped_claim_gets_no_access(monkeypatch, demo_database_url):
    app = sso_app(monkeypatch, demo_database_url, {
        "is_logged_in": True, "email": "ole@kommune.dk", "roles": ["Alle"]})
    assert USER_KEY not in app.session_state
    assert app.info[0].value.startswith("Din konto hos organisationen giver ingen adgang")


def test_local_accounts_sign_in_without_single_sign_on_configured(monkeypatch,
                                                                 demo_database_url):
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None)
    assert "Log ind med organisationens konto" not in [b.label for b in app.button]
    signed_in(app, "demo-leder").run()
    assert app.session_state[USER_KEY].role == "leder"


def test_an_area_leader_reads_and_reports_on_the_own_area_only(monkeypatch, demo_database_url):
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        user = create_user("nord-leder", role="leder", session=session, actor="system:test")
        add_membership(user, find_unit("omraade-nord", session=session), session=session,
                       actor="system:test")
    engine.dispose()
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None)
    app.session_state[USER_KEY] = SignedIn("nord-leder", "", "leder", False, "password")
    app.run()
    app.switch_page(str(VIEWS / "report_page.py")).run()
    assert next(s for s in app.selectbox if s.label == "Enhed").options == [
        "Hjemmeplejen Nord", "Plejecenter Solbakken"]
    app.radio[0].set_value("area").run()
    assert next(s for s in app.selectbox if s.label == "Område").options == ["Område Nord"]
