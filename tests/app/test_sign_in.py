"""The sign-in page through AppTest: passwords, a tablet's PIN, the demo's way in, sign-out."""

import logging
from datetime import UTC, datetime

import pytest

from app.access.identity import USER_KEY
from db import (
    DEMO_PASSWORD,
    DEMO_PIN,
    MAX_FAILED_SIGN_INS,
    SignInError,
    create_unit,
    create_user,
    make_engine,
    migrate,
    sign_in,
    write_session,
)
from tests.app.app_pages import button, open_page

PASSWORD = "Rigtig-Kode-4q9Z"


@pytest.fixture
def signed_out(monkeypatch, demo_database_url):
    """The app at the root of the demo municipality, nobody signed in."""
    return open_page("home.py", monkeypatch, demo_database_url, as_user=None)


def text_input(app, label):
    return next(t for t in app.text_input if t.label == label)


def sign_in_with_password(app, username, password):
    text_input(app, "Brugernavn").input(username)
    text_input(app, "Adgangskode").input(password)
    return button(app, "Log ind", -1).click().run()


def test_nobody_signed_in_sees_the_sign_in_page_and_no_units_data(signed_out):
    assert signed_out.title[0].value == "Tavle"
    assert "Log ind med brugernavn og adgangskode" in [e.label for e in signed_out.expander]
    assert not signed_out.get("page_link")  # the home page's way into each unit is not shown
    assert not [m for m in signed_out.markdown if "Solbakken" in m.value]


def test_the_right_password_signs_in_and_shows_the_page_with_the_users_name(signed_out):
    app = sign_in_with_password(signed_out, "demo-teamleder", DEMO_PASSWORD)
    assert not app.exception and not app.error
    assert app.session_state[USER_KEY].username == "demo-teamleder"
    assert "Logget ind som **Demo teamleder** (teamleder)" in [c.value for c in app.caption]
    assert any(link.proto.label == "Registrér" for link in app.get("page_link"))


def test_a_wrong_password_is_refused_and_after_the_fifth_the_name_waits(signed_out):
    app = signed_out
    for _ in range(MAX_FAILED_SIGN_INS):
        app = sign_in_with_password(app, "demo-admin", "forkert")
        assert app.error[0].value == "Forkert brugernavn eller adgangskode."
    app = sign_in_with_password(app, "demo-admin", DEMO_PASSWORD)
    assert app.error[0].value.startswith("For mange forkerte forsøg. Prøv igen om")
    assert "sekunder" in app.error[0].value and "låse op" in app.error[0].value
    assert USER_KEY not in app.session_state


def test_a_units_tablet_lists_its_team_and_signs_in_with_a_personal_pin(monkeypatch,
                                                                      demo_database_url):
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None, enhed="solbakken")
    assert "### Hurtig log ind på Plejecenter Solbakken" in [m.value for m in app.markdown]
    who = app.pills[0]  # big name buttons
    assert set(who.options) == {"Demo registrant", "Demo teamleder"}
    who.set_value("demo-registrant")
    text_input(app, "Din PIN-kode").input(DEMO_PIN)
    app = button(app, "Log ind", 0).click().run()
    user = app.session_state[USER_KEY]
    assert (user.username, user.method) == ("demo-registrant", "pin")


def test_a_wrong_pin_is_refused_without_saying_whose_it_was(monkeypatch, demo_database_url):
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None, enhed="solbakken")
    app.pills[0].set_value("demo-teamleder")
    text_input(app, "Din PIN-kode").input("0000")
    app = button(app, "Log ind", 0).click().run()
    assert app.error[0].value == "Forkert PIN-kode."


def test_the_demo_users_are_offered_while_the_database_holds_the_demo(signed_out):
    assert "Prøv demoen" in [m.value.removeprefix("### ") for m in signed_out.markdown]
    assert DEMO_PASSWORD in " ".join(c.value for c in signed_out.caption)
    app = button(signed_out, "Prøv som leder").click().run()
    assert app.session_state[USER_KEY].role == "leder"


def test_a_database_without_the_demo_never_mentions_demo_users_or_their_password(
        monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        create_unit("Solbakken", kind="unit", parent_id=None, session=session, actor="system")
        create_user("boss", role="admin", password=PASSWORD, session=session, actor="system")
    engine.dispose()
    app = open_page("home.py", monkeypatch, url, as_user=None)
    shown = " ".join(e.value for e in [*app.markdown, *app.caption, *app.info, *app.warning])
    assert "demo" not in shown.lower() and DEMO_PASSWORD not in shown
    assert not [b for b in app.button if b.label.startswith("Prøv som")]
    app = sign_in_with_password(app, "boss", PASSWORD)
    assert app.session_state[USER_KEY].role == "admin"


def test_signing_out_forgets_the_whole_session(monkeypatch, demo_database_url):
    app = open_page("overview.py", monkeypatch, demo_database_url)
    assert "overview_figures" in app.session_state  # the overview kept its figures
    app = button(app, "Log ud").click().run()
    assert USER_KEY not in app.session_state and "overview_figures" not in app.session_state
    assert app.info[0].value.startswith("Du er logget ud.")
    assert not [t for t in app.title if t.value == "Overblik"]


def test_the_sign_in_page_speaks_english_from_the_url(monkeypatch, demo_database_url):
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None, lang="en")
    assert "Sign in with username and password" in [e.label for e in app.expander]
    app = sign_in_with_password_en(app, "demo-admin", "wrong")
    assert app.error[0].value == "Wrong username or password."


def sign_in_with_password_en(app, username, password):
    text_input(app, "Username").input(username)
    text_input(app, "Password").input(password)
    return button(app, "Sign in", -1).click().run()


def test_a_typed_password_never_reaches_the_logs(monkeypatch, demo_database_url, caplog):
    caplog.set_level(logging.DEBUG)
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None)
    for password in ("Forkert-Men-Hemmeligt-1", DEMO_PASSWORD):
        app = sign_in_with_password(app, "demo-admin", password)
    assert app.session_state[USER_KEY].username == "demo-admin"
    assert "Forkert-Men-Hemmeligt-1" not in caplog.text and DEMO_PASSWORD not in caplog.text


def test_the_lockout_counts_attempts_made_before_now(monkeypatch, demo_database_url):
    engine = make_engine(demo_database_url)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            sign_in("demo-leder", "forkert", engine=engine, now=datetime.now(UTC))
    engine.dispose()
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None)
    app = button(app, "Prøv som leder").click().run()
    assert app.error[0].value.startswith("For mange forkerte forsøg")
