"""The confirmation after a change on the entry page, shown where it was made, with its undo."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app.entry.actions import Undo, take_back
from app.language import current_language, text
from db import StorageError

OUTCOME_KEY = "entry.outcome"


@dataclass(frozen=True)
class Outcome:
    """What just happened on one form, in words, and how to take it back (None: nothing to undo)."""

    form: str
    message: str
    undo: Undo | None = None
    what: str = ""  # the change's description, for the "undone" message


def announce(form: str, message: str, *, undo: Undo | None = None, what: str = "") -> None:
    """Keep the outcome of a change for the form it was made on (the last change only)."""
    st.session_state[OUTCOME_KEY] = Outcome(form, message, undo, what)


def forget_outcome() -> None:
    """Drop the last outcome (another change is starting)."""
    st.session_state.pop(OUTCOME_KEY, None)


def _undo(outcome: Outcome) -> None:
    """Take the change back and say so (undo button callback)."""
    try:
        take_back(outcome.undo)
    except StorageError as refused:
        announce(outcome.form, refused.text(current_language()))
        return
    announce(outcome.form, text("entry.undone", what=outcome.what))


def show_outcome(form: str) -> None:
    """Show the last change's confirmation if it was made on this form, with its undo button."""
    outcome: Outcome | None = st.session_state.get(OUTCOME_KEY)
    if outcome is None or outcome.form != form:
        return
    if outcome.undo is None:
        st.info(outcome.message, icon=":material/undo:")
        return
    message, undo = st.columns([3, 1], vertical_alignment="center")
    message.success(outcome.message, icon=":material/check_circle:")
    undo.button(text("entry.undo"), key=f"undo-{form}", icon=":material/undo:",
                on_click=_undo, args=(outcome,), width="stretch")
