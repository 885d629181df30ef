"""Who is acting in this browser session: the signed-in user, or a wall screen's board link.

The name returned by `current_actor()` goes with every read and write to the
repositories, which check it (db.permissions); with nobody signed in it is ""
and they refuse, so a page reached by mistake shows nothing.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import streamlit as st

from app.resources import database
from db import (
    PermissionDeniedError,
    Rights,
    SignedIn,
    StorageError,
    browser_session_ended,
    end_browser_session,
    end_idle_browser_session,
    read_session,
    rights_of,
    start_browser_session,
    write_session,
)

USER_KEY = "tavle.user"
BOARD_LINK_KEY = "tavle.board_link"
LAST_ACTIVITY_KEY = "tavle.last_activity"
# Survives the sign-out that clears everything else: why the sign-in page shows again.
SIGNED_OUT_KEY = "tavle.signed_out"
# The sign-in kept in the database behind the session cookie (db.browser_sessions), its
# one-time secret waiting to be handed to the cookie route, and a cookie to be cleared.
KEPT_SESSION_KEY = "tavle.kept_session"
HANDOVER_KEY = "tavle.handover"
CLEAR_COOKIE_KEY = "tavle.clear_cookie"
# Why a kept session ends, by why the browser session signed out (none: the user went away).
_END_REASONS = {"idle": "idle", "by_hand": "by_hand"}


def signed_in_user() -> SignedIn | None:
    """Return the user signed in in this browser session, or None."""
    user = st.session_state.get(USER_KEY)
    return user if isinstance(user, SignedIn) else None


def current_actor() -> str:
    """Return the name every read and change from this browser session is made under."""
    user = signed_in_user()
    if user is not None:
        return user.username
    return st.session_state.get(BOARD_LINK_KEY, "")


def remember_sign_in(user: SignedIn, *, kept_session: int | None = None) -> None:
    """Keep the user signed in in this browser session, from now, and behind the cookie.

    kept_session: the session a cookie resumed; None starts a new one, whose secret
    the page then hands to the cookie route (app.access.kept_session).
    """
    st.session_state.pop(SIGNED_OUT_KEY, None)
    st.session_state.pop(CLEAR_COOKIE_KEY, None)
    st.session_state[USER_KEY] = user
    st.session_state[LAST_ACTIVITY_KEY] = time.monotonic()
    if kept_session is None:
        try:
            with write_session(database()) as session:
                started = start_browser_session(user, session=session, now=datetime.now(UTC))
        except StorageError:
            return  # signed in all the same, only not past a reload
        kept_session = started.id
        st.session_state[HANDOVER_KEY] = started.handover
    st.session_state[KEPT_SESSION_KEY] = kept_session


def sign_out(*, reason: str = "", kept_alive_within: float | None = None) -> None:
    """Forget everything this browser session holds, so the next user sees none of it.

    The session kept behind the cookie ends for good (a copied cookie opens nothing),
    and the page clears the cookie (app.access.kept_session). Not so when
    kept_alive_within (seconds, for an idle sign-out) is given and another tab of the
    browser has shown a sign of life within it: that tab goes on, and reloads, signed in.
    """
    kept = _forget_this_tab(reason)
    if kept is None:
        return
    try:
        with write_session(database()) as session:
            now = datetime.now(UTC)
            if kept_alive_within is None:
                end_browser_session(kept, why=_END_REASONS.get(reason, "gone"),
                                    session=session, now=now)
            elif not end_idle_browser_session(kept, idle_seconds=kept_alive_within,
                                              session=session, now=now):
                return  # another tab keeps it: leave it and its cookie be
    except StorageError:
        pass  # the idle window ends it in the database all the same
    st.session_state[CLEAR_COOKIE_KEY] = True


def sign_out_if_ended_elsewhere() -> bool:
    """Sign this browser session out when its kept session has ended in another tab; tell whether.

    The cookie is left alone: it may already hold a new sign-in made in that tab.
    """
    kept = st.session_state.get(KEPT_SESSION_KEY)
    if kept is None or signed_in_user() is None or not kept_session_ended(kept):
        return False
    _forget_this_tab("elsewhere")
    return True


def _forget_this_tab(reason: str) -> int | None:
    """Clear this browser session's state, noting why (if reason); return its kept session's id."""
    kept = st.session_state.get(KEPT_SESSION_KEY)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    if reason:
        st.session_state[SIGNED_OUT_KEY] = reason
    return kept


def kept_session_ended(kept: int) -> bool:
    """Tell whether the kept session has ended (False when the database cannot tell now)."""
    try:
        with read_session(database()) as session:
            return browser_session_ended(kept, session=session)
    except StorageError:
        return False  # asked again at the next run


def current_rights() -> Rights | None:
    """Return what the current actor may do, or None when nobody (or nobody valid) acts."""
    actor = current_actor()
    if not actor:
        return None
    try:
        with read_session(database()) as session:
            return rights_of(actor, session=session)
    except PermissionDeniedError:
        return None


def may(action: str, unit_id: int | None = None) -> bool:
    """Tell whether the current actor may do action (pages hide what would be refused)."""
    rights = current_rights()
    return rights is not None and rights.allows(action, unit_id)
