"""A red day of the safety calendar opened: the events registered on it, with their notes.

The calendar itself is HTML (large, coloured, marked); the red days are offered as
buttons under it, so a tap or click on a day's number lists what happened that day.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from app.access.identity import current_actor
from app.language import text
from app.plain_text import as_text
from app.resources import database
from db import CalendarDay, DayEvent, day_events, read_session
from reports import format_date


def read_day_events(unit_id: int, indicator_id: int, day: date) -> list[DayEvent]:
    """Read the events of one indicator on one day of the unit."""
    with read_session(database()) as session:
        return day_events(unit_id, indicator_id, day, session=session, actor=current_actor())


def show_red_days(unit_id: int, indicator_id: int, days: list[CalendarDay], *, key: str,
                  language: str) -> None:
    """Offer the month's red days as buttons; the chosen day's events are listed under them."""
    red = [box.day for box in days if box.state == "event"]
    if not red:
        return
    chosen = st.pills(text("calendar.open_day"), red, key=key,
                      format_func=lambda day: format_date(day, language=language))
    if chosen is None:
        return
    events = read_day_events(unit_id, indicator_id, chosen)
    lines = [text("calendar.day_events", date=format_date(chosen, language=language),
                  count=len(events))]
    lines += [f"- {as_text(event.note) if event.note else text('calendar.no_note')}"
              for event in events]
    st.markdown("\n".join(lines))
