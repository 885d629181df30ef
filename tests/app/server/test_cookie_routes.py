"""The cookie routes: a live one-time secret buys an HttpOnly, SameSite=Strict cookie, once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from starlette.requests import Request

from app.access.session_cookie import COOKIE_NAME, token_of_cookie
from app.resources import session_key
from app.server.cookie_routes import end_session, hand_over
from db import (
    DEMO_USERS,
    SignedIn,
    make_engine,
    resume_browser_session,
    start_browser_session,
    write_session,
)


@pytest.fixture
def routes_database(demo_database_url, tmp_path, monkeypatch):
    """The routes on a copy of the demo database, with a key file of their own."""
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TAVLE_SESSION_KEY_FILE", str(tmp_path / "session.key"))
    engine = make_engine(demo_database_url)
    yield engine
    engine.dispose()


def post(handler, body: bytes = b"", *, headers: dict[str, str] | None = None):
    """Call a route the way the server does, with a POST from the page at 127.0.0.1:8501."""
    headers = {"host": "127.0.0.1:8501", **(headers or {})}
    scope = {"type": "http", "method": "POST", "path": "/", "scheme": "http",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
             "query_string": b""}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return asyncio.run(handler(Request(scope, receive)))


def start(engine) -> str:
    username, role, name, _ = DEMO_USERS[0]
    with write_session(engine) as session:
        return start_browser_session(SignedIn(username, name, role, True, "password"),
                                     session=session, now=datetime.now(UTC)).handover


def cookie_value(response) -> str:
    header = response.headers["set-cookie"]
    return header.split(";")[0].split("=", 1)[1]


def test_a_live_handover_sets_a_signed_http_only_strict_cookie_that_resumes(routes_database):
    response = post(hand_over, start(routes_database).encode(),
                    headers={"origin": "http://127.0.0.1:8501"})
    assert response.status_code == 204
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=strict" in header and "path=/" in header
    assert "secure" not in header  # plain HTTP on loopback
    token = token_of_cookie(cookie_value(response), session_key())
    with write_session(routes_database) as session:
        assert resume_browser_session(token, idle_seconds=600, session=session,
                                      now=datetime.now(UTC)) is not None


def test_behind_a_tls_proxy_the_cookie_is_secure(routes_database):
    response = post(hand_over, start(routes_database).encode(),
                    headers={"x-forwarded-proto": "https"})
    assert "secure" in response.headers["set-cookie"].lower()


def test_a_handover_works_once_and_a_made_up_one_never(routes_database):
    handover = start(routes_database).encode()
    assert post(hand_over, handover).status_code == 204
    assert post(hand_over, handover).status_code == 403
    assert post(hand_over, b"made-up").status_code == 403
    assert "set-cookie" not in post(hand_over, b"made-up").headers


def test_another_sites_page_cannot_post_a_handover(routes_database):
    response = post(hand_over, start(routes_database).encode(),
                    headers={"origin": "https://evil.example"})
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_the_end_route_ends_the_session_and_clears_the_cookie(routes_database):
    value = cookie_value(post(hand_over, start(routes_database).encode()))
    response = post(end_session, headers={"cookie": f"{COOKIE_NAME}={value}"})
    assert response.status_code == 204
    assert "max-age=0" in response.headers["set-cookie"].lower()
    token = token_of_cookie(value, session_key())
    with write_session(routes_database) as session:
        assert resume_browser_session(token, idle_seconds=600, session=session,
                                      now=datetime.now(UTC)) is None
