"""The report's summary table ("Oversigt"): one row per unit and indicator with the latest
value, verdict, goal and days since.

`summary_rows` reads the rows off the report's charts; `summary_section` lays
any list of rows out as the report's table. Keeping the two apart lets another
source of rows print through the same section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.content.report_content import ReportContent
from reports.content.stored_charts import StoredChart, latest_row, period_unit
from reports.content.suppression import SMALL_COUNT_TEXT, hidden_points
from reports.drawing import palette
from reports.pdf.report_styles import INK, MUTED, RULE, SHADE, ReportStyles
from reports.wording.formats import MISSING, format_date, format_number, format_period
from reports.wording.goal_text import goal_state, goal_target_text
from reports.wording.texts import report_text
from reports.wording.value_text import value_text

# Column widths in points, summing to the text width (481).
COLUMN_WIDTHS = (156.0, 72.0, 52.0, 72.0, 74.0, 55.0)
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
    latest_value = None if row is None else float(points["y"].iloc[row])
    hidden = False
    if row is None:
        period, latest = MISSING, MISSING
    else:
        period = format_period(points["x"].iloc[row], unit=period_unit(chart), language=language)
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
        Paragraph(report_text("summary.title", language), styles.heading),
        Paragraph(report_text("summary.intro", language, date=as_of_text), styles.body),
        Spacer(1, 4),
    ]
    if not rows:
        story.append(Paragraph(report_text("summary.empty", language), styles.body))
        return story
    header = [Paragraph(report_text(f"summary.column.{key}", language), styles.table_header)
              for key in ("indicator", "period", "latest", "verdict", "goal", "days_since")]
    data: list[list[object]] = [header]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    several = len({(row.unit, row.area) for row in rows}) > 1
    indicator_width = COLUMN_WIDTHS[0] - 6
    previous = None
    for row in rows:
        if several and (row.unit, row.area) != previous:
            at = len(data)
            title = f"{row.unit} · {row.area}" if row.area else row.unit
            data.append([title, "", "", "", "", ""])
            commands += [("SPAN", (0, at), (-1, at)), ("FONT", (0, at), (-1, at), fonts.bold, 8.5),
                         ("LINEABOVE", (0, at), (-1, at), 0.5, RULE),
                         ("TOPPADDING", (0, at), (-1, at), 6)]
        previous = (row.unit, row.area)
        at = len(data)
        # A Paragraph only where the name needs wrapping: a table of 400 rows stays quick.
        fits = stringWidth(row.indicator, fonts.regular, 8) <= indicator_width
        indicator = row.indicator if fits else Paragraph(escape(row.indicator), styles.table)
        goal = report_text(f"goal.{row.goal}", language)
        if row.target:
            goal = f"{goal}\n{row.target}"
        data.append([indicator, row.period, row.latest,
                     verdict_text(row.verdict, language=language, symbols=fonts.symbols),
                     goal, row.days_since])
        commands += [("TEXTCOLOR", (3, at), (3, at), HexColor(palette.VERDICT_MARKS[row.verdict].colour)),
                     ("LINEBELOW", (0, at), (-1, at), 0.25, RULE)]
        if row.goal in GOAL_COLOURS:
            commands.append(("TEXTCOLOR", (4, at), (4, at), HexColor(GOAL_COLOURS[row.goal])))
        if row.hidden or row.period == MISSING:
            commands.append(("TEXTCOLOR", (1, at), (2, at), MUTED))
    table = Table(data, colWidths=COLUMN_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(commands))
    story.append(table)
    return story


def as_of_text(content: ReportContent, language: str) -> str:
    """Return the day the figures are read as of, as the summary's intro prints it."""
    return format_date(content.as_of, language=language, style="long")
