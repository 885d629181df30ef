"""Everything a monthly report shows, read from the database once: the scope's charts as of a day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from db import CalendarDay, check_permission, find_unit, list_packages, month_calendars
from reports.content.history_window import DEFAULT_HISTORY_YEARS
from reports.content.report_month import ReportMonth
from reports.content.report_scope import ReportScope, ScopeUnit
from reports.content.stored_charts import StoredChart, board_reader
from reports.content.unit_processes import for_each_unit


@dataclass(frozen=True)
class MonthCalendar:
    """The month's patient-safety calendar of one event indicator: a box per day."""

    chart: StoredChart
    days: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class UnitCharts:
    """One care unit's charts, in board order, and the month's calendar of each event indicator."""

    unit: ScopeUnit
    charts: tuple[StoredChart, ...]
    calendars: tuple[MonthCalendar, ...] = ()


@dataclass(frozen=True)
class ReportContent:
    """The scope, the month, the day figures are read as of, and every unit's charts."""

    scope: ReportScope
    month: ReportMonth
    as_of: date  # the month's last day, or today while the month runs
    rules: str
    units: tuple[UnitCharts, ...]
    packages: dict[str, tuple[str, str]]  # package code -> (Danish name, English name)

    def for_unit(self, unit: ScopeUnit) -> ReportContent:
        """Return the content of one of the scope's units on its own (no second database read)."""
        chosen = tuple(u for u in self.units if u.unit.id == unit.id)
        return replace(self, scope=self.scope.only(unit), units=chosen)

    @property
    def charts(self) -> list[StoredChart]:
        """Return every chart of the report, unit by unit."""
        return [chart for unit in self.units for chart in unit.charts]

    def package_name(self, code: str, language: str) -> str:
        """Return a package's name in language, or its code when it is unknown."""
        names = self.packages.get(code)
        return code if names is None else names[1 if language == "en" else 0]


def report_content(scope: ReportScope, month: ReportMonth, *, session: Session, actor: str,
                   today: date, rules: str = "anhoej",
                   history_years: int | None = DEFAULT_HISTORY_YEARS,
                   processes: int | None = None) -> ReportContent:
    """Read and chart every active indicator of every unit in scope, as of the month's end.

    today is the caller's clock: a report for the running month reads up to today.
    actor must be allowed to report on the scope (see db.permissions). history_years
    bounds the charts to the years before the month (see history_window); None: everything.
    processes: how many processes read and chart (None: as the cores allow, see unit_processes).
    """
    check_permission(session, actor=actor, action="report",
                     unit_id=find_unit(scope.code, session=session))
    as_of = month.as_of(today)
    read_boards = board_reader(session=session, actor=actor, today=as_of, rules=rules,
                               history_years=history_years)

    def unit_charts(unit_ids: Sequence[int],
                    reading: Session) -> list[tuple[tuple, tuple[MonthCalendar, ...]]]:
        boards = read_boards(unit_ids, reading)
        calendars = _calendars(boards, month, session=reading, actor=actor, as_of=as_of)
        return [(tuple(board), _board_calendars(board, calendars)) for board in boards]

    # Each unit's board and calendars are read where its charts are made (see unit_processes).
    read = for_each_unit(unit_charts, [unit.id for unit in scope.units], session=session,
                         actor=actor, processes=processes)
    units = tuple(UnitCharts(unit, charts, calendars)
                  for unit, (charts, calendars) in zip(scope.units, read, strict=True))
    packages = {row.code: (row.name_da, row.name_en)
                for row in list_packages(session=session).itertuples()}
    return ReportContent(scope, month, as_of, rules, units, packages)


def _board_calendars(board: list[StoredChart], calendars: dict[tuple[int, int],
                                                               tuple[CalendarDay, ...]],
                     ) -> tuple[MonthCalendar, ...]:
    """Return the calendars of a board's event indicators, in board order."""
    return tuple(MonthCalendar(chart, calendars[chart.unit_id, chart.indicator.id])
                 for chart in board if chart.indicator.definition.measure == "events")


def _calendars(boards: list[list[StoredChart]], month: ReportMonth, *, session: Session,
               actor: str, as_of: date) -> dict[tuple[int, int], tuple[CalendarDay, ...]]:
    """Return the month's calendar of each event indicator on the boards, by unit and indicator."""
    found = month_calendars([(chart.unit_id, chart.indicator.id) for board in boards
                             for chart in board if chart.indicator.definition.measure == "events"],
                            month.first.year, month.first.month, session=session, actor=actor,
                            today=as_of)
    return {chart: tuple(days) for chart, days in found.items()}
