"""When a unit began measuring an indicator: the start of "N dage uden tryksår".

Stored per unit and indicator (`unit_indicator.measuring_since`), set when the
indicator goes on the board and editable by the team leader. Data from before
it (an import of older history) moves it back: the start read is the earliest
of the stored day and the first entry or event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import Entry, Event, UnitIndicator
from db.permissions import check_permission
from db.validation import check_day, problem, raise_if_any


def measuring_starts(unit_id: int, *, session: Session, actor: str) -> dict[int, date]:
    """Return the day each of the unit's indicators began to be measured, by indicator id."""
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    return read_measuring_starts([unit_id], session=session)[unit_id]


def read_measuring_starts(unit_ids: Sequence[int], *, session: Session) -> dict[int, dict[int, date]]:
    """Return measuring_starts of each unit, by unit id (the caller has checked the reads).

    The first entry and the first event of each of a unit's indicators are read from the
    start of its (unit, indicator, day) index, not by a pass over all its history: the
    read costs the same after thirty years as after one.
    """
    starts: dict[int, dict[int, date]] = {unit_id: {} for unit_id in unit_ids}
    if not starts:
        return starts
    firsts = [select(func.min(column)).where(model.unit_id == UnitIndicator.unit_id,
                                             model.indicator_id == UnitIndicator.indicator_id,
                                             model.deleted_at.is_(None)).scalar_subquery()
              for model, column in ((Entry, Entry.period_start), (Event, Event.day))]
    for unit_id, indicator_id, *days in session.execute(
            select(UnitIndicator.unit_id, UnitIndicator.indicator_id,
                   UnitIndicator.measuring_since, *firsts)
            .where(UnitIndicator.unit_id.in_(list(starts)))):
        known = [day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
                 for day in days if day is not None]
        if known:
            starts[unit_id][indicator_id] = min(known)
    return starts


def set_measuring_since(unit_id: int, indicator_id: int, day: date, *, session: Session,
                        actor: str, today: date) -> None:
    """Set the day the unit began measuring the indicator (a team leader's correction)."""
    require_writing(session)
    check_permission(session, actor=actor, action="baseline.write", unit_id=unit_id)
    link = session.get(UnitIndicator, (unit_id, indicator_id))
    if link is None:
        raise NotFoundError("Indikatoren er ikke på enhedens tavle.",
                            "The indicator is not on the unit's board.")
    problems = check_day(day, today=today)
    first = _first_data(unit_id, indicator_id, session=session)
    if first is not None and day > first:
        problems.append(problem(
            "date", f"målingen kan ikke begynde efter den første registrering ({first:%d-%m-%Y})",
            f"measuring cannot begin after the first registration ({first:%Y-%m-%d})", row=None))
    raise_if_any(problems)
    if link.measuring_since == day:
        return
    before = snapshot(link)
    link.measuring_since = day
    session.add(link)
    record_change(session, actor=actor, action="correct", row=link, before=before,
                  unit_id=unit_id)


def _first_data(unit_id: int, indicator_id: int, *, session: Session) -> date | None:
    """Return the day of the unit's first live entry or event of the indicator."""
    days = []
    for model, column in ((Entry, Entry.period_start), (Event, Event.day)):
        first = session.execute(select(func.min(column)).where(
            model.unit_id == unit_id, model.indicator_id == indicator_id,
            model.deleted_at.is_(None))).scalar()
        if first is not None:
            days.append(first if isinstance(first, date) else date.fromisoformat(str(first)[:10]))
    return min(days, default=None)
