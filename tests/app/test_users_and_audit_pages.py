"""Brugere and Revisionslog for administrators: users, PINs, wall-screen links, restoring."""

from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from app.access.identity import USER_KEY
from db import (
    DEMO_PASSWORD,
    MAX_FAILED_SIGN_INS,
    LockedOutError,
    SignInError,
    add_event,
    delete_event,
    find_indicator,
    find_unit,
    find_user,
    list_board_links,
    list_events,
    make_engine,
    member_unit_ids,
    read_session,
    sign_in,
    write_session,
)
from tests.app.app_pages import VIEWS, button, open_page, signed_in
from tests.conftest import DEMO_TODAY

ADMIN = "demo-admin"


@pytest.fixture
def users_page(monkeypatch, demo_database_url):
    return open_page("users.py", monkeypatch, demo_database_url)


def field(app, label, kind="text_input", index=0):
    return [w for w in getattr(app, kind) if w.label == label][index]


def test_the_list_shows_roles_units_and_whether_a_pin_is_set_never_a_hash(users_page):
    table = users_page.dataframe[0].value
    row = table.set_index("Brugernavn").loc["demo-registrant"]
    assert row["Rolle"] == "registrant" and row["PIN-kode"] and row["Adgangskode"]
    assert "Plejecenter Solbakken" in row["Enheder"]
    assert "$argon2" not in table.to_string()


def test_an_administrator_creates_a_registrant_with_a_unit_and_a_pin(users_page,
                                                                    demo_database_url):
    app = users_page
    field(app, "Brugernavn").input("Bo.Hansen")
    field(app, "Navn").input("Bo Hansen")
    field(app, "Rolle", "selectbox").set_value("registrant")
    engine = make_engine(demo_database_url)
    with read_session(engine) as session:
        solbakken = find_unit("solbakken", session=session)
    field(app, "Enheder og områder", "multiselect").set_value([solbakken])
    field(app, "Adgangskode (mindst 8 tegn)").input("Bo-Kode-123")
    field(app, "PIN-kode til enhedens tablet (4-8 cifre)").input("2468")
    app = button(app, "Opret bruger").click().run()
    assert app.success[0].value == "bo.hansen er oprettet."
    with read_session(engine) as session:
        bo = find_user("bo.hansen", session=session)
        assert bo.role == "registrant" and bo.pin_hash and bo.password_hash
        assert member_unit_ids(bo.id, session=session) == [solbakken]
    engine.dispose()


def test_a_refused_user_says_why_and_is_not_created(users_page, demo_database_url):
    app = users_page
    field(app, "Brugernavn").input("bo")
    field(app, "Rolle", "selectbox").set_value("leder")
    field(app, "PIN-kode til enhedens tablet (4-8 cifre)").input("2468")
    app = button(app, "Opret bruger").click().run()
    assert "kun registranter og teamledere kan logge ind med PIN-kode" in app.error[0].value
    engine = make_engine(demo_database_url)
    with read_session(engine) as session:
        assert find_user("bo", session=session) is None
    engine.dispose()


def test_an_administrator_unlocks_a_user_who_must_wait_after_failed_tries(users_page,
                                                                         demo_database_url):
    engine = make_engine(demo_database_url)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            sign_in("demo-registrant", "forkert", engine=engine, now=datetime.now(UTC))
    with pytest.raises(LockedOutError):
        sign_in("demo-registrant", DEMO_PASSWORD, engine=engine, now=datetime.now(UTC))
    app = users_page
    field(app, "Bruger", "selectbox").set_value(
        find_user_id(engine, "demo-registrant"))
    app = app.run()
    app = button(app, "Lås demo-registrant op").click().run()
    assert app.success[0].value == "demo-registrant kan logge ind igen med det samme."
    assert sign_in("demo-registrant", DEMO_PASSWORD, engine=engine,
                   now=datetime.now(UTC)).username == "demo-registrant"
    engine.dispose()


def find_user_id(engine, username):
    with read_session(engine) as session:
        return find_user(username, session=session).id


def test_a_wall_screen_link_is_shown_once_and_can_be_revoked(users_page, demo_database_url):
    app = button(users_page, "Opret link").click().run()
    shown = [c.value for c in app.code]
    assert len(shown) == 1 and shown[0].startswith("/?adgang=")
    app = button(app, "Træk tilbage").click().run()
    assert not app.code and app.success[0].value == "Linket til Hjemmeplejen Nord virker ikke længere."
    engine = make_engine(demo_database_url)
    with read_session(engine) as session:
        links = list_board_links(session=session, actor="system", include_revoked=True)
    engine.dispose()
    assert links["revoked"].tolist() == [True]


@pytest.fixture
def deleted_event(demo_database_url):
    """A pressure ulcer Demo registrant noted at Solbakken and then deleted."""
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        unit = find_unit("solbakken", session=session)
        ulcers = find_indicator("tryksaar_dage_mellem", session=session).id
        event = add_event(unit, ulcers, DEMO_TODAY, note="Hæl", session=session,
                          actor="demo-registrant", today=DEMO_TODAY)
        delete_event(event, session=session, actor="demo-registrant")
    engine.dispose()
    return unit, event


def test_the_audit_log_says_who_changed_what_and_filters_by_unit_and_user(
        monkeypatch, demo_database_url, deleted_event):
    app = open_page("audit.py", monkeypatch, demo_database_url)
    unit, _ = deleted_event
    field(app, "Enhed", "selectbox").set_value(unit)
    app = field(app, "Bruger", "selectbox").set_value("demo-registrant").run()
    table = app.dataframe[0].value
    assert table["Bruger"].tolist() == ["demo-registrant", "demo-registrant"]
    assert table["Handling"].tolist() == ["slettet", "tilføjet"]
    assert table["Hvad"].str.startswith("hændelse #").all()
    assert set(table["Enhed"]) == {"Plejecenter Solbakken"}
    assert "note: Hæl" in table["Ændring"].iloc[1]


def test_a_deleted_row_is_restored_from_the_audit_log(monkeypatch, demo_database_url,
                                                       deleted_event):
    unit, event = deleted_event
    app = open_page("audit.py", monkeypatch, demo_database_url)
    chooser = field(app, "Slettet række", "selectbox")
    assert chooser.options[0].startswith(f"hændelse #{event} · Plejecenter Solbakken · slettet")
    app = button(app, "Gendan").click().run()
    assert app.success[0].value.startswith(f"hændelse #{event}")
    engine = make_engine(demo_database_url)
    with read_session(engine) as session:
        events = list_events(unit, session=session, actor="system")
    engine.dispose()
    assert event in events["id"].tolist()


def test_the_users_and_audit_pages_refuse_anyone_but_an_administrator(monkeypatch,
                                                                      demo_database_url):
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    for page in ("users.py", "audit.py"):
        app = signed_in(AppTest.from_file(str(VIEWS / page), default_timeout=30),
                        "demo-leder").run()
        assert app.exception and "må ikke" in app.exception[0].message
        assert app.session_state[USER_KEY].role == "leder"


def test_an_administrator_redacts_a_text_everywhere_from_the_audit_log_page(monkeypatch,
                                                                          demo_database_url):
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        unit = find_unit("solbakken", session=session)
        ulcers = find_indicator("tryksaar_dage_mellem", session=session).id
        add_event(unit, ulcers, DEMO_TODAY, note="Hr. Jensen, hæl", session=session,
                  actor="demo-registrant", today=DEMO_TODAY)
    app = open_page("audit.py", monkeypatch, demo_database_url)
    field(app, "Teksten der skal fjernes").input("Hr. Jensen")
    app = button(app, "Fjern teksten").click().run()
    assert app.success[0].value == "Teksten er fjernet fra 2 rækker."  # the event, its audit row
    with engine.connect() as connection:
        dump = str(connection.exec_driver_sql("SELECT * FROM event").all()) + str(
            connection.exec_driver_sql("SELECT before, after FROM audit_log").all())
    engine.dispose()
    assert "Jensen" not in dump
    assert "tekst fjernet" in app.dataframe[0].value["Handling"].tolist()
