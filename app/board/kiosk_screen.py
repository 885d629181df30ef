"""The wall screen: the board without chrome, refreshed in place and turning through screens."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.board.kiosk import KioskRequest, Screen, screens, seconds_per_screen
from app.board.layout import KIOSK_CHART_HEIGHT, read_board, show_charts, show_counters, show_date
from app.board.safety_calendar import show_calendars
from app.language import text
from app.plain_text import as_text
from app.resources import database, today
from app.settings import load_settings
from app.unit_picker import care_units
from db import PermissionDeniedError, list_unit_indicators, read_session

TURN_KEY = "kiosk.turn"


def unit_screens(units: pd.DataFrame, shown: list[str]) -> list[Screen]:
    """Return the screens the units' boards take, from their active indicators."""
    with read_session(database()) as session:
        boards = [list_unit_indicators(int(units.loc[code, "id"]), session=session)
                  for code in shown]
    return screens([len(board) for board in boards], with_calendars=[
        any(stored.definition.measure == "events" for stored in board) for board in boards])


def show_kiosk(request: KioskRequest, *, language: str) -> None:
    """Show the requested units' boards, a screen at a time, moving on by itself."""
    units = care_units().set_index("code")
    for code in request.unit_codes:
        if code not in units.index:
            st.error(text("board.kiosk.unknown", code=as_text(code)))
    shown = [code for code in request.unit_codes if code in units.index]
    if not shown:
        if not request.unit_codes:
            st.info(text("board.kiosk.no_unit"))
        return
    # A fragment reruns alone: the page keeps its place and only the board's content is
    # replaced, so the wall screen neither flashes white nor reloads.
    @st.fragment(run_every=seconds_per_screen(request, len(unit_screens(units, shown))))
    def current_screen() -> None:
        turns = unit_screens(units, shown)  # again: an indicator may have come or gone
        turn = st.session_state.get(TURN_KEY, -1) + 1
        st.session_state[TURN_KEY] = turn
        screen = turns[turn % len(turns)]
        code = shown[screen.unit_index]
        day = today()
        try:
            board = read_board(int(units.loc[code, "id"]), str(units.loc[code, "name"]), today=day,
                               history_years=load_settings().history_years)
        except PermissionDeniedError:  # the board link was revoked while the screen ran
            st.error(text("board.link.invalid"), icon=":material/link_off:")
            return
        title, when = st.columns([3, 2], vertical_alignment="center")
        with title:
            st.title(as_text(board.name))
        with when:
            show_date(day, language, align="right")
            if len(turns) > 1:
                screen_words = text("board.kiosk.screen", index=turn % len(turns) + 1,
                                    count=len(turns))
                st.markdown(f'<p class="tavle-date" style="text-align: right">{screen_words}</p>',
                            unsafe_allow_html=True)
        show_counters(board, language)
        if screen.calendars:
            show_calendars(board.unit_id, board.charts, today=day, language=language,
                           red_days=False)
            return
        page = board.charts[screen.first_chart:screen.first_chart + screen.chart_count]
        show_charts(board, page, language=language, height=KIOSK_CHART_HEIGHT)

    current_screen()
