"""The report's summary table ("Oversigt"): one row per unit and indicator with the latest
value, verdict, goal and days since.

`summary_rows` reads the rows off the report's charts; `summary_section` lays
any list of rows out as the report's table. Keeping the two apart lets another
source of rows print through the same section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from reports.content.report_content import ReportContent
from reports.content.stored_charts import StoredChart, latest_row, period_unit
from reports.content.suppression import SMALL_COUNT_TEXT, hidden_points
from reports.drawing import palette
from reports.pdf.cell_text import CellTexts
from reports.pdf.report_styles import INK, MUTED, ReportStyles
from reports.pdf.steady_paragraph import SteadyParagraph
from reports.pdf.summary_grid import GridCell, GridRow, SummaryGrid
from reports.wording.formats import MISSING, format_date, format_number, format_period
from reports.wording.goal_text import goal_state, goal_target_text
from reports.wording.texts import report_text
from reports.wording.value_text import value_text

# Column widths in points, summing to the text width (481).
COLUMN_WIDTHS = (156.0, 72.0, 52.0, 72.0, 74.0, 55.0)
RIGHT_ALIGNED = (2, 5)  # the latest value and the days since
GOAL_COLOURS = {"met": palette.TARGET.colour, "not_met": palette.DETERIORATION.colour}


@dataclass(frozen=True)
class SummaryRow:
    """One unit and indicator as the summary table prints it: every cell already text."""

    unit: str
    area: str
    indicator: str
    period: str  # the latest period with a value: "uge 47, 2026", "november 2026", "03-11-2026"
    latest: str  # "87,5 %", "<5", "skjult (<5)" or "–"
    verdict: str  # a key of palette.VERDICT_MARKS
    goal: str  # a goal state of indicators.GOAL_STATES
    target: str  # "≥ 95,0 %", "" without a goal
    days_since: str  # days since the last event, "" for indicators that are not events
    hidden: bool = False  # the latest value is a small count, left out of a shared report


def summary_row(chart: StoredChart, *, unit: str, area: str, language: str,
                 shared: bool) -> SummaryRow:
    """Return the summary row of one chart; with shared, small counts are not printed."""
    definition = chart.indicator.definition
    points = chart.model.points
    row = latest_row(chart)
    # One cell each, not a column made into a Series first (a summary has 400 rows).
    latest_value = None if row is None else float(points.iat[row, points.columns.get_loc("y")])
    hidden = False
    if row is None:
        period, latest = MISSING, MISSING
    else:
        period = format_period(points.iat[row, points.columns.get_loc("x")], unit=period_unit(chart),
                               language=language)
        latest = value_text(latest_value, definition, language=language,
                            with_unit=definition.measure != "rate")
        hidden = shared and bool(hidden_points(points.iloc[[row]], definition.measure)[0])
        if hidden:
            latest = (SMALL_COUNT_TEXT if definition.measure == "count"
                      else report_text("value.hidden", language))
    # A rate's unit is long ("pr. 1000 sengedage") and its name already says it.
    target = goal_target_text(chart.goal, definition, language=language,
                              with_unit=definition.measure != "rate")
    name = definition.name_en if language == "en" else definition.name_da
    return SummaryRow(unit, area, name, period, latest, chart.model.verdict.kind, goal_state(chart.goal),
                       target, days_text(chart, language), hidden)


def days_text(chart: StoredChart, language: str) -> str:
    """Return the days since the last event, or "348 uden" counted from the measurement start."""
    if chart.days_since_last_event is not None:
        return format_number(chart.days_since_last_event, language=language)
    if chart.days_without_event is not None:
        return report_text("summary.days_without", language,
                           days=format_number(chart.days_without_event, language=language))
    return ""


def summary_rows(content: ReportContent, *, language: str = "da",
                  shared: bool = False) -> list[SummaryRow]:
    """Return the summary rows of every chart in the report, unit by unit in board order."""
    return [summary_row(chart, unit=unit.unit.name, area=unit.unit.area, language=language,
                         shared=shared)
            for unit in content.units for chart in unit.charts]


def verdict_text(kind: str, *, language: str, symbols: bool) -> str:
    """Return a verdict as its symbol and word ("▲ Forbedring"), the word alone without symbols."""
    mark = palette.VERDICT_MARKS[kind]
    return f"{mark.glyph} {mark.word(language)}" if symbols else mark.word(language)


def summary_section(rows: Sequence[SummaryRow], *, styles: ReportStyles, language: str,
                     as_of_text: str) -> list[Flowable]:
    """Return the summary's heading, how to read it, and its table (unit rows when several)."""
    fonts = styles.fonts
    story: list[Flowable] = [
        SteadyParagraph(report_text("summary.title", language), styles.heading),
        SteadyParagraph(report_text("summary.intro", language, date=as_of_text), styles.body),
        Spacer(1, 4),
    ]
    if not rows:
        story.append(SteadyParagraph(report_text("summary.empty", language), styles.body))
        return story
    header = [report_text(f"summary.column.{key}", language)
              for key in ("indicator", "period", "latest", "verdict", "goal", "days_since")]
    several = len({(row.unit, row.area) for row in rows}) > 1
    grid: list[GridRow] = []
    texts = CellTexts()  # one Color per colour, shared by the rows (and their text operators)
    previous = None
    for row in rows:
        if several and (row.unit, row.area) != previous:
            grid.append(GridRow((GridCell(f"{row.unit} · {row.area}" if row.area else row.unit),),
                                title=True))
        previous = (row.unit, row.area)
        faint = row.hidden or row.period == MISSING
        goal = report_text(f"goal.{row.goal}", language)
        grid.append(GridRow((
            GridCell(row.indicator),
            GridCell(row.period, MUTED if faint else INK),
            GridCell(row.latest, MUTED if faint else INK),
            GridCell(verdict_text(row.verdict, language=language, symbols=fonts.symbols),
                     texts.colour(palette.VERDICT_MARKS[row.verdict].colour)),
            GridCell(f"{goal}\n{row.target}" if row.target else goal,
                     texts.colour(GOAL_COLOURS[row.goal]) if row.goal in GOAL_COLOURS else INK),
            GridCell(row.days_since),
        )))
    story.append(SummaryGrid(header, grid, widths=COLUMN_WIDTHS, right_aligned=RIGHT_ALIGNED,
                             fonts=fonts, texts=texts))
    return story


def as_of_text(content: ReportContent, language: str) -> str:
    """Return the day the figures are read as of, as the summary's intro prints it."""
    return format_date(content.as_of, language=language, style="long")
