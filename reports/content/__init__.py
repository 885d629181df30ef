"""From stored data to chart models: what a board, a chart, the overview or a report shows.

Reads the database through `db` and charts each series with `indicators`; draws nothing.

    board = unit_board(unit_id, session=s, today=today)          # the board's StoredCharts
    overview = read_overview(session=s, today=today, actor=actor) # the managers' overview
    content = report_content(find_scope("Område Nord", kind="area", session=s),
                             parse_month("2026-11"), session=s, today=today)
"""

from reports.content.errors import ReportError
from reports.content.history_window import DEFAULT_HISTORY_YEARS, history_start
from reports.content.overview_data import Overview, funnel_choices, funnel_for, read_overview
from reports.content.report_content import report_content
from reports.content.report_month import month_of, parse_month, previous_month
from reports.content.report_scope import find_scope, municipality_scope, scope_of
from reports.content.stored_charts import StoredChart, unit_board, unit_chart

__all__ = [
    "DEFAULT_HISTORY_YEARS",
    "Overview",
    "ReportError",
    "StoredChart",
    "find_scope",
    "funnel_choices",
    "funnel_for",
    "history_start",
    "month_of",
    "municipality_scope",
    "parse_month",
    "previous_month",
    "read_overview",
    "report_content",
    "scope_of",
    "unit_board",
    "unit_chart",
]
