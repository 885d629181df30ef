"""The analysis page's chart: one unit, or several as small multiples, with what it shows.

Under the chart: the verdict, the figures of each phase, "Sådan læser du
diagrammet" and the downloads. Everything is read from the chart models that
reports.content.stored_charts builds; nothing is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app.access.identity import current_actor
from app.analysis.chart_help import chart_help
from app.analysis.choices import AnalysisChoice, ChosenUnit
from app.analysis.downloads import CSV_MIME, XLSX_MIME, chart_table, csv_bytes, xlsx_bytes
from app.analysis.phase_table import phase_table
from app.charts.measure_plan import show_measure_plan
from app.charts.small_multiples import faceted_model
from app.charts.spec import chart_spec
from app.indicator_labels import indicator_label
from app.language import text
from app.plain_text import as_text
from app.resources import database, today
from db import read_session
from indicators import ChartModel, IndicatorError, recommendation_text
from reports import StoredChart, palette, unit_chart, verdict_sentence, x_title_for

# Small multiples: one column up to three units (time lines aligned one above the other),
# then two. Panel, axis and end labels fit the wide layout's main column (about 820 px)
# on a 1280 px screen.
ONE_COLUMN_UNITS = 3
PANEL_WIDTH = {1: 680, 2: 300}
PANEL_HEIGHT = 190


@dataclass(frozen=True)
class UnitChart:
    """One chosen unit and its chart."""

    unit: ChosenUnit
    stored: StoredChart


def load_charts(choice: AnalysisChoice, *, language: str) -> list[UnitChart]:
    """Chart the indicator for every chosen unit; say which units cannot be charted and why."""
    charts = []
    with read_session(database()) as session:
        for unit in choice.units:
            try:
                stored = unit_chart(unit.id, choice.indicator, session=session, actor=current_actor(), today=today(),
                                    rules=choice.rules, chart=choice.chart)
            except IndicatorError as error:
                st.warning(text("analysis.cannot_chart", unit=as_text(unit.name),
                                reason=error.text(language)))
                continue
            charts.append(UnitChart(unit, stored))
    return charts


def verdict_line(chart: StoredChart, language: str) -> str:
    """Return the verdict with its symbol, e.g. "▲ 9 punkter i træk over medianen ..."."""
    glyph = palette.VERDICT_MARKS[chart.model.verdict.kind].glyph
    return f"{glyph} {verdict_sentence(chart, language)}"


def show_chart(choice: AnalysisChoice, charts: list[UnitChart], *, language: str) -> ChartModel:
    """Draw the chart with its verdict, phase figures, explanation and downloads; return its model."""
    definition = choice.indicator.definition
    y_title = definition.unit_en if language == "en" else definition.unit_da
    st.subheader(indicator_label(definition, "name", language))
    if len(charts) == 1:
        model = charts[0].stored.model
        st.markdown(f"**{verdict_line(charts[0].stored, language)}**")
        spec = chart_spec(model, language=language, y_title=y_title or None,
                          x_title=x_title_for(definition.measure, language))
        st.vega_lite_chart(spec, theme=None, width="stretch")
    else:
        model = faceted_model([(chart.unit.name, chart.stored.model) for chart in charts])
        for chart in charts:
            st.markdown(f"**{as_text(chart.unit.name)}:** {verdict_line(chart.stored, language)}")
        columns = 1 if len(charts) <= ONE_COLUMN_UNITS else 2
        spec = chart_spec(model, language=language, y_title=y_title or None, columns=columns,
                          x_title=x_title_for(definition.measure, language),
                          width=PANEL_WIDTH[columns], height=PANEL_HEIGHT)
        st.vega_lite_chart(spec, theme=None, width="content")
        st.caption(text("analysis.shared_axes"))
    st.caption(text("analysis.png_hint"))
    if len(charts) == 1 and model.recommendation:
        shown = int(model.points["y"].notna().sum())
        st.caption(text("analysis.recommendation", advice=recommendation_text(
            model.recommendation, definition.measure, shown, language)))
    show_measure_plan(definition, language=language)
    st.markdown(f"**{text('phases.title')}**")
    st.table(phase_table(model, language=language), hide_index=True, border="horizontal")
    with st.expander(text("help.title"), icon=":material/school:"):
        first = charts[0]
        if len(charts) > 1:
            st.caption(text("help.example_unit", unit=as_text(first.unit.name)))
        st.markdown(chart_help(first.stored.model, language=language))
    _downloads(choice, charts, model, language=language)
    return model


def _downloads(choice: AnalysisChoice, charts: list[UnitChart], model: ChartModel, *,
               language: str) -> None:
    """Offer the chart's data as CSV and as an Excel workbook."""
    # Built only when a button is pressed: most visits download nothing.
    def table():
        return chart_table(model, language=language)

    name = "_".join([choice.indicator.definition.code, *(c.unit.code for c in charts),
                     today().isoformat()])
    sheet = text("download.sheet")
    row = st.container(horizontal=True)
    row.download_button(text("download.csv"), lambda: csv_bytes(table(), language=language),
                        file_name=f"{name}.csv", mime=CSV_MIME, key="analysis.csv",
                        icon=":material/download:")
    row.download_button(text("download.xlsx"), lambda: xlsx_bytes(table(), sheet=sheet),
                        file_name=f"{name}.xlsx", mime=XLSX_MIME, key="analysis.xlsx",
                        icon=":material/download:")
