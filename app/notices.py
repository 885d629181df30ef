"""Say what a change did after the page redraws, and offer Undo for a removal.

A change is written, then the page reruns so everything on it shows the new
state; the sentence about the change is kept in the session until the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st

from app.access.identity import current_actor
from app.language import text
from app.resources import database
from db import write_session


def announce(key: str, message: str, *, clear: Iterable[str] = ()) -> None:
    """Keep message for the next run of the page and rerun it now.

    clear names text fields to empty on the next run, before they are drawn: a field
    cannot be changed once drawn, and the browser keeps a field's text unless told.
    """
    st.session_state[f"{key}.notice"] = message
    st.session_state[f"{key}.clear"] = tuple(clear)
    st.rerun()


def show_notice(key: str) -> None:
    """Show (once) the message announced under key, and empty the fields it asked to clear."""
    for field in st.session_state.pop(f"{key}.clear", ()):
        st.session_state[field] = ""
    message = st.session_state.pop(f"{key}.notice", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def remember_undo(key: str, payload: object, description: str) -> None:
    """Keep what was just removed, so the next run can offer to bring it back; rerun now."""
    st.session_state[f"{key}.undo"] = (payload, description)
    st.rerun()


def undo_requested(key: str, message: Callable[[str], str]) -> tuple[object, str] | None:
    """Show the last removal with an Undo button; return (payload, description) when pressed."""
    kept = st.session_state.get(f"{key}.undo")
    if kept is None:
        return None
    payload, description = kept
    sentence, button = st.columns([4, 1], vertical_alignment="center")
    sentence.info(message(description), icon=":material/delete:")
    if button.button(text("undo"), key=f"{key}.undo_button", type="primary",
                     icon=":material/undo:"):
        del st.session_state[f"{key}.undo"]
        return payload, description
    return None


def offer_restore(key: str, restore: Callable[..., object], *, removed: str, restored: str) -> None:
    """Offer to bring back the row just removed, and restore it when asked.

    restore(row_id, session=..., actor=...) is the storage's restore function; removed
    and restored are the string keys of the two notices, each filled with {what}.
    """
    undone = undo_requested(key, lambda what: text(removed, what=what))
    if undone is not None:
        row_id, description = undone
        with write_session(database()) as session:
            restore(row_id, session=session, actor=current_actor())
        announce(key, text(restored, what=description))
