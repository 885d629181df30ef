"""One chart per indicator: title, the vector chart, its verdict sentence, the month's changes and notes.

The chart is reports.pdf.chart_drawing's picture of the same chart model the
screen draws. Its texts are set with it in one picture (reports.pdf.styled_lines),
which keeps them on the chart's page and is painted straight onto the page
(reports.pdf.picture_canvas). In a shared report, points whose value would reveal
a count of 1–4 are left out of the drawing (reports.content.suppression) and the text
says how many.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from indicators import ChartModel
from reports.content.report_content import ReportContent, UnitCharts
from reports.content.stored_charts import StoredChart
from reports.content.suppression import suppressed_model
from reports.drawing import palette
from reports.drawing.chart_axes import x_title_for
from reports.drawing.point_columns import point_column
from reports.drawing.verdict_sentence import verdict_sentence
from reports.pdf.calendar_pages import calendar_section
from reports.pdf.cell_text import CellTexts
from reports.pdf.chart_drawing import chart_picture
from reports.pdf.fonts import ReportFonts
from reports.pdf.picture import Layer, Picture, Text
from reports.pdf.picture_canvas import PictureFlowable
from reports.pdf.report_styles import TEXT_WIDTH, ReportStyles
from reports.pdf.steady_paragraph import SteadyParagraph
from reports.pdf.styled_lines import NEW_LINE, Lines, Run, break_lines
from reports.wording.formats import format_date, format_month
from reports.wording.goal_text import goal_target_text
from reports.wording.texts import counted, report_text

CHART_HEIGHT = 240.0  # two charts with their texts fill an A4 page
CHART_FONT_SIZE = 7.5
ABOVE_CHART, BELOW_CHART, AFTER_BLOCK = 4.0, 3.0, 14.0  # points between the texts and the chart


def chart_section(content: ReportContent, *, styles: ReportStyles, language: str,
                  shared: bool, units: Sequence[UnitCharts] | None = None) -> list[Flowable]:
    """Return the charts of every unit (or of units, some of the content's); each starts on a new page."""
    story: list[Flowable] = []
    several = len(content.units) > 1
    texts = CellTexts()  # one report's charts share what they have measured and encoded
    for unit in content.units if units is None else units:
        story.append(PageBreak())
        story += unit_heading(unit, styles=styles, language=language, several=several)
        for chart in unit.charts:
            story.append(chart_block(chart, content, styles=styles, language=language,
                                     shared=shared, unit_name=unit.unit.name if several else "",
                                     texts=texts))
        story += calendar_section(unit, styles=styles, language=language, shared=shared,
                                  several=several)
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
    """Return one indicator's chart with the texts above and below it, as one picture on one page.

    unit_name starts the line under the title in reports of several units, so a
    page read on its own still says whose chart it is.
    """
    definition = chart.indicator.definition
    fonts = styles.fonts
    texts = texts or CellTexts()
    name = definition.name_en if language == "en" else definition.name_da
    model, hidden = suppressed_model(chart.model, definition.measure) if shared else (chart.model, 0)
    small = styles.small
    subtitle = styled(small, (" · " if unit_name else "")
                      + chart_subtitle(chart, content, language=language))
    if unit_name:
        subtitle.insert(0, Run(unit_name, fonts.bold, small.fontSize, ink(small)))
    above = [(styled(styles.chart_title, name), styles.chart_title),
             (subtitle, small)]
    below = [(verdict_runs(chart, styles=styles, language=language), styles.body)]
    if hidden:
        below.append((styled(small, report_text("chart.hidden", language,
                                                points=counted(hidden, "points", language))), small))
    month_name = format_month(content.month.first, language=language)
    changes = [(a.x, a.text) for a in chart.model.annotations if in_month(a.x, content)]
    if changes:
        below.append((dated_runs(report_text("chart.changes", language, month=month_name), changes,
                                 language, style=small, bold=fonts.bold), small))
    if not shared:  # notes are free text about single events: they stay within the team
        notes = month_notes(chart, content)
        if notes:
            below.append((dated_runs(report_text("chart.notes", language, month=month_name), notes,
                                     language, style=small, bold=fonts.bold), small))
    picture = model_figure(chart, model, fonts=fonts, language=language, measure=texts.width)
    if not len(model.points):
        above.append((styled(styles.body, report_text("chart.no_data", language)), styles.body))
    return PictureFlowable(block_picture(above, picture, below, measure=texts.width), texts=texts)


def chart_figure(chart: StoredChart, *, fonts: ReportFonts, language: str, shared: bool) -> Picture | None:
    """Return the chart itself as the report draws it (None without points): the costly part of a block."""
    model = suppressed_model(chart.model, chart.indicator.definition.measure)[0] if shared else chart.model
    return model_figure(chart, model, fonts=fonts, language=language)


def model_figure(chart: StoredChart, model: ChartModel, *, fonts: ReportFonts, language: str,
                 measure: Callable[[str, str, float], float] = stringWidth) -> Picture | None:
    """Return the chart's model (suppressed or not, as the caller made it) drawn; None without points.

    measure: how texts are measured (see chart_picture).
    """
    definition = chart.indicator.definition
    if not len(model.points):
        return None
    return chart_picture(
        model, width=TEXT_WIDTH, height=CHART_HEIGHT, language=language,
        y_title=y_title(chart, language), x_title=x_title_for(definition.measure, language),
        font_name=fonts.regular, bold_font_name=fonts.bold, font_size=CHART_FONT_SIZE,
        measure=measure)


def ink(style: ParagraphStyle) -> str:
    """Return the style's text colour as "#RRGGBB"."""
    return "#" + style.textColor.hexval()[2:].upper()


def styled(style: ParagraphStyle, text: str) -> list[Run]:
    """Return text as one run in the style's font, size and colour."""
    return [Run(text, style.fontName, style.fontSize, ink(style))]


def block_picture(above: list[tuple[list[Run], ParagraphStyle]], chart: Picture | None,
                  below: list[tuple[list[Run], ParagraphStyle]], *,
                  measure: Callable[[str, str, float], float]) -> Picture:
    """Return texts, the chart and texts stacked in one picture as wide as the page's text.

    Each text is set as a paragraph of its style would be: the first baseline one font
    size below its top, then a line every leading, and the style's space after it.
    """
    placed: list[tuple[Lines, ParagraphStyle, float]] = []
    y = 0.0  # from the top, downwards
    for runs, style in above:
        lines = break_lines(runs, TEXT_WIDTH, measure)
        placed.append((lines, style, y))
        y += len(lines.lines) * style.leading + style.spaceAfter
    chart_top = y + ABOVE_CHART
    y = chart_top + (chart.height + BELOW_CHART if chart else 0)
    for runs, style in below:
        lines = break_lines(runs, TEXT_WIDTH, measure)
        placed.append((lines, style, y))
        y += len(lines.lines) * style.leading + style.spaceAfter
    height = y + AFTER_BLOCK
    items: list[Text | Layer] = [
        text for lines, style, top in placed
        for text in lines.texts(top=height - top, first_baseline=style.fontSize, leading=style.leading)]
    if chart:
        items.append(Layer(chart.items, name="chart", offset=(0.0, height - chart_top - chart.height)))
    return Picture(TEXT_WIDTH, height, tuple(items))


def chart_subtitle(chart: StoredChart, content: ReportContent, *, language: str) -> str:
    """Return the line under a chart's title: package, kind of indicator, chart type and goal."""
    definition = chart.indicator.definition
    pieces = [content.package_name(definition.package, language),
              report_text(f"indicator.kind.{definition.kind}", language),
              report_text(f"chart.type.{chart.model.chart}", language)]
    target = goal_target_text(chart.goal, definition, language=language)
    if target:
        pieces.append(report_text("chart.goal", language, target=target))
    if chart.days_since_last_event is not None:
        days = chart.days_since_last_event
        pieces.append(report_text("chart.days_since.one" if days == 1 else "chart.days_since",
                                  language, days=days))
    elif chart.days_without_event is not None and chart.measuring_since is not None:
        # No event yet: the board's "N dage uden tryksår", from the measurement start.
        days = chart.days_without_event
        event = (definition.numerator_en if language == "en" else definition.numerator_da) or \
            (definition.name_en if language == "en" else definition.name_da)
        pieces.append(report_text("chart.days_without.one" if days == 1 else "chart.days_without",
                                  language, days=days, event=event,
                                  date=format_date(chart.measuring_since, language=language)))
    return " · ".join(pieces)


def y_title(chart: StoredChart, language: str) -> str | None:
    """Return the y axis title: the chart's own for shares, the indicator's unit otherwise."""
    definition = chart.indicator.definition
    if definition.measure == "proportion":
        return None
    if definition.measure == "events":
        return report_text("axis.days_between", language)
    unit = definition.unit_en if language == "en" else definition.unit_da
    return unit[:1].upper() + unit[1:] if unit else None


def verdict_runs(chart: StoredChart, *, styles: ReportStyles, language: str) -> list[Run]:
    """Return the verdict sentence behind its coloured symbol and word in bold."""
    verdict = chart.model.verdict
    mark = palette.VERDICT_MARKS[verdict.kind]
    label = f"{mark.glyph} {mark.word(language)}" if styles.fonts.symbols else mark.word(language)
    body = styles.body
    return [Run(f"{label}:", styles.fonts.bold, body.fontSize, mark.colour),
            Run(f" {verdict_sentence(chart, language)}", body.fontName, body.fontSize, ink(body))]


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
    notes = point_column(points, "notes")
    # Most points have no note: look at the dates of those that do.
    noted = [i for i, note in enumerate(notes) if note is not None and not pd.isna(note) and str(note).strip()]
    if not noted:  # most charts: no need to pick dates out of the frame
        return []
    xs = points["x"].iloc[noted]
    return [(x, str(notes[i])) for i, x in zip(noted, xs, strict=True) if in_month(x, content)]


def dated_runs(title: str, items: list[tuple[object, str]], language: str, *,
               style: ParagraphStyle, bold: str) -> list[Run]:
    """Return a title in bold followed by a "date: text" line per item."""
    colour = ink(style)
    lines = [f"{format_date(pd.Timestamp(x).date(), language=language)}: {text}" for x, text in items]
    return [Run(title, bold, style.fontSize, colour),
            Run("".join(NEW_LINE + line for line in lines), style.fontName, style.fontSize, colour)]
