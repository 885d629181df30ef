"""Say what a change did, where it was made, with an Undo that reverses it when it can.

One notice at a time: the last change's. It is kept in the session under the name
of the place the change was made (an entry card, an editor, an admin panel) and
shown when the page draws that place. A notice without Undo is shown once; one with
Undo stays, its button beside it, until it is undone or another change replaces it.

A change made in a widget callback is announced before the page is drawn. A change
made while the page is drawn is announced, then the page calls st.rerun(), so that
everything on it (and the notice, drawn at the top of its place) shows the new state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

import streamlit as st

from app.language import current_language, text
from db import StorageError

DONE_ICON = ":material/check_circle:"
REMOVED_ICON = ":material/delete:"
UNDO_ICON = ":material/undo:"
NOTICE_KEY = "notice"

Tone = Literal["success", "info", "error"]


@dataclass(frozen=True)
class Notice:
    """One sentence about a change, in the tone and with the icon it is shown with."""

    message: str
    tone: Tone = "success"
    icon: str | None = DONE_ICON


@dataclass(frozen=True)
class Reversal:
    """How to undo a change: the step that reverses it, and the notice that says so."""

    step: Callable[[], object]  # kept in the session until pressed: a function or a partial
    done: Notice


@dataclass(frozen=True)
class _Kept:
    """The last change's notice, the place it belongs to, its Undo and the fields to empty."""

    place: str
    notice: Notice
    undo: Reversal | None
    clear: tuple[str, ...]


def refusal(message: str) -> Notice:
    """Return the notice for a change the storage refused, with the refusal's words."""
    return Notice(message, tone="error", icon=None)


def announce(place: str, notice: Notice, *, undo: Reversal | None = None,
             clear: Iterable[str] = ()) -> None:
    """Keep notice as the last change's, to be shown at place (with Undo, when given).

    clear names text fields to empty when the notice is first shown, before they are
    drawn: a field cannot be changed once drawn, and the browser keeps its text unless told.
    """
    st.session_state[NOTICE_KEY] = _Kept(place, notice, undo, tuple(clear))


def forget_notice() -> None:
    """Drop the last change's notice and its Undo (another change is starting)."""
    st.session_state.pop(NOTICE_KEY, None)


def show_notice(place: str) -> None:
    """Show the last change's notice if it was made at place, with its Undo button."""
    kept: _Kept | None = st.session_state.get(NOTICE_KEY)
    if kept is None or kept.place != place:
        return
    for field in kept.clear:
        st.session_state[field] = ""
    if kept.undo is None:
        del st.session_state[NOTICE_KEY]  # said once; the next run shows the page alone
        _draw(kept.notice)
        return
    if kept.clear:  # emptied once: what is typed next is the user's
        st.session_state[NOTICE_KEY] = replace(kept, clear=())
    sentence, button = st.columns([3, 1], vertical_alignment="center")
    with sentence:
        _draw(kept.notice)
    button.button(text("notice.undo"), key=f"{place}.undo", icon=UNDO_ICON, on_click=_undo,
                  args=(kept,), width="stretch")


def _draw(notice: Notice) -> None:
    """Show one notice in its tone."""
    show = {"success": st.success, "info": st.info, "error": st.error}[notice.tone]
    show(notice.message, icon=notice.icon)


def _undo(kept: _Kept) -> None:
    """Reverse the change and say so, or say why the storage refused (Undo callback)."""
    try:
        kept.undo.step()
    except StorageError as refused:
        announce(kept.place, refusal(refused.text(current_language())))
        return
    announce(kept.place, kept.undo.done)
