"""The patient-safety calendar (safety cross): the month as a grid of green, red and blank days.

Drawn as HTML, large enough to read from 3 metres on the wall: each box holds
the day's number and a mark (✓ confirmed without the event, ✗ an event), so
the state does not hang on colour alone (WCAG 1.4.1). Today has a thick frame.
"""

from __future__ import annotations

from datetime import date
from html import escape

import streamlit as st

from app.access.identity import current_actor
from app.board.red_days import show_red_days
from app.indicator_labels import capitalised, indicator_label
from app.language import translate
from app.resources import database
from db import CalendarDay, month_calendar, read_session
from reports import StoredChart, format_month, palette

# The safety cross's own colours, shared with the PDF's calendar.
SAFE_GREEN = palette.SAFE_DAY
EVENT_RED = palette.EVENT_DAY
_BOX_STYLES = {
    "safe": f"background:{SAFE_GREEN};color:#FFFFFF;border:2px solid {SAFE_GREEN}",
    "event": f"background:{EVENT_RED};color:#FFFFFF;border:2px solid {EVENT_RED}",
    "unconfirmed": "background:#FFFFFF;color:#262626;border:2px solid #767676",
    # #595959 on #F2F2F2 is 6.4:1: legible at small type too (the size follows the screen).
    "future": "background:#F2F2F2;color:#595959;border:2px dashed #BDBDBD",
}
_MARKS = {"safe": "✓", "event": "✗", "unconfirmed": "", "future": ""}
_TODAY_FRAME = "outline:5px solid #262626;outline-offset:2px"
_WEEKDAYS = 7
_PER_ROW = 2  # calendars side by side on the board


def calendar_html(days: list[CalendarDay], *, title: str, today: date, language: str,
                  compact: bool = False) -> str:
    """Return the month's calendar as an HTML table, Monday first, today framed."""
    # The board's size follows the screen: legible across the room on a wall screen, and two
    # calendars side by side still fit a 1024-wide tablet held sideways.
    size = "1.1rem" if compact else "clamp(0.85rem, 1.55vw, 1.6rem)"
    heads = "".join(f'<th scope="col" style="font-size:{size};padding:0.1rem">'
                    f'{escape(translate(f"calendar.weekday.{n}", language))}</th>'
                    for n in range(_WEEKDAYS))
    cells = ['<td></td>'] * days[0].day.weekday()
    for box in days:
        frame = f";{_TODAY_FRAME}" if box.day == today else ""
        words = translate(f"calendar.state.{box.state}", language)
        if box.day == today:
            words = f"{words}, {translate('calendar.today', language)}"
        cells.append(
            f'<td class="tavle-calendar-day tavle-calendar-day--{box.state}" '
            f'title="{escape(words)}" aria-label="{box.day.day}: {escape(words)}" '
            f'style="{_BOX_STYLES[box.state]}{frame};font-size:{size};font-weight:700;'
            f'text-align:center;border-radius:6px;padding:0.15rem 0.1rem;overflow:hidden">'
            f'{box.day.day}<br><span aria-hidden="true">{_MARKS[box.state] or "&nbsp;"}</span></td>')
    cells += ['<td></td>'] * (-len(cells) % _WEEKDAYS)
    rows = "".join("<tr>" + "".join(cells[start:start + _WEEKDAYS]) + "</tr>"
                   for start in range(0, len(cells), _WEEKDAYS))
    month = format_month(days[0].day, language=language)
    return (f'<div class="tavle-calendar"><p style="font-size:{size};font-weight:700;'
            f'margin:0.4rem 0">{escape(title)} · {escape(month)}</p>'
            f'<table style="border-collapse:separate;border-spacing:0.3rem;width:100%;table-layout:fixed">'
            f'<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
            f'<p style="font-size:{size};margin:0.2rem 0">{escape(_legend(language))}</p></div>')


def _legend(language: str) -> str:
    """Return the calendar's key in words."""
    return translate("calendar.legend", language)


def read_month(unit_id: int, indicator_id: int, *, today: date) -> list[CalendarDay]:
    """Read the calendar of today's month for one event indicator of the unit."""
    with read_session(database()) as session:
        return month_calendar(unit_id, indicator_id, today.year, today.month, session=session,
                              actor=current_actor(), today=today)


def show_calendars(unit_id: int, charts: list[StoredChart], *, today: date,
                   language: str, red_days: bool = True) -> None:
    """Show this month's safety calendar of every event indicator on the board.

    red_days offers each red day's events under its calendar (not on the wall screen,
    which has no controls).
    """
    events = [chart for chart in charts if chart.indicator.definition.measure == "events"]
    if not events:
        return
    columns = st.columns(_PER_ROW, gap="large")
    for number, chart in enumerate(events):
        column = columns[number % _PER_ROW]
        definition = chart.indicator.definition
        title = capitalised(indicator_label(definition, "numerator", language)
                            or indicator_label(definition, "name", language))
        days = read_month(unit_id, chart.indicator.id, today=today)
        with column:
            st.markdown(calendar_html(days, title=title, today=today, language=language),
                        unsafe_allow_html=True)
            if red_days:
                show_red_days(unit_id, chart.indicator.id, days, language=language,
                              key=f"board.red_days.{chart.indicator.id}")
