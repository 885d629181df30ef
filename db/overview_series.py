"""Read every unit's series at once, long form, for the managers' overview.

`read_unit_series` reads one unit's board with one query; the overview of 200
units would need 200 of them. `read_overview_series` reads the figures of every
active unit indicator with one query for entries and one for events, straight
from the driver's cursor, and hands them over as column arrays:

    entries    unit_id, indicator_id, date (datetime64[D]), numerator, denominator, value
    events     unit_id, indicator_id, date
    assigned   unit_id, indicator_id, position, measuring_since   (the active unit indicators)
    baselines  unit_id, indicator_id, kind, date (live saved freezes and phases)

`since` bounds the read as for a board (see db.series): the rows from that day
on, each frozen baseline, and the last event before that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Float, and_, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement, Select, Subquery
from sqlmodel import Session

from db.event_counts import counted_numerators
from db.models import Baseline, Entry, Event, Indicator, UnitIndicator
from db.permissions import check_permission, rights_of
from db.raw_rows import fetch_rows
from db.series import window_parameter


@dataclass(frozen=True)
class OverviewSeries:
    """Every figure the overview judges, long form, deleted rows left out."""

    entries: pd.DataFrame
    events: pd.DataFrame
    assigned: pd.DataFrame
    baselines: pd.DataFrame


# SQLite's julianday() of 1970-01-01: days since then are numpy's datetime64[D].
_UNIX_EPOCH_JULIAN_DAY = 2440587.5


def _epoch_days(column: ColumnElement, dialect: str) -> ColumnElement:
    """The date as a number of days since 1970-01-01, computed by the database.

    Parsing three hundred thousand ISO dates in Python costs half a second; the
    database hands over plain numbers instead.
    """
    if dialect == "sqlite":
        return func.julianday(column) - _UNIX_EPOCH_JULIAN_DAY
    return type_coerce(column - literal(date(1970, 1, 1)), Float)


def _active(unit_ids: Sequence[int] | None) -> Select:
    """The active indicators of the chosen units (all units when None)."""
    query = (select(UnitIndicator.unit_id, UnitIndicator.indicator_id, UnitIndicator.position,
                    UnitIndicator.measuring_since, Indicator.measure, Indicator.period,
                    Indicator.counted_from)
             .join(Indicator, Indicator.id == UnitIndicator.indicator_id)
             .where(UnitIndicator.active, Indicator.deleted_at.is_(None)))
    if unit_ids is not None:
        # unit_id + 0: an expression, so SQLite cannot carry the list over to entry.unit_id
        # and walk every year of each unit's rows; it takes the pairs first, then each
        # pair's window along the (unit, indicator, day) index.
        query = query.where((UnitIndicator.unit_id + 0).in_(list(unit_ids)))
    return query


def _columns(rows: list[tuple], names: Sequence[str], kinds: Sequence[str]) -> pd.DataFrame:
    """Turn row tuples into a frame column by column (ids, days, floats or text)."""
    if not rows:
        empty = {"id": np.zeros(0, np.int64), "day": np.zeros(0, "datetime64[D]"),
                 "float": np.zeros(0), "text": np.zeros(0, dtype=object)}
        return pd.DataFrame({name: empty[kind] for name, kind in zip(names, kinds, strict=True)})
    if "text" in kinds:  # a handful of rows (baselines): column by column
        columns = [np.asarray(values, dtype=object) for values in zip(*rows, strict=True)]
    else:  # one conversion of the whole table: every value is a number or None (NaN)
        table = np.array(rows, dtype=float)
        columns = [table[:, k] for k in range(table.shape[1])]
    data = {}
    for name, kind, values in zip(names, kinds, columns, strict=True):
        if kind == "id":
            data[name] = values.astype(np.int64)
        elif kind == "day":  # days since 1970-01-01 (see _epoch_days); NULL is NaT
            days = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[D]")
            known = ~np.isnan(values.astype(float))
            days[known] = values[known].astype(float).astype(np.int64).astype("datetime64[D]")
            data[name] = days
        elif kind == "float":
            data[name] = values.astype(float)
        else:
            data[name] = values
    return pd.DataFrame(data)


def read_overview_series(*, session: Session, actor: str, unit_ids: Sequence[int] | None = None,
                         since: date | None = None) -> OverviewSeries:
    """Return the figures of every active indicator of the chosen units (all actor may read when None).

    Comparing units is the overview's own right (overview.read), beside reading each one.
    since bounds the read (see the module's docstring); None reads the whole history.
    """
    if unit_ids is None:
        unit_ids = rights_of(actor, session=session).unit_ids  # None still: every unit
    for unit_id in unit_ids or ():
        check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
        check_permission(session, actor=actor, action="overview.read", unit_id=unit_id)
    dialect = session.connection().dialect.name
    active = _active(unit_ids).subquery()
    link = and_(active.c.unit_id == Entry.unit_id, active.c.indicator_id == Entry.indicator_id)
    first_day = literal(window_parameter(since, dialect))
    freezes = (select(Baseline.unit_id, Baseline.indicator_id, func.max(Baseline.day).label("until"))
               .where(Baseline.kind == "freeze", Baseline.deleted_at.is_(None))
               .group_by(Baseline.unit_id, Baseline.indicator_id).subquery())
    entry_columns = (Entry.unit_id, Entry.indicator_id, _epoch_days(Entry.period_start, dialect),
                     Entry.numerator, Entry.denominator, Entry.value)
    live_entries = (Entry.deleted_at.is_(None), active.c.measure != "events")
    frozen_entry = and_(freezes.c.unit_id == Entry.unit_id,
                        freezes.c.indicator_id == Entry.indicator_id)
    entries = union_all(
        select(*entry_columns).join(active, link)
        .where(*live_entries, Entry.period_start >= first_day),
        select(*entry_columns).join(active, link).join(freezes, frozen_entry)
        .where(*live_entries, Entry.period_start < first_day,
               Entry.period_start <= freezes.c.until))
    event_link = and_(active.c.unit_id == Event.unit_id, active.c.indicator_id == Event.indicator_id)
    event_columns = (Event.unit_id, Event.indicator_id, _epoch_days(Event.day, dialect))
    live_events = (Event.deleted_at.is_(None), active.c.measure == "events")
    # The last event before the window, per pair, found backwards along the
    # (unit, indicator, day) index: a walk through every older event would grow with the years.
    older = Event.__table__.alias("older")
    last_before = (select(older.c.day)
                   .where(older.c.unit_id == active.c.unit_id,
                          older.c.indicator_id == active.c.indicator_id,
                          older.c.deleted_at.is_(None), older.c.day < first_day)
                   .order_by(older.c.day.desc()).limit(1).scalar_subquery())
    frozen_event = and_(freezes.c.unit_id == Event.unit_id,
                        freezes.c.indicator_id == Event.indicator_id)
    events = union_all(
        select(*event_columns).join(active, event_link)
        .where(*live_events, Event.day >= first_day),
        select(*event_columns).join(active, event_link)
        .where(*live_events, Event.day == last_before),  # before the window by its making
        select(*event_columns).join(active, event_link).join(freezes, frozen_event)
        .where(*live_events, Event.day <= freezes.c.until, Event.day < last_before))
    baseline_link = and_(active.c.unit_id == Baseline.unit_id,
                         active.c.indicator_id == Baseline.indicator_id)
    baselines = (select(Baseline.unit_id, Baseline.indicator_id, Baseline.kind,
                        _epoch_days(Baseline.day, dialect))
                 .join(active, baseline_link).where(Baseline.deleted_at.is_(None)))
    assigned = select(active.c.unit_id, active.c.indicator_id, active.c.position,
                      _epoch_days(active.c.measuring_since, dialect))
    entry_frame = _columns(fetch_rows(entries, session=session),
                           ("unit_id", "indicator_id", "date", "numerator", "denominator", "value"),
                           ("id", "id", "day", "float", "float", "float"))
    return OverviewSeries(
        entries=_with_counted_events(entry_frame, active, since=since, first_day=first_day,
                                     freezes=freezes,
                                     dialect=dialect, session=session),
        events=_columns(fetch_rows(events, session=session), ("unit_id", "indicator_id", "date"),
                        ("id", "id", "day")),
        assigned=_columns(fetch_rows(assigned, session=session),
                          ("unit_id", "indicator_id", "position", "measuring_since"),
                          ("id", "id", "id", "day")),
        baselines=_columns(fetch_rows(baselines, session=session),
                           ("unit_id", "indicator_id", "kind", "date"),
                           ("id", "id", "text", "day")),
    )


def _with_counted_events(entries: pd.DataFrame, active: Subquery, *, since: date | None,
                         first_day: ColumnElement,
                         freezes: Subquery, dialect: str, session: Session) -> pd.DataFrame:
    """Return entries whose indicators are counted from events with the counts filled in."""
    counted = fetch_rows(select(active.c.unit_id, active.c.indicator_id, active.c.measure,
                                active.c.period).where(active.c.counted_from != ""),
                         session=session)
    if not counted:
        return entries
    source = aliased(Indicator)
    event_rows = fetch_rows(
        select(active.c.unit_id, active.c.indicator_id, _epoch_days(Event.day, dialect))
        .select_from(active).join(source, source.code == active.c.counted_from)
        .join(Event, and_(Event.indicator_id == source.id, Event.unit_id == active.c.unit_id))
        .outerjoin(freezes, and_(freezes.c.unit_id == active.c.unit_id,
                                 freezes.c.indicator_id == active.c.indicator_id))
        # The events of the window, and of a frozen baseline before it, as the entries are read.
        .where(Event.deleted_at.is_(None), active.c.counted_from != "",
               or_(Event.day >= first_day, Event.day <= freezes.c.until)), session=session)
    events = _columns(event_rows, ("unit_id", "indicator_id", "date"), ("id", "id", "day"))
    event_days = events["date"].to_numpy()
    event_groups = events.groupby(["unit_id", "indicator_id"]).indices
    entry_groups = entries.groupby(["unit_id", "indicator_id"]).indices
    replaced = []
    for unit_id, indicator_id, measure, period in counted:
        rows = entries.iloc[entry_groups.get((unit_id, indicator_id), [])]
        days = event_days[event_groups.get((unit_id, indicator_id), [])]
        periods, numerators = counted_numerators(rows["date"].to_numpy(), days, measure=measure,
                                                 period=period, since=since)
        kept = rows.set_index("date")
        replaced.append(pd.DataFrame({
            "unit_id": np.full(len(periods), unit_id, np.int64),
            "indicator_id": np.full(len(periods), indicator_id, np.int64),
            "date": periods, "numerator": numerators,
            "denominator": kept["denominator"].reindex(periods).to_numpy(dtype=float),
            "value": kept["value"].reindex(periods).to_numpy(dtype=float)}))
    counted_keys = pd.MultiIndex.from_tuples([(row[0], row[1]) for row in counted])
    keys = pd.MultiIndex.from_frame(entries[["unit_id", "indicator_id"]])
    return pd.concat([entries[~keys.isin(counted_keys)], *replaced], ignore_index=True)
