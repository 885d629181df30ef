"""The team leader's "Tavlemøde holdt i dag" button, with an undo for a press by mistake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from app.access.identity import current_actor
from app.language import text
from app.resources import database, today
from db import StorageError, delete_board_meeting, record_board_meeting, write_session
from reports.wording import format_date

OUTCOME_KEY = "board.meeting_outcome"


@dataclass(frozen=True)
class MeetingNoted:
    """The meeting just noted, so that it can be taken back."""

    unit_id: int
    meeting_id: int
    day: date
    undone: bool = False


def _note_meeting(unit_id: int) -> None:
    """Note today's board meeting for the unit (button callback)."""
    day = today()
    try:
        with write_session(database()) as session:
            meeting_id = record_board_meeting(unit_id, day, session=session,
                                              actor=current_actor(), today=day)
    except StorageError as refused:
        st.session_state[OUTCOME_KEY] = refused
        return
    st.session_state[OUTCOME_KEY] = MeetingNoted(unit_id, meeting_id, day)


def _take_back(noted: MeetingNoted) -> None:
    """Delete the meeting just noted (undo callback)."""
    with write_session(database()) as session:
        delete_board_meeting(noted.meeting_id, session=session, actor=current_actor())
    st.session_state[OUTCOME_KEY] = MeetingNoted(noted.unit_id, noted.meeting_id, noted.day,
                                                 undone=True)


def meeting_controls(unit_id: int, last_meeting: date | None, language: str) -> None:
    """Show when the last meeting was, the button that notes today's, and its undo."""
    outcome = st.session_state.get(OUTCOME_KEY)
    columns = st.columns([3, 1], vertical_alignment="center")
    with columns[0]:
        if last_meeting is None:
            st.caption(text("board.meeting.never"))
        else:
            st.caption(text("board.meeting.last", date=format_date(last_meeting,
                                                                    language=language)))
    with columns[1]:
        st.button(text("board.meeting.button"), key="board.meeting", icon=":material/groups:",
                  on_click=_note_meeting, args=(unit_id,), width="stretch")
    if isinstance(outcome, StorageError):
        st.error(outcome.text(language))
    elif isinstance(outcome, MeetingNoted) and outcome.unit_id == unit_id:
        shown = format_date(outcome.day, language=language)
        if outcome.undone:
            st.info(text("board.meeting.undone", date=shown))
        else:
            saved, undo = st.columns([3, 1], vertical_alignment="center")
            saved.success(text("board.meeting.saved", date=shown), icon=":material/check:")
            undo.button(text("entry.undo"), key="board.meeting.undo", on_click=_take_back,
                        args=(outcome,), width="stretch")
