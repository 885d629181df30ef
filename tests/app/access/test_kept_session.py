"""The sign-in kept behind the cookie, through AppTest: started at sign-in, ended at sign-out."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from app.access.identity import KEPT_SESSION_KEY, LAST_ACTIVITY_KEY, SIGNED_OUT_KEY, USER_KEY
from app.access.session_cookie import COOKIE_ROUTE, END_ROUTE
from db import DEMO_PASSWORD, make_engine
from tests.app.app_pages import button, open_page


@pytest.fixture
def signed_in(monkeypatch, demo_database_url):
    """demo-teamleder signed in with the password form, as a person does."""
    monkeypatch.setenv("TAVLE_IDLE_MINUTES", "1")
    app = open_page("home.py", monkeypatch, demo_database_url, as_user=None)
    next(t for t in app.text_input if t.label == "Brugernavn").input("demo-teamleder")
    next(t for t in app.text_input if t.label == "Adgangskode").input(DEMO_PASSWORD)
    return button(app, "Log ind", -1).click().run()


def kept_sessions(database_url: str) -> list:
    """Return the rows of the browser_session table (db.browser_sessions keeps them)."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT id, username, method, handover_hash, ended_at, ended_why "
            "FROM browser_session ORDER BY id")).all()
    engine.dispose()
    return rows


def posted(app) -> list[str]:
    """Return the page's one-line scripts to the cookie routes, as sent."""
    return [element.proto.body for element in app.get("html")
            if "/_tavle/session" in element.proto.body]


def test_a_sign_in_is_kept_in_the_database_and_its_secret_handed_to_the_cookie_route(
        signed_in, demo_database_url):
    assert not signed_in.exception
    [row] = kept_sessions(demo_database_url)
    assert (row.username, row.method, row.ended_at) == ("demo-teamleder", "password", None)
    assert signed_in.session_state[KEPT_SESSION_KEY] == row.id
    [script] = posted(signed_in)
    assert f'"{COOKIE_ROUTE}"' in script and row.handover_hash not in script
    assert posted(signed_in.run()) == []  # handed over once


def test_signing_out_by_hand_ends_the_kept_session_and_clears_the_cookie(signed_in,
                                                                        demo_database_url):
    app = button(signed_in, "Log ud").click().run()
    assert USER_KEY not in app.session_state
    [row] = kept_sessions(demo_database_url)
    assert row.ended_why == "by_hand" and row.ended_at is not None
    assert [f'"{END_ROUTE}"' in script for script in posted(app)] == [True]


def age_kept_sessions(database_url: str, seconds: float) -> None:
    """Make every kept session's last sign of life seconds older, as time without clicks would."""
    engine = make_engine(database_url)
    with engine.begin() as connection:
        for row_id, seen in connection.execute(text(
                "SELECT id, last_seen_at FROM browser_session")).all():
            seen = datetime.fromisoformat(seen) if isinstance(seen, str) else seen
            connection.execute(text("UPDATE browser_session SET last_seen_at = :seen WHERE id = :id"),
                               {"seen": seen - timedelta(seconds=seconds), "id": row_id})
    engine.dispose()


def second_tab(monkeypatch, database_url: str, first) -> object:
    """Open another tab of the same browser: the first tab's user, resumed from its kept session."""
    app = open_page("home.py", monkeypatch, database_url, as_user="demo-teamleder")
    app.session_state[KEPT_SESSION_KEY] = first.session_state[KEPT_SESSION_KEY]
    return app.run()


def test_the_idle_sign_out_ends_the_kept_session_as_idle(signed_in, demo_database_url):
    signed_in.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 61
    age_kept_sessions(demo_database_url, 61)  # no click reached the database either
    app = signed_in.run()
    assert USER_KEY not in app.session_state
    [row] = kept_sessions(demo_database_url)
    assert row.ended_why == "idle"
    assert [f'"{END_ROUTE}"' in script for script in posted(app)] == [True]


def test_a_tab_that_idles_out_leaves_the_session_to_another_tab_still_in_use(
        signed_in, monkeypatch, demo_database_url):
    other = second_tab(monkeypatch, demo_database_url, signed_in)
    # The first tab was left alone for the idle window; the other one was clicked meanwhile.
    signed_in.session_state[LAST_ACTIVITY_KEY] = time.monotonic() - 61
    app = signed_in.run()
    assert USER_KEY not in app.session_state
    assert app.session_state[SIGNED_OUT_KEY] == "idle"
    [row] = kept_sessions(demo_database_url)
    assert row.ended_at is None
    assert posted(app) == []  # the cookie stays, for the other tab's reload
    assert other.run().session_state[USER_KEY].username == "demo-teamleder"


def test_signing_out_in_one_tab_signs_the_other_tab_out_at_its_next_run(
        signed_in, monkeypatch, demo_database_url):
    other = second_tab(monkeypatch, demo_database_url, signed_in)
    assert other.session_state[USER_KEY].username == "demo-teamleder"
    button(signed_in, "Log ud").click().run()
    app = other.run()
    assert USER_KEY not in app.session_state and KEPT_SESSION_KEY not in app.session_state
    assert [info.value for info in app.info] == [
        "Du er logget ud i en anden fane eller et andet vindue. Log ind igen for at fortsætte."]
    # The cookie is the first tab's business: it may already hold a new sign-in.
    assert posted(app) == []
