"""Who is acting: the name written to the audit log with every change."""

from __future__ import annotations

import streamlit as st

# Until people sign in, changes are recorded as made from the app itself.
ANONYMOUS_ACTOR = "tavle-app"
ACTOR_KEY = "actor"


def current_actor() -> str:
    """Return the user name that every change from this browser session is recorded under."""
    return st.session_state.get(ACTOR_KEY) or ANONYMOUS_ACTOR
