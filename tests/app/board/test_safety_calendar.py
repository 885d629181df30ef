"""The safety calendar drawn: a box per day, Monday first, green, red or blank, today framed."""

from datetime import date, timedelta

from app.board.safety_calendar import EVENT_RED, SAFE_GREEN, calendar_html
from db import CalendarDay

TODAY = date(2026, 11, 22)


def november() -> list[CalendarDay]:
    days = []
    for offset in range(30):
        day = date(2026, 11, 1) + timedelta(days=offset)
        state = ("future" if day > TODAY else "event" if day.day == 21
                 else "safe" if day.day <= 20 else "unconfirmed")
        days.append(CalendarDay(day, state, 1 if state == "event" else 0))
    return days


def test_each_day_has_its_box_in_its_state_and_colour():
    html = calendar_html(november(), title="Nyt tryksår", today=TODAY, language="da")
    assert html.count("tavle-calendar-day--safe") == 20
    assert html.count("tavle-calendar-day--event") == 1 and EVENT_RED in html
    assert html.count("tavle-calendar-day--unconfirmed") == 1
    assert html.count("tavle-calendar-day--future") == 8 and SAFE_GREEN in html
    assert "Nyt tryksår · november 2026" in html


def test_the_month_starts_under_its_weekday_and_today_is_framed_and_named():
    html = calendar_html(november(), title="Nyt tryksår", today=TODAY, language="da")
    first_row = html.split("<tbody><tr>")[1].split("</tr>")[0]
    assert first_row.count("<td></td>") == 6  # 1 November 2026 is a Sunday
    assert 'aria-label="22: ikke bekræftet endnu, i dag"' in html
    assert html.count("outline:5px") == 1


def test_a_state_is_said_by_a_mark_and_words_not_by_colour_alone():
    html = calendar_html(november(), title="New pressure ulcer", today=TODAY, language="en")
    assert "✓" in html and "✗" in html and "confirmed without the event" in html
