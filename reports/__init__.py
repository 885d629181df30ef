"""Everything between stored data and what people read: chart models, the shared drawing, the PDF.

Four layers, each a sub-package with its own `__all__`; a layer imports only the
layers above it in this list. Outside `reports`, everything is imported from `reports`
itself, which offers the names of all four layers:

    reports.wording   numbers, dates, periods and values in Danish and English; the report's words
    reports.content   stored data -> chart models: a unit's board, one chart, the managers'
                      overview, a report's scope, month and content (read once); the
                      small-numbers rule of shared reports
    reports.drawing   chart models -> geometry, axes, labels, colours and the verdict sentence,
                      shared by the Altair chart on screen and the chart on paper
    reports.pdf       the monthly A4 PDF (reportlab): cover, summary table, charts, appendix

    from reports import find_scope, monthly_report, parse_month, report_content

    scope = find_scope("Område Nord", kind="area", session=s)    # reports.content
    content = report_content(scope, parse_month("2026-11"), session=s, today=today)
    pdf = monthly_report(content, generated_at=now, language="da", shared=False)  # reports.pdf

`python -m reports monthly ...` is the command line.
"""

from reports.content import (
    DEFAULT_HISTORY_YEARS,
    Overview,
    ReportError,
    StoredChart,
    find_scope,
    funnel_choices,
    funnel_for,
    history_start,
    month_of,
    municipality_scope,
    parse_month,
    previous_month,
    read_overview,
    report_content,
    scope_of,
    unit_board,
    unit_chart,
)
from reports.drawing import (
    ANNOTATION_FONT_SCALE,
    IMPROVEMENT,
    LINE_SPACING,
    ChartGeometry,
    LegendItem,
    Mark,
    Panel,
    PlotRoom,
    ValueStyle,
    annotation_row_height,
    change_list,
    chart_geometry,
    number_ticks,
    palette,
    panel_columns,
    place_labels,
    tick_decimals,
    verdict_sentence,
    x_title_for,
)
from reports.pdf import (
    chart_drawing,
    chart_picture,
    first_page_png,
    monthly_report,
    monthly_report_of,
    paint_picture,
    report_file_name,
    report_fonts,
)
from reports.wording import (
    MISSING,
    d3_axis_date_format,
    d3_number_locale,
    d3_time_locale,
    event_after_last,
    format_axis_date,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_period,
    format_week,
    goal_state,
    goal_target_text,
    is_missing,
    is_percent,
    measure_plan,
    value_text,
)

__all__ = [
    "ANNOTATION_FONT_SCALE",
    "IMPROVEMENT",
    "LINE_SPACING",
    "MISSING",
    "ChartGeometry",
    "DEFAULT_HISTORY_YEARS",
    "LegendItem",
    "Mark",
    "Overview",
    "Panel",
    "PlotRoom",
    "ReportError",
    "StoredChart",
    "ValueStyle",
    "annotation_row_height",
    "change_list",
    "chart_drawing",
    "chart_geometry",
    "chart_picture",
    "d3_axis_date_format",
    "d3_number_locale",
    "d3_time_locale",
    "event_after_last",
    "find_scope",
    "first_page_png",
    "format_axis_date",
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_period",
    "format_week",
    "funnel_choices",
    "funnel_for",
    "goal_state",
    "goal_target_text",
    "history_start",
    "is_missing",
    "is_percent",
    "measure_plan",
    "month_of",
    "monthly_report",
    "monthly_report_of",
    "municipality_scope",
    "number_ticks",
    "paint_picture",
    "palette",
    "panel_columns",
    "parse_month",
    "place_labels",
    "previous_month",
    "read_overview",
    "report_content",
    "report_file_name",
    "report_fonts",
    "scope_of",
    "tick_decimals",
    "unit_board",
    "unit_chart",
    "value_text",
    "verdict_sentence",
    "x_title_for",
]
