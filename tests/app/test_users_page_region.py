"""Brugere in a region's database: a municipality's administrator sees their own people, no errors."""

from app.access.identity import USER_KEY
from db import (
    SignedIn,
    add_membership,
    create_unit,
    create_user,
    find_user,
    make_engine,
    read_session,
    write_session,
)
from tests.app.app_pages import button, open_page

OWN_ONLY = "Du ser brugerne i din egen kommune. Brugere i andre kommuner administreres af regionen."


def _second_municipality(database_url: str) -> None:
    engine = make_engine(database_url)
    with write_session(engine) as session:
        top = create_unit("Nabo Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:test", code="nabo-kommune")
        home = create_unit("Nabo Plejecenter", kind="unit", parent_id=top, session=session,
                           actor="system:test", code="nabo-pc")
        neighbour = create_user("nabo-anna", role="registrant", session=session,
                                actor="system:test")
        add_membership(neighbour, home, session=session, actor="system:test")
        create_user("region-user", role="region", session=session, actor="system:test")
    engine.dispose()


def _user_id(database_url: str, username: str) -> int:
    engine = make_engine(database_url)
    with read_session(engine) as session:
        found = find_user(username, session=session).id
    engine.dispose()
    return found


def test_a_municipalitys_administrator_sees_their_own_users_and_a_plain_word_on_the_rest(
        monkeypatch, demo_database_url):
    _second_municipality(demo_database_url)
    app = open_page("users.py", monkeypatch, demo_database_url)
    assert not app.exception and not app.error
    assert [info.value for info in app.info][:2] == [
        OWN_ONLY,
        "Nye brugere oprettes af regionens administrator, når databasen rummer flere kommuner."]
    listed = app.dataframe[0].value
    assert "demo-admin" in set(listed["Brugernavn"])
    assert not {"nabo-anna", "region-user"} & set(listed["Brugernavn"])
    chosen = app.selectbox(key="users.edit.user")
    assert not {"nabo-anna", "region-user"} & set(chosen.options)
    assert not [b for b in app.button if b.label == "Opret bruger"]


def test_a_municipalitys_administrator_gets_a_refusal_not_an_error_for_a_role(
        monkeypatch, demo_database_url):
    _second_municipality(demo_database_url)
    app = open_page("users.py", monkeypatch, demo_database_url)
    users = {"demo-admin", "demo-leder", "demo-registrant", "demo-teamleder"}
    assert set(app.selectbox(key="users.edit.user").options) == users
    app.selectbox(key="users.edit.user").set_value(_user_id(demo_database_url, "demo-registrant"))
    app.run()
    [role] = [box for box in app.selectbox if box.label == "Rolle"]
    role.set_value("region")
    button(app, "Gem ændringer").click().run()
    # The storage's refusal in its own words, where the page says what a change did.
    assert not app.exception
    assert [error.value for error in app.error] == ["demo-admin må ikke administrere brugere."]


def test_the_region_sees_every_user_and_may_create_them(monkeypatch, demo_database_url):
    _second_municipality(demo_database_url)
    app = open_page("users.py", monkeypatch, demo_database_url)
    app.session_state[USER_KEY] = SignedIn("region-user", "Region", "region", False, "password")
    app.run()
    assert not app.exception and OWN_ONLY not in [info.value for info in app.info]
    listed = app.dataframe[0].value
    assert {"nabo-anna", "region-user", "demo-admin"} <= set(listed["Brugernavn"])
    assert [b for b in app.button if b.label == "Opret bruger"]
