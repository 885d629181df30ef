"""The board page: the unit's board for the board meeting, or the wall screen (kiosk)."""

from __future__ import annotations

import streamlit as st

from app.board_meeting import meeting_controls
from app.board_view import read_board, show_charts, show_counters, show_date
from app.identity import BOARD_LINK_KEY, may
from app.kiosk import KioskRequest, is_kiosk, kiosk_request
from app.kiosk_board import show_kiosk
from app.language import current_language, text
from app.resources import today
from app.styles import use_board_styles
from app.unit_picker import care_units, chosen_unit


def board_page() -> None:
    """Show the chosen unit's board, or the wall screen when the URL asks for the kiosk."""
    language = current_language()
    use_board_styles()
    parameters = st.query_params.to_dict()
    if is_kiosk(parameters):
        request = kiosk_request(parameters)
        if st.session_state.get(BOARD_LINK_KEY):  # a board link shows its own unit, whatever the URL
            request = KioskRequest(tuple(care_units()["code"]), request.rotate_seconds)
        show_kiosk(request, language=language)
        return
    unit = chosen_unit()
    if unit is None:
        return
    day = today()
    board = read_board(int(unit["id"]), str(unit["name"]), today=day)
    st.title(f"{text('nav.board')}: {board.name}")
    show_date(day, language)
    if may("board.write", board.unit_id):
        meeting_controls(board.unit_id, board.last_meeting, language)
    show_counters(board, language)
    if not board.charts:
        st.info(text("board.no_charts"))
    show_charts(board, board.charts, language=language)
    st.caption(text("board.kiosk.link", url=f"?enhed={unit['code']}&kiosk=1"))
