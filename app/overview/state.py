"""The overview's figures, kept for a minute in the visitor's session.

Reading and judging 200 units takes a second or two; changing a filter or a
tab reruns the page, and should not read them all again. A write from the page
(a switch to samples) forgets them at once.
"""

from __future__ import annotations

import time
from datetime import date

import streamlit as st

from app.access.identity import current_actor
from app.resources import database
from db import read_session
from reports import Overview, read_overview

# Figures entered on a tablet show on the overview within this many seconds.
FRESH_SECONDS = 60
_KEY = "overview_figures"


def current_overview(day: date, *, history_years: int | None) -> Overview:
    """The overview as of day over history_years (None: all): the session's copy when fresh, else read anew."""
    kept = st.session_state.get(_KEY)
    if kept is not None and kept[0] == (day, history_years) and time.monotonic() - kept[1] < FRESH_SECONDS:
        return kept[2]
    with read_session(database()) as session:
        overview = read_overview(session=session, actor=current_actor(), today=day,
                                 history_years=history_years)
    st.session_state[_KEY] = ((day, history_years), time.monotonic(), overview)
    return overview


def forget_overview() -> None:
    """Drop the session's copy, so the next run reads the database again."""
    st.session_state.pop(_KEY, None)
