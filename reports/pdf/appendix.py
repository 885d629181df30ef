"""The appendix: the data table behind each chart, every point as the chart plots it.

Columns follow the measure: period, numerator, denominator and value for
shares and rates; the count for counts; the days between events for events.
The last column repeats the chart's symbol for points with a signal. In a
shared report a count of 1–4 prints as "<5" and the value computed from it
as "skjult" (reports.content.suppression).
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

import numpy as np
from reportlab.platypus import Flowable, PageBreak, Spacer

from reports.content.report_content import ReportContent, UnitCharts
from reports.content.stored_charts import StoredChart, period_unit
from reports.content.suppression import SMALL_COUNT_TEXT, counted_columns, small_counts
from reports.drawing import palette
from reports.drawing.chart_geometry import point_kind
from reports.drawing.point_columns import point_column
from reports.pdf.cell_text import CellTexts
from reports.pdf.data_table import Column, DataTable
from reports.pdf.report_styles import TEXT_WIDTH, ReportStyles
from reports.pdf.steady_paragraph import SteadyParagraph
from reports.wording.formats import format_period
from reports.wording.measure_plan import measure_plan
from reports.wording.texts import report_text
from reports.wording.value_text import count_text, value_text

PERIOD_WIDTH = 58.0
COUNT_WIDTH = 38.0
VALUE_WIDTH = 42.0
SYMBOL_WIDTH = 12.0


def appendix_section(content: ReportContent, *, styles: ReportStyles, language: str,
                     shared: bool, units: Sequence[UnitCharts] | None = None,
                     heading: bool = True) -> list[Flowable]:
    """Return the appendix: a page break, a heading, how to read it, and one table per chart.

    units: only these of the content's units' tables; heading False: the tables alone
    (the appendix's second half, which starts on a page of its own).
    """
    story: list[Flowable] = []
    if heading:
        story += [
            PageBreak(),
            SteadyParagraph(report_text("appendix.title", language), styles.heading),
            SteadyParagraph(report_text("appendix.intro", language), styles.body),
        ]
        if styles.fonts.symbols:
            marks = [palette.IMPROVEMENT, palette.DETERIORATION, palette.NEUTRAL, palette.CENSORED]
            legend = " &nbsp; ".join(f'<font color="{m.colour}">{m.glyph}</font> {escape(m.word(language))}'
                                     for m in marks)
            story.append(SteadyParagraph(legend, styles.small))
        if shared:
            story.append(SteadyParagraph(report_text("appendix.shared", language), styles.small))
        story.append(Spacer(1, 8))
    several = len(content.units) > 1
    texts = CellTexts()  # one report's tables share what they have measured and encoded
    said: dict[tuple, dict] = {}  # and what they have printed (see table_rows)
    for unit in content.units if units is None else units:
        for chart in unit.charts:
            story.append(data_table(chart, content, styles=styles, language=language, shared=shared,
                                    unit_name=unit.unit.name if several else "", texts=texts,
                                    said=said))
            story += plan_lines(chart, styles=styles, language=language)
    return story


def plan_lines(chart: StoredChart, *, styles: ReportStyles, language: str) -> list[Flowable]:
    """Return the indicator's måleplan ("Om målingen") under its table, when it has one."""
    plan = measure_plan(chart.indicator.definition, language=language)
    if not plan:
        return []
    words = " · ".join(f"<b>{escape(label)}:</b> {escape(text)}" for label, text in plan)
    return [SteadyParagraph(f"{escape(report_text('plan.title', language))}: {words}", styles.small),
            Spacer(1, 8)]


def data_table(chart: StoredChart, content: ReportContent, *, styles: ReportStyles,
               language: str, shared: bool, unit_name: str = "",
               texts: CellTexts | None = None, said: dict[tuple, dict] | None = None) -> DataTable:
    """Return the table of one chart's points (said: see table_rows)."""
    definition = chart.indicator.definition
    name = definition.name_en if language == "en" else definition.name_da
    title = f"{unit_name} · {name}" if unit_name else name
    columns = table_columns(chart, language)
    return DataTable(title, table_note(chart, language), columns,
                     table_rows(chart, language=language, shared=shared, symbols=styles.fonts.symbols,
                                said=said),
                     styles.fonts, width=TEXT_WIDTH, texts=texts)


def table_columns(chart: StoredChart, language: str) -> list[Column]:
    """Return the columns for the chart's measure."""
    measure = chart.indicator.definition.measure
    period = Column(report_text("appendix.column.date" if measure == "events"
                                else "appendix.column.period", language), PERIOD_WIDTH, "left")
    symbol = Column("", SYMBOL_WIDTH, "center")
    if measure in ("proportion", "rate"):
        return [period, Column(report_text("appendix.column.numerator", language), COUNT_WIDTH),
                Column(report_text("appendix.column.denominator", language), COUNT_WIDTH + 6),
                Column(report_text(f"appendix.column.{measure}", language), VALUE_WIDTH), symbol]
    key = {"count": "count", "events": "days", "measurement": "value"}[measure]
    return [period, Column(report_text(f"appendix.column.{key}", language), VALUE_WIDTH), symbol]


def table_note(chart: StoredChart, language: str) -> str:
    """Return the line under a table's title that names what the numbers count."""
    definition = chart.indicator.definition
    numerator = definition.numerator_en if language == "en" else definition.numerator_da
    denominator = definition.denominator_en if language == "en" else definition.denominator_da
    unit = definition.unit_en if language == "en" else definition.unit_da
    if definition.measure in ("proportion", "rate") and numerator and denominator:
        key = "appendix.note.share" if definition.measure == "proportion" else "appendix.note.rate"
        return report_text(key, language, numerator=numerator, denominator=denominator, unit=unit)
    if definition.measure == "events" and numerator:
        return report_text("appendix.note.events", language, event=numerator)
    return ""


def table_rows(chart: StoredChart, *, language: str, shared: bool, symbols: bool,
               said: dict[tuple, dict] | None = None) -> list[tuple[tuple[str, ...], str | None, bool]]:
    """Return one printed row per chart point, small counts hidden when shared.

    said: what the report's tables have printed so far, by what decides the text (periods,
    counts and values repeat across a report's charts); each table adds its own.
    A row is a plain tuple of data_table.Row's fields: a report prints some 28,000.
    """
    definition = chart.indicator.definition
    measure = definition.measure
    points = chart.model.points
    unit = period_unit(chart)
    said = {} if said is None else said
    # Zero is not kept: -0.0 equals 0.0 but prints with its sign. NaN keys never match.
    periods = said.setdefault(("period", unit, language), {})
    values = said.setdefault(("value", measure, definition.multiply, language), {})
    counts = said.setdefault(("count", language), {})
    small = {column: small_counts(point_column(points, column)) if shared else np.zeros(len(points), bool)
             for column in ("numerator", "n")}
    hidden = np.zeros(len(points), dtype=bool)
    for column in counted_columns(measure):
        hidden |= small[column]
    # Plain lists: a report prints tens of thousands of rows, and numpy or pandas scalars
    # cost more one at a time.
    small_numerators, small_ns = small["numerator"].tolist(), small["n"].tolist()
    shown_values = (~hidden & np.isfinite(np.asarray(point_column(points, "y"), dtype=float))).tolist()
    hidden_text = report_text("value.hidden_short", language)
    marks: dict[tuple[object, ...], tuple[str, str | None]] = {}  # a point's look, worked out once
    rows = []
    columns = zip(_periods(point_column(points, "x")), *(point_column(points, name).tolist() for name in (
        "y", "numerator", "n", "signal", "signal_kind", "include", "censored")),
        hidden.tolist(), small_numerators, small_ns, shown_values, strict=True)
    for (x, y, numerator, n, signal, kind, include, censored,
         is_hidden, small_numerator, small_n, shown_value) in columns:
        period = periods.get(x) if x else None
        if period is None:
            period = format_period(x, unit=unit, language=language)
            if x:
                periods[x] = period
        if is_hidden:
            value = hidden_text
        else:
            value = values.get(y) if y else None
            if value is None:
                value = value_text(y, definition, language=language, with_unit=False)
                if y and y == y:  # not NaN either: no two NaNs are the same key
                    values[y] = value
        if measure in ("proportion", "rate"):
            cells = (period,
                     SMALL_COUNT_TEXT if small_numerator else _count(numerator, counts, language),
                     SMALL_COUNT_TEXT if measure == "proportion" and small_n
                     else _count(n, counts, language),
                     value)
        elif measure == "count":
            cells = (period, SMALL_COUNT_TEXT if is_hidden else value)
        else:
            cells = (period, value)
        look = marks.get((signal, kind, include, censored))
        if look is None:
            point, is_open = point_kind(bool(signal), kind, bool(include), bool(censored))
            mark = palette.POINT_MARKS[point]
            shown = symbols and (point != "normal" or is_open)
            look = marks[signal, kind, include, censored] = (
                (mark.glyph, mark.colour) if shown else ("", None))
        rows.append(((*cells, look[0]), look[1], not shown_value))
    return rows


def _count(count: float, counts: dict[float, str], language: str) -> str:
    """Return count_text(count), from counts when it was printed before (zero and NaN never are)."""
    text = counts.get(count) if count else None
    if text is None:
        text = count_text(count, language=language)
        if count and count == count:  # not NaN either: no two NaNs are the same key
            counts[count] = text
    return text


def _periods(x: np.ndarray) -> list[object]:
    """Return a chart's x as plain values: dates for a date column (NaT as None), else as stored."""
    if x.dtype.kind == "M":
        # A day's date prints the same as the Timestamp it came from, and costs far less to make.
        return x.astype("datetime64[D]").tolist()
    return x.tolist()
