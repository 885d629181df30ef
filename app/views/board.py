"""Page: Tavle — the unit's board for the board meeting, and the wall screen (kiosk)."""

from __future__ import annotations

import streamlit as st

from app.access.identity import BOARD_LINK_KEY, may
from app.board.kiosk import KioskRequest, is_kiosk, kiosk_request
from app.board.kiosk_screen import show_kiosk
from app.board.layout import read_board, show_charts, show_counters, show_date
from app.board.measurement_start import measurement_start_controls
from app.board.meeting import meeting_controls
from app.board.safety_calendar import show_calendars
from app.board.wall_switch import wall_switch
from app.charts.history_choice import history_years_choice
from app.language import current_language, text
from app.navigation import VIEWS
from app.plain_text import as_text
from app.resources import today
from app.styles import use_board_styles
from app.unit_picker import care_units, chosen_unit

language = current_language()
use_board_styles()
parameters = st.query_params.to_dict()
if is_kiosk(parameters):
    request = kiosk_request(parameters)
    if st.session_state.get(BOARD_LINK_KEY):  # a board link shows its own unit, whatever the URL
        request = KioskRequest(tuple(care_units()["code"]), request.rotate_seconds)
    show_kiosk(request, language=language)
    st.stop()
unit = chosen_unit()
if unit is None:
    st.stop()
day = today()
st.title(f"{text('nav.board')}: {as_text(str(unit['name']))}")
show_date(day, language)
# The configured window unless asked: the whole history is read only on this switch.
years = history_years_choice(key="board.whole_history")
board = read_board(int(unit["id"]), str(unit["name"]), today=day, history_years=years)
if may("board.write", board.unit_id):
    meeting_controls(board.unit_id, board.last_meeting, language)
show_counters(board, language)
if may("baseline.write", board.unit_id):
    measurement_start_controls(board.unit_id, board.charts, language)
show_calendars(board.unit_id, board.charts, today=day, language=language)
if not board.charts:
    st.info(text("board.no_charts"))
elif all(chart.series.empty for chart in board.charts):  # a new unit: nothing recorded yet
    st.info(text("board.no_data"), icon=":material/edit_note:")
    st.page_link(VIEWS / "entry.py", label=text("board.no_data.start"), icon=":material/edit_note:",
                 query_params={"enhed": str(unit["code"])})
show_charts(board, board.charts, language=language, unit_code=str(unit["code"]))
wall_switch(str(unit["code"]))
