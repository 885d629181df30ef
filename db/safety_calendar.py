"""The patient-safety calendar (safety cross): each day green, red or not confirmed yet.

A day is red when an event of the indicator was registered on it, green when the
team confirmed it passed without one, and blank until then. An event registered
after the confirmation turns the day red: the event stands.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlmodel import Session

from db.audit import record_change, snapshot
from db.catalogue import live_indicator_row
from db.engine import require_writing
from db.models import Event, SafeDay, utc_now
from db.permissions import check_permission
from db.soft_delete import SoftDeletable, delete_row
from db.units import live_unit
from db.validation import check_day, problem, raise_if_any

DAY_STATES = ("event", "safe", "unconfirmed", "future")
_SAFE_DAYS = SoftDeletable(SafeDay, right="entry.write", missing_da="Bekræftelsen findes ikke.",
                           missing_en="The confirmation does not exist.")


@dataclass(frozen=True)
class CalendarDay:
    """One box of the calendar: the day, its state (one of DAY_STATES) and its events."""

    day: date
    state: str
    events: int = 0


def confirm_safe_day(unit_id: int, indicator_id: int, day: date, *, session: Session,
                     actor: str, today: date) -> int:
    """Confirm that day passed without the event and return the confirmation's id.

    Undo with unconfirm_safe_day. A day with a registered event cannot be confirmed.
    """
    require_writing(session)
    check_permission(session, actor=actor, action="entry.write", unit_id=unit_id)
    indicator = live_indicator_row(indicator_id, session=session)
    live_unit(unit_id, session=session)
    problems = check_day(day, today=today)
    if indicator.measure != "events":
        problems.append(problem("indicator", "kun indikatorer med hændelser har en kalender",
                                "only indicators that count events have a calendar", row=None))
    elif _events_on(unit_id, indicator_id, day, session=session):
        problems.append(problem("date", f"der er registreret en hændelse den {day:%d-%m-%Y}",
                                f"an event is registered on {day:%Y-%m-%d}", row=None))
    raise_if_any(problems)
    row = session.execute(select(SafeDay).where(
        SafeDay.unit_id == unit_id, SafeDay.indicator_id == indicator_id,
        SafeDay.day == day)).scalars().first()
    if row is not None and row.deleted_at is None:
        return row.id
    before = snapshot(row) if row is not None else None
    if row is None:
        row = SafeDay(unit_id=unit_id, indicator_id=indicator_id, day=day)
    row.deleted_at, row.recorded_at = None, utc_now()
    session.add(row)
    record_change(session, actor=actor, action="restore" if before else "add", row=row,
                  before=before, unit_id=unit_id)
    return row.id


def unconfirm_safe_day(safe_day_id: int, *, session: Session, actor: str) -> None:
    """Take a confirmation back (the Undo after "ingen tryksår i dag")."""
    delete_row(_SAFE_DAYS, safe_day_id, session=session, actor=actor)


def month_calendar(unit_id: int, indicator_id: int, year: int, month: int, *, session: Session,
                   actor: str, today: date) -> list[CalendarDay]:
    """Return every day of the month in order, each red, green, blank or still to come."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    first, last = _month_bounds(year, month)
    events: dict[date, int] = {}
    for (day,) in session.execute(select(Event.day).where(
            Event.unit_id == unit_id, Event.indicator_id == indicator_id,
            Event.deleted_at.is_(None), Event.day >= first, Event.day <= last)):
        events[day] = events.get(day, 0) + 1
    safe = {day for (day,) in session.execute(select(SafeDay.day).where(
        SafeDay.unit_id == unit_id, SafeDay.indicator_id == indicator_id,
        SafeDay.deleted_at.is_(None), SafeDay.day >= first, SafeDay.day <= last))}
    return _days(first, last, events, safe, today=today)


def month_calendars(charts: Sequence[tuple[int, int]], year: int, month: int, *,
                    session: Session, actor: str,
                    today: date) -> dict[tuple[int, int], list[CalendarDay]]:
    """Return month_calendar of each (unit id, indicator id), read in two queries for them all.

    A municipality's report has a hundred calendars: two queries instead of two hundred.
    """
    wanted = list(dict.fromkeys(charts))
    for unit_id in dict.fromkeys(unit_id for unit_id, _ in wanted):
        check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    first, last = _month_bounds(year, month)
    events: dict[tuple[int, int], dict[date, int]] = {chart: {} for chart in wanted}
    safe: dict[tuple[int, int], set[date]] = {chart: set() for chart in wanted}
    if wanted:
        units = sorted({unit_id for unit_id, _ in wanted})
        indicators = sorted({indicator_id for _, indicator_id in wanted})
        for unit_id, indicator_id, day in session.execute(select(
                Event.unit_id, Event.indicator_id, Event.day).where(
                Event.unit_id.in_(units), Event.indicator_id.in_(indicators),
                Event.deleted_at.is_(None), Event.day >= first, Event.day <= last)):
            counts = events.get((unit_id, indicator_id))
            if counts is not None:  # a unit's event of another unit's indicator is not asked for
                counts[day] = counts.get(day, 0) + 1
        for unit_id, indicator_id, day in session.execute(select(
                SafeDay.unit_id, SafeDay.indicator_id, SafeDay.day).where(
                SafeDay.unit_id.in_(units), SafeDay.indicator_id.in_(indicators),
                SafeDay.deleted_at.is_(None), SafeDay.day >= first, SafeDay.day <= last)):
            if (unit_id, indicator_id) in safe:
                safe[unit_id, indicator_id].add(day)
    return {chart: _days(first, last, events[chart], safe[chart], today=today)
            for chart in wanted}


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    """The month's first and last day."""
    first = date(year, month, 1)
    return first, first + timedelta(days=calendar.monthrange(year, month)[1] - 1)


def _days(first: date, last: date, events: dict[date, int], safe: set[date], *,
          today: date) -> list[CalendarDay]:
    """The calendar's boxes from first to last, given the days' event counts and confirmations."""
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if day in events:
            days.append(CalendarDay(day, "event", events[day]))
        elif day > today:
            days.append(CalendarDay(day, "future"))
        else:
            days.append(CalendarDay(day, "safe" if day in safe else "unconfirmed"))
    return days


@dataclass(frozen=True)
class DayEvent:
    """One event registered on a red day: its id and the note the nurse wrote, if any."""

    id: int
    note: str | None


def day_events(unit_id: int, indicator_id: int, day: date, *, session: Session,
               actor: str) -> list[DayEvent]:
    """Return the live events of the indicator on a day (what a red box stands for), oldest first."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    rows = session.execute(select(Event.id, Event.note).where(
        Event.unit_id == unit_id, Event.indicator_id == indicator_id, Event.day == day,
        Event.deleted_at.is_(None)).order_by(Event.recorded_at, Event.id)).all()
    return [DayEvent(event_id, note) for event_id, note in rows]


def _events_on(unit_id: int, indicator_id: int, day: date, *, session: Session) -> bool:
    """Return whether a live event of the indicator is registered on day."""
    return session.execute(select(Event.id).where(
        Event.unit_id == unit_id, Event.indicator_id == indicator_id, Event.day == day,
        Event.deleted_at.is_(None))).first() is not None
