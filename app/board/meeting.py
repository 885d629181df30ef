"""The team leader's "Tavlemøde holdt i dag" button, with an undo for a press by mistake."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from app.access.identity import current_actor
from app.language import current_language, text
from app.notices import Notice, Reversal, announce, refusal, show_notice
from app.resources import database, today
from db import StorageError, delete_board_meeting, record_board_meeting, write_session
from reports import format_date

MEETING_ICON = ":material/check:"


def meeting_place(unit_id: int) -> str:
    """Return where the notice of a unit's meeting is shown (beside its button)."""
    return f"board.meeting.{unit_id}"


def _note_meeting(unit_id: int) -> None:
    """Note today's board meeting for the unit (button callback)."""
    day = today()
    place = meeting_place(unit_id)
    language = current_language()
    try:
        with write_session(database()) as session:
            meeting_id = record_board_meeting(unit_id, day, session=session,
                                              actor=current_actor(), today=day)
    except StorageError as refused:
        announce(place, refusal(refused.text(language)))
        return
    shown = format_date(day, language=language)
    announce(place, Notice(text("board.meeting.saved", date=shown), icon=MEETING_ICON),
             undo=Reversal(partial(_take_back, meeting_id),
                           Notice(text("board.meeting.undone", date=shown), tone="info",
                                  icon=None)))


def _take_back(meeting_id: int) -> None:
    """Delete the meeting just noted (the Undo of a press by mistake)."""
    with write_session(database()) as session:
        delete_board_meeting(meeting_id, session=session, actor=current_actor())


def meeting_controls(unit_id: int, last_meeting: date | None, language: str) -> None:
    """Show when the last meeting was, the button that notes today's, and its undo."""
    columns = st.columns([1, 1], vertical_alignment="center")  # the button's words whole at 1024 px
    with columns[0]:
        if last_meeting is None:
            st.caption(text("board.meeting.never"))
        else:
            st.caption(text("board.meeting.last", date=format_date(last_meeting,
                                                                    language=language)))
    with columns[1]:
        st.button(text("board.meeting.button"), key="board.meeting", icon=":material/groups:",
                  on_click=_note_meeting, args=(unit_id,), width="stretch")
    show_notice(meeting_place(unit_id))
