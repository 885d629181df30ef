"""One chart per indicator: title, the vector chart, its verdict sentence, the month's changes and notes.

The chart is reports.chart_drawing's picture of the same chart model the
screen draws, painted straight onto the page (reports.picture_canvas). In a shared report, points whose value would reveal a count of
1–4 are left out of the drawing (reports.suppression) and the text says how many.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import pandas as pd
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from reports import palette
from reports.cell_text import CellTexts
from reports.chart_drawing import chart_picture
from reports.formats import format_date, format_month
from reports.goal_status import goal_status
from reports.picture_canvas import PictureFlowable
from reports.report_content import ReportContent, UnitCharts
from reports.report_styles import TEXT_WIDTH, ReportStyles
from reports.steady_paragraph import SteadyParagraph
from reports.stored_charts import StoredChart
from reports.suppression import suppressed_model
from reports.texts import counted, report_text

CHART_HEIGHT = 240.0  # two charts with their texts fill an A4 page
CHART_FONT_SIZE = 7.5


def chart_section(content: ReportContent, *, styles: ReportStyles, language: str,
                  shared: bool) -> list[Flowable]:
    """Return the charts of every unit; each unit starts on a new page in a report of several."""
    story: list[Flowable] = []
    several = len(content.units) > 1
    texts = CellTexts()  # one report's charts share what they have measured and encoded
    for unit in content.units:
        story.append(PageBreak())
        story += unit_heading(unit, styles=styles, language=language, several=several)
        for chart in unit.charts:
            story.append(chart_block(chart, content, styles=styles, language=language,
                                     shared=shared, unit_name=unit.unit.name if several else "",
                                     texts=texts))
    return story


def unit_heading(unit: UnitCharts, *, styles: ReportStyles, language: str,
                 several: bool) -> list[Flowable]:
    """Return the heading over a unit's charts."""
    title = report_text("charts.title", language) if not several else escape(unit.unit.name)
    story: list[Flowable] = [SteadyParagraph(title, styles.heading)]
    if several and unit.unit.area:
        story.append(SteadyParagraph(escape(unit.unit.area), styles.small))
        story.append(Spacer(1, 6))
    if not unit.charts:
        story.append(SteadyParagraph(report_text("charts.none", language), styles.body))
    return story


def chart_block(chart: StoredChart, content: ReportContent, *, styles: ReportStyles,
                language: str, shared: bool, unit_name: str = "",
                texts: CellTexts | None = None) -> Flowable:
    """Return one indicator's chart with the texts above and below it, kept on one page.

    unit_name starts the line under the title in reports of several units, so a
    page read on its own still says whose chart it is.
    """
    definition = chart.indicator.definition
    fonts = styles.fonts
    name = definition.name_en if language == "en" else definition.name_da
    parts: list[Flowable] = [
        SteadyParagraph(escape(name), styles.chart_title),
        SteadyParagraph(subtitle_markup(chart_subtitle(chart, content, language=language), unit_name),
                  styles.small),
        Spacer(1, 4),
    ]
    model, hidden = suppressed_model(chart.model, definition.measure) if shared else (chart.model, 0)
    if len(model.points):
        parts.append(PictureFlowable(chart_picture(
            model, width=TEXT_WIDTH, height=CHART_HEIGHT, language=language,
            y_title=y_title(chart, language), font_name=fonts.regular,
            bold_font_name=fonts.bold, font_size=CHART_FONT_SIZE), texts=texts))
    else:
        parts.append(SteadyParagraph(report_text("chart.no_data", language), styles.body))
    parts.append(Spacer(1, 3))
    parts.append(SteadyParagraph(verdict_line(chart, language=language, symbols=fonts.symbols),
                           styles.body))
    if hidden:
        parts.append(SteadyParagraph(report_text("chart.hidden", language,
                                           points=counted(hidden, "points", language)), styles.small))
    month_name = format_month(content.month.first, language=language)
    changes = [(a.x, a.text) for a in chart.model.annotations if in_month(a.x, content)]
    if changes:
        parts.append(SteadyParagraph(dated_list(report_text("chart.changes", language, month=month_name),
                                          changes, language), styles.small))
    if not shared:  # notes are free text about single events: they stay within the team
        notes = month_notes(chart, content)
        if notes:
            parts.append(SteadyParagraph(dated_list(report_text("chart.notes", language, month=month_name),
                                              notes, language), styles.small))
    parts.append(Spacer(1, 14))
    return KeepTogether(parts)


def chart_subtitle(chart: StoredChart, content: ReportContent, *, language: str) -> str:
    """Return the line under a chart's title: package, kind of indicator, chart type and goal."""
    definition = chart.indicator.definition
    pieces = [content.package_name(definition.package, language),
              report_text(f"indicator.kind.{definition.kind}", language),
              report_text(f"chart.type.{chart.model.chart}", language)]
    status = goal_status(chart.model, definition, days_since_last_event=chart.days_since_last_event,
                         latest=None, language=language)
    if status.target:
        pieces.append(report_text("chart.goal", language, target=status.target))
    if chart.days_since_last_event is not None:
        pieces.append(report_text("chart.days_since", language, days=chart.days_since_last_event))
    return " · ".join(pieces)


def subtitle_markup(subtitle: str, unit_name: str) -> str:
    """Return the subtitle as Paragraph markup, led by the unit's name in bold when given."""
    return f"<b>{escape(unit_name)}</b> · {escape(subtitle)}" if unit_name else escape(subtitle)


def y_title(chart: StoredChart, language: str) -> str | None:
    """Return the y axis title: the chart's own for shares, the indicator's unit otherwise."""
    definition = chart.indicator.definition
    if definition.measure == "proportion":
        return None
    if definition.measure == "events":
        return report_text("axis.days_between", language)
    unit = definition.unit_en if language == "en" else definition.unit_da
    return unit[:1].upper() + unit[1:] if unit else None


def verdict_line(chart: StoredChart, *, language: str, symbols: bool) -> str:
    """Return the verdict sentence behind its coloured symbol, as Paragraph markup."""
    verdict = chart.model.verdict
    mark = palette.VERDICT_MARKS[verdict.kind]
    label = f"{mark.glyph} {mark.word(language)}" if symbols else mark.word(language)
    return (f'<font color="{mark.colour}"><b>{escape(label)}:</b></font> '
            f"{escape(verdict.text(language))}")


def in_month(x: object, content: ReportContent) -> bool:
    """Return True when a chart x (a date) falls in the report month."""
    try:
        day = pd.Timestamp(x).date()
    except (TypeError, ValueError):
        return False
    return content.month.contains(day)


def month_notes(chart: StoredChart, content: ReportContent) -> list[tuple[object, str]]:
    """Return the point notes of the report month, by date."""
    points = chart.model.points
    notes = points["notes"].to_numpy()
    # Most points have no note: look at the dates of those that do.
    noted = [i for i, note in enumerate(notes) if note is not None and not pd.isna(note) and str(note).strip()]
    xs = points["x"].iloc[noted]
    return [(x, str(notes[i])) for i, x in zip(noted, xs, strict=True) if in_month(x, content)]


def dated_list(title: str, items: list[tuple[object, str]], language: str) -> str:
    """Return a title followed by "date: text" items, as Paragraph markup."""
    lines = [f"<b>{escape(title)}</b>"] + [
        f"{format_date(pd.Timestamp(x).date(), language=language)}: {escape(text)}"
        for x, text in items]
    return "<br/>".join(lines)
