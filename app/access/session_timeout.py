"""Sign a signed-in browser session out after minutes without a click (shared tablets).

Two halves: every full run of the app (a click, a typed value) checks the time
since the last one on the server and signs out when it is too long; and a timer
in the page reruns a small fragment now and then, which asks for a full run once
the time is up, so a tablet left alone on the ward does sign out by itself and
shows the sign-in page instead of the last user's data. The timer also asks for a
full run once the user has signed out in another tab of the same browser
(app.access.identity.sign_out_if_ended_elsewhere signs this one out then).
"""

from __future__ import annotations

import time

import streamlit as st

from app.access.identity import (
    KEPT_SESSION_KEY,
    LAST_ACTIVITY_KEY,
    kept_session_ended,
    sign_out,
    signed_in_user,
)
from app.access.kept_session import touch_gap

# How often the page's timer looks, at most: a 10-minute timeout ends within 10½ minutes.
LONGEST_CHECK_SECONDS = 30.0
# ... and at least this far apart, for timeouts of seconds in tests.
SHORTEST_CHECK_SECONDS = 1.0


def idle_too_long(last_activity: float | None, *, now: float, idle_seconds: float) -> bool:
    """Tell whether the time since the last activity has run out."""
    return last_activity is not None and now - last_activity >= idle_seconds


def check_interval(idle_seconds: float) -> float:
    """Return how often the page's timer looks: a third of the timeout, within bounds."""
    return min(LONGEST_CHECK_SECONDS, max(SHORTEST_CHECK_SECONDS, idle_seconds / 3))


def note_activity(*, idle_minutes: float) -> None:
    """On a full run: sign out when the session was idle too long, else count this as activity."""
    if signed_in_user() is None:
        return
    now = time.monotonic()
    if idle_too_long(st.session_state.get(LAST_ACTIVITY_KEY), now=now,
                     idle_seconds=idle_minutes * 60):
        # The kept session ends too, unless another tab of this browser is still in use: its
        # signs of life reach the database at most touch_gap late.
        sign_out(reason="idle", kept_alive_within=idle_minutes * 60 - touch_gap(idle_minutes))
        return
    st.session_state[LAST_ACTIVITY_KEY] = now


def watch_idle(*, idle_minutes: float) -> None:
    """Start the page's timer that reruns the app once the signed-in session has idled out."""
    idle_seconds = idle_minutes * 60

    @st.fragment(run_every=check_interval(idle_seconds))
    def idle_timer() -> None:
        # A timer's rerun is no activity: it only looks, and leaves the last activity as it is.
        # It also looks whether the user signed out in another tab, so this one does not go
        # on showing their data until somebody touches it.
        kept = st.session_state.get(KEPT_SESSION_KEY)
        if idle_too_long(st.session_state.get(LAST_ACTIVITY_KEY), now=time.monotonic(),
                         idle_seconds=idle_seconds) or (kept is not None
                                                        and kept_session_ended(kept)):
            st.rerun(scope="app")

    idle_timer()
