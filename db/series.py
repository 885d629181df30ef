"""Read series as the engine's input: one query for one indicator, or for a unit's board.

Shapes (one row per period or event, in date order, deleted rows left out):

    entries  date (datetime.date), numerator, denominator, value  (floats, NaN when absent;
             the denominator holds the exposure, e.g. bed-days, for rates)
    events   date (datetime.date), note (str or None)

A board holds years of daily figures for several indicators. The query reads
them in index order without sorting, and the rows are cut into series
column-wise with numpy: no per-row Python work, no per-row SQLAlchemy objects.

`since` bounds a read to what a board shows, so its cost does not grow with the
years behind it: the rows from that day on, the rows of a frozen baseline
(up to the freeze day, which fixes the centre line however old it is) and, for
events, the last event before it (where the first interval shown begins).
`until` is the day a chart is drawn as of: the rows dated after it are left out
(a series counted from events keeps the periods that start by then, each with all
its events).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import (
    Date,
    Float,
    Integer,
    String,
    bindparam,
    func,
    literal,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql import CompoundSelect, Select
from sqlmodel import Session

from db.column_frames import frame_of_columns, frame_of_first_and_block
from db.errors import NotFoundError
from db.event_counts import counted_series
from db.models import Baseline, Entry, Event, Indicator, UnitIndicator
from db.permissions import check_permission
from db.raw_rows import fetch_rows

ENTRY_SERIES_COLUMNS = ("date", "numerator", "denominator", "value")
EVENT_SERIES_COLUMNS = ("date", "note")
_FIGURES = ("numerator", "denominator", "value")
_NAN = float("nan")
_COUNTED_EVENT = "counted_event"  # marks a source event row of an indicator counted from events
_UNIT = bindparam("unit_id", type_=Integer)  # the unit whose rows a query reads
_SINCE = bindparam("since", type_=Date)  # the first day a read keeps (see window_parameter)
# The last day before the window that a frozen baseline of the unit covers (see _read).
_BASELINE_UNTIL = bindparam("baseline_until", type_=Date)
_LAST_FREEZE = (select(func.max(Baseline.day))
                .where(Baseline.unit_id == _UNIT, Baseline.kind == "freeze",
                       Baseline.deleted_at.is_(None)))
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()  # day 0 of datetime64
_ENTRY_COLUMN_INDEX = pd.Index(ENTRY_SERIES_COLUMNS, dtype=object)
_EVENT_COLUMN_INDEX = pd.Index(EVENT_SERIES_COLUMNS, dtype=object)


def window_parameter(since: date | None, dialect: str) -> object:
    """The bound value of a read's first day: the whole history when since is None.

    Rows go to the driver as they are (see fetch_rows), so SQLite, which keeps
    dates as ISO text, gets text.
    """
    day = since or date.min
    return day.isoformat() if dialect == "sqlite" else day


def read_series(unit_id: int, indicator_id: int, *, session: Session, actor: str,
                since: date | None = None, until: date | None = None) -> pd.DataFrame:
    """Return one unit's series for one indicator (entries or events shape, by its measure).

    since and until bound the read (see the module's docstring); None: no bound.
    """
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    frames = _read(_ONE_SERIES, {"unit_id": unit_id, "indicator_id": indicator_id},
                   session=session, since=since, until=until)
    if indicator_id not in frames:
        raise NotFoundError(f"Indikatoren findes ikke (id {indicator_id}).",
                            f"There is no indicator with id {indicator_id}.")
    return frames[indicator_id]


def read_unit_series(unit_id: int, *, session: Session, actor: str,
                     since: date | None = None,
                     until: date | None = None) -> dict[int, pd.DataFrame]:
    """Return every series on a unit's board, keyed by indicator id in board order.

    since and until bound the read (see the module's docstring); None: no bound.
    """
    check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
    return _read(_BOARD, {"unit_id": unit_id}, session=session, since=since, until=until)


def empty_series(measure: str) -> pd.DataFrame:
    """Return a series with no rows in the shape the measure reads as."""
    if measure == "events":
        return pd.DataFrame({"date": pd.Series(dtype=object), "note": pd.Series(dtype=object)})
    return pd.DataFrame({"date": pd.Series(dtype=object),
                         **{name: pd.Series(dtype=float) for name in _FIGURES}})


def _read(query: CompoundSelect, parameters: dict[str, int], *,
          session: Session, since: date | None, until: date | None) -> dict[int, pd.DataFrame]:
    """Run one of the two queries below and cut its rows into series."""
    dialect = session.connection().dialect.name
    baseline_until = None
    if since is not None:
        last_freeze = fetch_rows(_LAST_FREEZE, session=session,
                                 parameters={"unit_id": parameters["unit_id"]})[0][0]
        if last_freeze is not None:  # SQLite gives ISO text
            baseline_until = min(date.fromisoformat(str(last_freeze)), since - timedelta(days=1))
    rows = fetch_rows(query, session=session, parameters={
        **parameters, "since": window_parameter(since, dialect),
        "baseline_until": window_parameter(baseline_until, dialect)})
    # Rows with a measure describe the chosen indicators; the others are their data, and
    # rows marked _COUNTED_EVENT are the source events of an indicator counted from events.
    described = [row for row in rows if row[1] is not None and row[1] != _COUNTED_EVENT]
    measures = {row[0]: row[1] for row in described}
    board_order = [row[0] for row in sorted(described, key=lambda row: (row[3], row[0]))]
    data = [row for row in rows if row[1] is None]
    # The describing rows' note is "period counted_from" ("month tryksaar_dage_mellem").
    counted = {row[0]: (row[1], row[6].partition(" ")[0]) for row in described
               if row[6].partition(" ")[2]}
    # A counted series is cut at until once counted (its periods, not its rows' days).
    frames = _cut(data, measures, board_order, until=until, whole=counted.keys())
    if counted:
        counted_days: dict[int, list[str]] = {indicator_id: [] for indicator_id in counted}
        for row in rows:
            if row[1] == _COUNTED_EVENT:
                counted_days[row[0]].append(row[2])
        for indicator_id, (measure, period) in counted.items():
            frames[indicator_id] = _periods_up_to(counted_series(
                frames[indicator_id], np.array(counted_days[indicator_id], dtype="datetime64[D]"),
                measure=measure, period=period, since=since), until)
    return frames


def _periods_up_to(counted: pd.DataFrame, until: date | None) -> pd.DataFrame:
    """A counted series' rows of the periods that start by until (each with all its events)."""
    if until is None:
        return counted
    # The periods are in order: a binary search compares a few of them, not every one.
    kept = int(np.searchsorted(counted["date"].to_numpy(), until, side="right"))
    return counted if kept == len(counted) else counted.iloc[:kept]


def _cut(data: list[tuple], measures: dict[int, str], board_order: list[int], *,
         until: date | None, whole: Collection[int]) -> dict[int, pd.DataFrame]:
    """Cut the data rows into one series per chosen indicator, in board order.

    Each series keeps its rows dated up to until (None: all), those of the
    indicators in whole all their rows.
    """
    if not data:
        return {indicator_id: empty_series(measures[indicator_id]) for indicator_id in board_order}
    ids, _, days, numerators, denominators, values, notes = list(zip(*data, strict=True))
    rows = len(ids)
    ids = np.fromiter(ids, dtype=np.int64, count=rows)
    days = _day_array(days)
    order = np.lexsort((days, ids))
    # fromiter and None → NaN in Python: numpy's own conversion of a tuple looks into
    # every item (a note might be a sequence) and takes a slow path for each None.
    notes = np.fromiter(notes, dtype=object, count=rows)
    ids, days, notes = ids[order], days[order], notes[order]
    figures = np.array([[_NAN if figure is None else figure for figure in column]
                        for column in (numerators, denominators, values)], dtype=float)[:, order]
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    bounds = {int(ids[start]): (start, end)
              for start, end in zip(starts, [*starts[1:], len(ids)], strict=True)}
    frames: dict[int, pd.DataFrame] = {}
    for indicator_id in board_order:
        if indicator_id not in bounds:
            frames[indicator_id] = empty_series(measures[indicator_id])
            continue
        start, end = bounds[indicator_id]
        if until is not None and indicator_id not in whole:  # each series' days are in order
            end = start + int(np.searchsorted(days[start:end], np.datetime64(until, "D"),
                                              side="right"))
        dates = days[start:end].astype(object)
        if measures[indicator_id] == "events":
            frames[indicator_id] = frame_of_columns([dates, notes[start:end].copy()], _EVENT_COLUMN_INDEX)
        else:
            frames[indicator_id] = frame_of_first_and_block(dates, figures[:, start:end].copy(),
                                                            _ENTRY_COLUMN_INDEX)
    return frames


def _day_array(days: tuple) -> np.ndarray:
    """The rows' days as datetime64[D]: SQLite's ISO text parsed by numpy, PostgreSQL's dates
    through their ordinals (numpy converts a date object some thirty times slower)."""
    if days and type(days[0]) is date:
        ordinals = np.fromiter(map(date.toordinal, days), dtype=np.int64, count=len(days))
        return (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]")
    return np.array(days, dtype="datetime64[D]")


def _query(chosen: Select) -> CompoundSelect:
    """Return the chosen indicators (id, measure, position), then their entries and events.

    Data rows carry no measure, which tells them from the describing rows (whose
    board position rides in the numerator column, and "period counted_from" in the
    note column). An indicator counted from events also gets its source's events, marked
    _COUNTED_EVENT in the measure column. The database sorts nothing: numpy puts
    the days in order. The unit is the bound parameter unit_id.
    """
    chosen = chosen.subquery()
    describe = select(chosen.c.id, chosen.c.measure, null(), chosen.c.position.cast(Float),
                      null().cast(Float), null().cast(Float),
                      (chosen.c.period + " " + chosen.c.counted_from).cast(String))
    entry_columns = (
        Entry.indicator_id, null().cast(String), type_coerce(Entry.period_start, String),
        Entry.numerator, Entry.denominator, Entry.value, null().cast(String))
    live_entries = (Entry.unit_id == _UNIT, Entry.deleted_at.is_(None),
                    Entry.indicator_id.in_(select(chosen.c.id).where(chosen.c.measure != "events")))
    # Two selects, not one with OR: each keeps to its range of the (unit, indicator, day) index.
    recent_entries = select(*entry_columns).where(*live_entries, Entry.period_start >= _SINCE)
    freezes = _freeze_days()
    baseline_entries = (
        select(*entry_columns).join(freezes, freezes.c.indicator_id == Entry.indicator_id)
        # One upper bound, known before the query (see _read): the index range is empty at
        # once without a freeze, instead of a walk through the years before the window.
        .where(*live_entries, Entry.period_start <= _BASELINE_UNTIL,
               Entry.period_start <= freezes.c.until))
    event_columns = (
        Event.indicator_id, null().cast(String), type_coerce(Event.day, String),
        null().cast(Float), null().cast(Float), null().cast(Float), Event.note)
    live_events = (Event.unit_id == _UNIT, Event.deleted_at.is_(None),
                   Event.indicator_id.in_(select(chosen.c.id).where(chosen.c.measure == "events")))
    recent_events = select(*event_columns).where(*live_events, Event.day >= _SINCE)
    last_before = (select(Event.indicator_id, func.max(Event.day).label("day"))
                   .where(Event.unit_id == _UNIT, Event.deleted_at.is_(None), Event.day < _SINCE)
                   .group_by(Event.indicator_id).subquery())
    older_events = (
        select(*event_columns)
        .join(last_before, last_before.c.indicator_id == Event.indicator_id)
        .outerjoin(freezes, freezes.c.indicator_id == Event.indicator_id)
        .where(*live_events, Event.day < _SINCE,
               or_(Event.day == last_before.c.day, Event.day <= freezes.c.until)))
    source = aliased(Indicator)
    # The source events of an indicator counted from events, in the window or its baseline.
    counted_events = (
        select(chosen.c.id, literal(_COUNTED_EVENT, String), type_coerce(Event.day, String),
               null().cast(Float), null().cast(Float), null().cast(Float), null().cast(String))
        .select_from(chosen)
        .join(source, source.code == chosen.c.counted_from)
        .join(Event, Event.indicator_id == source.id)
        .outerjoin(freezes, freezes.c.indicator_id == chosen.c.id)
        .where(Event.unit_id == _UNIT, Event.deleted_at.is_(None), chosen.c.counted_from != "",
               or_(Event.day >= _SINCE, Event.day <= freezes.c.until)))
    return union_all(describe, recent_entries, baseline_entries, recent_events, older_events,
                     counted_events)


def _freeze_days():
    """The unit's frozen indicators and the last day of each one's baseline (latest freeze)."""
    return (select(Baseline.indicator_id, func.max(Baseline.day).label("until"))
            .where(Baseline.unit_id == _UNIT, Baseline.kind == "freeze",
                   Baseline.deleted_at.is_(None))
            .group_by(Baseline.indicator_id).subquery())


# Built once, with the unit and indicator as bound parameters: fetch_rows then
# compiles each query once per database instead of on every board read.
_ONE_SERIES = _query(
    select(Indicator.id, Indicator.measure, Indicator.period, Indicator.counted_from,
           literal(0, Integer).label("position"))
    .where(Indicator.id == bindparam("indicator_id", type_=Integer)))
_BOARD = _query(
    select(Indicator.id, Indicator.measure, Indicator.period, Indicator.counted_from,
           UnitIndicator.position)
    .join(UnitIndicator, UnitIndicator.indicator_id == Indicator.id)
    .where(UnitIndicator.unit_id == _UNIT, UnitIndicator.active, Indicator.deleted_at.is_(None)))
