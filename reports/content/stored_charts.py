"""Read a unit's stored series and chart them: the one path from database to chart model.

The board, the analysis page, the monthly reports and the overview all start
here, so a chart looks the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlmodel import Session

from db import (
    BoardExtras,
    StoredIndicator,
    in_exposure,
    list_annotations,
    list_baselines,
    list_indicators,
    list_sampling_switches,
    list_unit_baselines,
    list_unit_indicators,
    measuring_starts,
    read_board_extras,
    read_series,
    read_unit_series,
    unit_exposure,
    unit_exposures,
)
from indicators import (
    CHART_PERIOD,
    Annotation,
    ChartModel,
    Goal,
    GoalStatus,
    chart_goal_status,
    chart_goal_statuses,
    days_since_last_event,
    days_without_events,
    indicator_chart,
)
from reports.content.history_window import DEFAULT_HISTORY_YEARS, history_start
from reports.content.sampling_marks import sampling_annotations, sampling_days
from reports.content.unit_processes import for_each_unit

_NO_BASELINES = pd.DataFrame(columns=["id", "kind", "date", "reason", "deleted"])


@dataclass(frozen=True)
class StoredChart:
    """One indicator of one unit: its definition, its recorded series and its chart."""

    unit_id: int
    indicator: StoredIndicator
    series: pd.DataFrame
    model: ChartModel
    days_since_last_event: int | None  # only for event indicators with at least one event
    goal: GoalStatus | None = None  # how the chart stands against its goal; None without a goal
    measuring_since: date | None = None  # the day the unit began measuring it, if known
    # Days since the last event, or since measuring began when there is none ("N dage uden").
    days_without_event: int | None = None


def chart_annotations(annotations: pd.DataFrame, indicator_id: int) -> tuple[Annotation, ...]:
    """Return the annotations that belong on one indicator's chart (its own and the unit's)."""
    return _annotations_of(_annotation_rows(annotations), indicator_id)


def _annotation_rows(annotations: pd.DataFrame) -> list[tuple[object, date, str]]:
    """Return a unit's annotations as (indicator id or None/NaN, day, text), read once per unit."""
    if annotations.empty:
        return []
    # Plain lists: a board or report asks for each chart's annotations, and pandas'
    # row filtering costs more than the chart itself.
    return list(zip(annotations["indicator_id"].tolist(), annotations["date"].tolist(),
                    annotations["text"].tolist(), strict=True))


def _annotations_of(rows: list[tuple[object, date, str]],
                    indicator_id: int) -> tuple[Annotation, ...]:
    """Return the annotations among rows that belong on one indicator's chart."""
    return tuple(
        Annotation(day, text) for owner, day, text in rows
        if owner is None or owner != owner or owner == indicator_id  # owner != owner: NaN
    )


def _up_to(frame: pd.DataFrame, today: date) -> pd.DataFrame:
    """Return the rows dated up to today, numbered from 0 (all rows when none is later).

    A monthly report for an earlier month must not see later entries or events.
    """
    kept = np.asarray(frame["date"].to_numpy() <= today, dtype=bool)
    if kept.all():
        return frame
    first_later = int(kept.argmin())
    if not kept[first_later:].any():  # series are read in date order: keep the first rows
        first_rows, index = frame.iloc[:first_later], frame.index
        numbered = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
        return first_rows if numbered else first_rows.reset_index(drop=True)
    return frame[kept].reset_index(drop=True)


def baseline_dates(baselines: pd.DataFrame) -> tuple[date | None, list[date]]:
    """Return the saved freeze date and the new-phase start dates."""
    if baselines.empty:
        return None, []
    # Plain lists, as for the annotations: a handful of rows, asked for every chart.
    live = [(kind, day) for kind, day, deleted in zip(
        baselines["kind"].tolist(), baselines["date"].tolist(), baselines["deleted"].tolist(),
        strict=True) if not deleted]
    freezes = [day for kind, day in live if kind == "freeze"]
    phases = [day for kind, day in live if kind != "freeze"]
    return (freezes[-1] if freezes else None), phases


def _chart(unit_id: int, indicator: StoredIndicator, series: pd.DataFrame, *,
           session: Session | None, actor: str, today: date, rules: str, chart: str | None,
           annotations: list[tuple[object, date, str]], start: date | None,
           switches: pd.DataFrame | None = None,
           baselines: pd.DataFrame | None = None,
           measuring_since: date | None = None, judge: bool = True) -> StoredChart:
    """Chart one series with the unit's saved baseline and annotations, as known on today.

    series holds the rows dated up to today (read so: db.read_series' until), and
    annotations are the unit's _annotation_rows up to today. baselines, when given,
    are this indicator's saved settings (read for the whole unit at once); otherwise
    they are read here. judge False leaves a share or reduction goal unjudged, for
    _judged to judge many charts' goals at once.
    """
    if baselines is None:
        baselines = list_baselines(unit_id, indicator.id, session=session, actor=actor)
    freeze_until, phase_starts = baseline_dates(baselines)
    model = indicator_chart(
        series, indicator.definition, today=today, rules=rules, chart=chart,
        freeze_until=freeze_until, phase_starts=phase_starts,
        annotations=_annotations_of(annotations, indicator.id) + (
            () if switches is None else sampling_annotations(switches, indicator, today=today)),
        start=start,
        sampling_starts=() if switches is None else sampling_days(switches, indicator, today=today),
    )
    days = (days_since_last_event(series, today=today)
            if indicator.definition.measure == "events" else None)
    # Without an event the open interval runs from the day measuring began (not after today).
    without = days
    if days is None and measuring_since is not None and indicator.definition.measure == "events":
        counted = days_without_events(np.array([measuring_since], dtype="datetime64[D]"),
                                      today=today)[0]
        without = None if np.isnan(counted) else int(counted)
    goal = indicator.definition.goal
    if not judge and _judged_together(goal):
        goal = None
    status = None if goal is None else chart_goal_status(
        model, goal, today=today,
        last_event=None if without is None else today - timedelta(days=without))
    return StoredChart(unit_id, indicator, series, model, days, status, measuring_since,
                       without)


def unit_chart(unit_id: int, indicator: StoredIndicator, *, session: Session, actor: str,
               today: date, rules: str = "anhoej", chart: str | None = None,
               start: date | None = None) -> StoredChart:
    """Return one unit's chart of one indicator, with its baseline and annotations.

    actor is who reads (see db.permissions); the read is refused outside their units.
    """
    series = read_series(unit_id, indicator.id, session=session, actor=actor, until=today)
    annotations = list_annotations(unit_id, session=session, actor=actor,
                                   indicator_id=indicator.id)
    return _chart(unit_id, indicator, series, session=session, actor=actor, today=today,
                  rules=rules, chart=chart, annotations=_annotation_rows(_up_to(annotations, today)),
                  start=start,
                  switches=list_sampling_switches(session=session, actor=actor, unit_id=unit_id),
                  measuring_since=measuring_starts(unit_id, session=session, actor=actor).get(
                      indicator.id))


def unit_board(unit_id: int, *, session: Session, actor: str, today: date,
               rules: str = "anhoej", start: date | None = None,
               indicators: Iterable[StoredIndicator] | None = None,
               history_years: int | None = DEFAULT_HISTORY_YEARS) -> list[StoredChart]:
    """Return the charts of every active indicator of a unit, in board order (actor reads).

    history_years bounds what is read and charted (see history_window); None: everything.
    """
    return _board(unit_id, session=session, actor=actor, today=today, rules=rules, start=start,
                  indicators=indicators, since=history_start(today, years=history_years),
                  switches=list_sampling_switches(session=session, actor=actor, unit_id=unit_id))


def unit_boards(unit_ids: Sequence[int], *, session: Session, actor: str, today: date,
                rules: str = "anhoej",
                history_years: int | None = DEFAULT_HISTORY_YEARS,
                processes: int | None = None) -> list[list[StoredChart]]:
    """Return unit_board of each of the units, reading what the boards share in one go.

    The units are shared out among processes, each reading and charting its own
    (reports.content.unit_processes; processes None: as the cores allow).
    """
    read_boards = board_reader(session=session, actor=actor, today=today, rules=rules,
                               history_years=history_years)
    return for_each_unit(read_boards, unit_ids, session=session, actor=actor,
                         processes=processes)


def board_reader(*, session: Session, actor: str, today: date, rules: str = "anhoej",
                 history_years: int | None = DEFAULT_HISTORY_YEARS,
                 ) -> Callable[[Sequence[int], Session], list[list[StoredChart]]]:
    """Read what every board shares, once; return what reads and charts some units' boards.

    A municipality's report charts fifty boards: one query for the catalogue and one
    for the sampling switches of every unit actor may read save ninety-eight. The
    returned function reads the units' annotations, baselines and measuring starts
    together (db.read_board_extras), each unit's series on its own, through the
    session it is given (a forked process's own).
    """
    since = history_start(today, years=history_years)
    catalogue = {stored.id: stored for stored in list_indicators(session=session)}
    switches = list_sampling_switches(session=session, actor=actor)
    no_switches = switches.iloc[:0]
    by_unit = {unit_id: rows for unit_id, rows in switches.groupby("unit_id", sort=False)}
    exposures = unit_exposures(session=session)

    def read_boards(unit_ids: Sequence[int], reading: Session) -> list[list[StoredChart]]:
        extras = read_board_extras(unit_ids, session=reading, actor=actor)
        boards = [[_chart_of(arguments) for arguments in _board_inputs(
            unit_id, session=reading, actor=actor, today=today, rules=rules, start=None,
            indicators=None, catalogue=catalogue, since=since,
            switches=by_unit.get(unit_id, no_switches), exposure=exposures[unit_id],
            extras=extras[unit_id])] for unit_id in unit_ids]
        judged = iter(_judged([chart for board in boards for chart in board]))
        return [[next(judged) for _ in board] for board in boards]

    return read_boards


def _chart_of(arguments: tuple[tuple, dict]) -> StoredChart:
    """_chart of one board input (positional and keyword arguments)."""
    positional, keywords = arguments
    return _chart(*positional, **keywords)


def _board(unit_id: int, *, session: Session, actor: str, today: date, rules: str,
           start: date | None, indicators: Iterable[StoredIndicator] | None,
           switches: pd.DataFrame, since: date | None,
           catalogue: dict[int, StoredIndicator] | None = None,
           exposure: str | None = None) -> list[StoredChart]:
    """Return a unit's board, given the unit's sampling switches (see _board_inputs)."""
    return _judged([_chart_of(arguments) for arguments in _board_inputs(
        unit_id, session=session, actor=actor, today=today, rules=rules, start=start,
        indicators=indicators, switches=switches, since=since, catalogue=catalogue,
        exposure=exposure)])


def _judged(charts: list[StoredChart]) -> list[StoredChart]:
    """The charts, those left unjudged (_chart's judge) with their goal judged, goal by goal.

    One table of a goal's charts costs about what one chart's did
    (indicators.chart_goal_statuses): a report has some three hundred to judge.
    """
    waiting: dict[Goal, list[int]] = {}
    for at, chart in enumerate(charts):
        goal = chart.indicator.definition.goal
        if chart.goal is None and _judged_together(goal):
            waiting.setdefault(goal, []).append(at)
    judged = list(charts)
    for goal, places in waiting.items():
        statuses = chart_goal_statuses([charts[at].model for at in places], goal)
        for at, status in zip(places, statuses, strict=True):
            judged[at] = replace(charts[at], goal=status)
    return judged


def _judged_together(goal: Goal | None) -> bool:
    """Tell whether a chart's goal is judged with others' (a share or a reduction).

    A goal of days between events is judged from the chart's own last event, on its own.
    """
    return goal is not None and goal.kind != "min_days_between"


def _board_inputs(unit_id: int, *, session: Session, actor: str, today: date, rules: str,
                  start: date | None, indicators: Iterable[StoredIndicator] | None,
                  switches: pd.DataFrame, since: date | None,
                  catalogue: dict[int, StoredIndicator] | None = None,
                  exposure: str | None = None,
                  extras: BoardExtras | None = None) -> list[tuple[tuple, dict]]:
    """Read a unit's board: the arguments of _chart for each chart, needing no session any more.

    With the catalogue (live indicators by id) and the unit's exposure, the board's
    active indicators are taken from it in the order the series read gives (board
    order), instead of read again. extras: the unit's annotations, baselines and
    measuring starts, read already (db.read_board_extras); else they are read here.
    """
    # Up to today: a monthly report for an earlier month must not see later entries or events.
    all_series = read_unit_series(unit_id, session=session, actor=actor, since=since,
                                  until=today)
    if indicators is not None:
        chosen = list(indicators)
    elif catalogue is not None:
        chosen = in_exposure([catalogue[indicator_id] for indicator_id in all_series],
                             exposure or unit_exposure(unit_id, session=session))
    else:
        chosen = list_unit_indicators(unit_id, session=session)
    if extras is None:
        extras = BoardExtras(list_annotations(unit_id, session=session, actor=actor),
                             list_unit_baselines(unit_id, session=session, actor=actor),
                             measuring_starts(unit_id, session=session, actor=actor))
    annotations = _annotation_rows(_up_to(extras.annotations, today))
    baselines, starts = extras.baselines, extras.measuring_starts
    # The baselines are given, so _chart reads nothing: it may run in another process.
    return [
        ((unit_id, indicator, all_series[indicator.id]),
         {"session": None, "actor": actor, "today": today, "rules": rules, "chart": None,
          "annotations": annotations, "start": start, "switches": switches,
          "baselines": baselines.get(indicator.id, _NO_BASELINES),
          "measuring_since": starts.get(indicator.id), "judge": False})
        for indicator in chosen if indicator.id in all_series
    ]


def latest_row(chart: StoredChart) -> int | None:
    """Return the index of the latest point with a value (for events: the latest closed interval)."""
    points = chart.model.points
    usable = np.isfinite(points["y"].to_numpy(dtype=float)) & ~points["censored"].to_numpy(dtype=bool)
    found = np.flatnonzero(usable)
    return int(found[-1]) if len(found) else None


def latest_only(chart: StoredChart) -> StoredChart:
    """Return the chart with only its latest point with a value (see latest_row) and no series.

    That is all a report's cover and summary read of a chart, and a twentieth of
    what it costs to send the whole chart to another process.
    """
    row = latest_row(chart)
    points = chart.model.points
    kept = points.iloc[0:0] if row is None else points.iloc[[row]]
    return replace(chart, series=chart.series.iloc[0:0], model=replace(chart.model, points=kept))


def period_unit(chart: StoredChart) -> str:
    """Return the period a chart point stands for: day for events, else week or month."""
    definition = chart.indicator.definition
    return "day" if definition.measure == "events" else CHART_PERIOD[definition.period]
