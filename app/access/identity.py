"""Who is acting in this browser session: the signed-in user, or a wall screen's board link.

The name returned by `current_actor()` goes with every read and write to the
repositories, which check it (db.permissions); with nobody signed in it is ""
and they refuse, so a page reached by mistake shows nothing.
"""

from __future__ import annotations

import time

import streamlit as st

from app.resources import database
from db import PermissionDeniedError, Rights, SignedIn, read_session, rights_of

USER_KEY = "tavle.user"
BOARD_LINK_KEY = "tavle.board_link"
LAST_ACTIVITY_KEY = "tavle.last_activity"
# Survives the sign-out that clears everything else: why the sign-in page shows again.
SIGNED_OUT_KEY = "tavle.signed_out"


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


def remember_sign_in(user: SignedIn) -> None:
    """Keep the user signed in in this browser session, from now."""
    st.session_state.pop(SIGNED_OUT_KEY, None)
    st.session_state[USER_KEY] = user
    st.session_state[LAST_ACTIVITY_KEY] = time.monotonic()


def sign_out(*, reason: str = "") -> None:
    """Forget everything this browser session holds, so the next user sees none of it."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    if reason:
        st.session_state[SIGNED_OUT_KEY] = reason


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
