"""The team leader's correction of when the unit began measuring an event indicator.

The day counts "N dage uden tryksår" while no event is registered, and the 300-day
goal is judged from it; it is set when the indicator goes on the board, so a team
leader corrects it here when the team began earlier (or later) than that. Audited,
with Undo.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from app.access.identity import current_actor
from app.form_problems import refuse, show_field_problems, show_other_problems_once
from app.indicator_labels import indicator_label
from app.language import text
from app.notices import Notice, Reversal, announce, show_notice
from app.resources import database, today
from db import StorageError, set_measuring_since, write_session
from reports import StoredChart, format_date

KEY = "board.start"


def start_place(unit_id: int) -> str:
    """Return where the notice of a corrected start is shown."""
    return f"{KEY}.{unit_id}"


def measurement_start_controls(unit_id: int, charts: list[StoredChart], language: str) -> None:
    """Show, folded, a date per event indicator: the day the unit began measuring it."""
    events = [chart for chart in charts if chart.indicator.definition.measure == "events"]
    if not events:
        return
    show_notice(start_place(unit_id))
    with st.expander(text("board.start.title"), icon=":material/event:"):
        st.caption(text("board.start.help"))
        for chart in events:
            _start_form(unit_id, chart, language)


def _start_form(unit_id: int, chart: StoredChart, language: str) -> None:
    """One indicator's start: a date and Gem."""
    indicator_id = chart.indicator.id
    form = f"{KEY}.{unit_id}.{indicator_id}"
    name = indicator_label(chart.indicator.definition, "name", language)
    day_today = today()
    with st.form(form, border=False):
        chosen = st.date_input(name, value=chart.measuring_since, max_value=day_today,
                               format="DD-MM-YYYY", key=f"{form}.day")
        show_field_problems(form, "date", language, label=name)
        submitted = st.form_submit_button(text("board.start.save"))
        show_other_problems_once(form, ("date",), language)
    if not submitted or chosen is None:
        return
    try:
        with write_session(database()) as session:
            set_measuring_since(unit_id, indicator_id, chosen, session=session,
                                actor=current_actor(), today=day_today)
    except StorageError as refused:
        refuse(form, refused)
    before = chart.measuring_since
    undo = None if before is None else Reversal(
        partial(_put_back, unit_id, indicator_id, before),
        Notice(text("board.start.undone", name=name,
                    date=format_date(before, language=language))))
    announce(start_place(unit_id), Notice(text("board.start.saved", name=name,
                                               date=format_date(chosen, language=language))),
             undo=undo)
    st.rerun()


def _put_back(unit_id: int, indicator_id: int, day: date) -> None:
    """Set the start back to the day it was (the Undo of a correction)."""
    with write_session(database()) as session:
        set_measuring_since(unit_id, indicator_id, day, session=session, actor=current_actor(),
                            today=today())
