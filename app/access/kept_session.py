"""A sign-in that outlives the browser session: resumed from the cookie, kept alive, handed over.

Streamlit forgets a browser session on a reload, when a sleeping tablet's connection
is gone for good, or when its server stops; the sign-in is kept in the database
(db.browser_sessions) behind an HttpOnly cookie that the cookie routes set
(app.server.cookie_routes). Each run: a page without a signed-in user resumes the
cookie's session if it is live; a click is a sign of life; and the page hands a
new sign-in's one-time secret over, or clears the cookie after a sign-out, with a
one-line script (the only way a page can reach the cookie route).
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import streamlit as st

from app.access.identity import (
    CLEAR_COOKIE_KEY,
    HANDOVER_KEY,
    KEPT_SESSION_KEY,
    SIGNED_OUT_KEY,
    remember_sign_in,
    signed_in_user,
)
from app.access.session_cookie import COOKIE_NAME, COOKIE_ROUTE, END_ROUTE, token_of_cookie
from app.resources import database, session_key
from db import StorageError, resume_browser_session, touch_browser_session, write_session

_LAST_TOUCH_KEY = "tavle.kept_session_touched"
_TRIED_KEY = "tavle.cookie_tried"
# A click is written down at most this often (a write per click would be a write per
# keystroke); the idle window in the database may so run out this much early, at most.
LONGEST_TOUCH_GAP_SECONDS = 30.0

_POST = """<script>
fetch(%s, {method: "POST", credentials: "same-origin", headers: {"Content-Type": "text/plain"},
           body: %s});
</script>"""


def resume_from_cookie(*, idle_minutes: float) -> None:
    """Sign in the user whose live session the browser's cookie names; clear a dead cookie."""
    if signed_in_user() is not None or st.session_state.get(SIGNED_OUT_KEY):
        return  # a sign-out in this browser session is final, whatever the old cookie says
    value = _cookie()
    # The cookie a connection brought stays the same for all its runs: one try is enough.
    if value is None or st.session_state.get(_TRIED_KEY) == value:
        return
    st.session_state[_TRIED_KEY] = value
    token = token_of_cookie(value, session_key())
    resumed = None
    if token is not None:
        try:
            with write_session(database()) as session:
                resumed = resume_browser_session(token, idle_seconds=idle_minutes * 60,
                                                 session=session, now=datetime.now(UTC))
        except StorageError:  # the database is busy: ask to sign in, try again at the next run
            st.session_state.pop(_TRIED_KEY, None)
            return
    if resumed is None:
        st.session_state[CLEAR_COOKIE_KEY] = True
        return
    session_id, user = resumed
    remember_sign_in(user, kept_session=session_id)
    st.session_state[_LAST_TOUCH_KEY] = time.monotonic()


def note_sign_of_life(*, idle_minutes: float) -> None:
    """Count this run (a click) in the database too, so a reload within the idle window resumes."""
    kept = st.session_state.get(KEPT_SESSION_KEY)
    if kept is None or signed_in_user() is None:
        return
    now = time.monotonic()
    if now - st.session_state.get(_LAST_TOUCH_KEY, float("-inf")) < touch_gap(idle_minutes):
        return
    try:
        with write_session(database()) as session:
            touch_browser_session(kept, session=session, now=datetime.now(UTC))
    except StorageError:
        return  # try again at the next click
    st.session_state[_LAST_TOUCH_KEY] = now


def touch_gap(idle_minutes: float) -> float:
    """Return the most seconds between two signs of life written for one browser session."""
    return min(LONGEST_TOUCH_GAP_SECONDS, idle_minutes * 60 / 10)


def sync_cookie() -> None:
    """Hand a new sign-in's secret to the cookie route, or clear the cookie after a sign-out."""
    handover = st.session_state.pop(HANDOVER_KEY, None)
    if handover is not None:
        st.session_state[_LAST_TOUCH_KEY] = time.monotonic()
        _post(COOKIE_ROUTE, handover)
    elif st.session_state.pop(CLEAR_COOKIE_KEY, None):
        _post(END_ROUTE, "")


def _post(route: str, body: str) -> None:
    st.html(_POST % (json.dumps(route), json.dumps(body)), unsafe_allow_javascript=True)


def _cookie() -> str | None:
    """Return the session cookie the browser sent with this connection, if any."""
    try:
        value = st.context.cookies.get(COOKIE_NAME)
    except (AttributeError, RuntimeError):  # no browser connection (a bare script run)
        return None
    return value if isinstance(value, str) else None  # AppTest hands a stand-in
