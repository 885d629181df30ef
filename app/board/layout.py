"""Draw one unit's board: date, "days since" counters, and a chart per indicator with its verdict.

The same drawing serves the board page and the wall screen (kiosk); the kiosk
shows a page of the charts at a time and no buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

import streamlit as st

from app.access.identity import current_actor
from app.analysis.choices import INDICATOR_PARAMETER
from app.board.counters import board_counters, counter_html
from app.board.legend import board_legend_html
from app.board.new_signals import new_signal_count
from app.charts.measure_plan import show_measure_plan
from app.charts.spec import chart_spec
from app.indicator_labels import capitalised, indicator_label
from app.language import translate
from app.navigation import VIEWS
from app.resources import database
from app.styles import BOARD_COUNTERS
from app.unit_picker import UNIT_PARAMETER
from db import last_board_meeting, read_session
from reports import (
    StoredChart,
    change_list,
    format_date,
    format_week,
    palette,
    unit_board,
    verdict_sentence,
    x_title_for,
)

# Plot heights in pixels: the page scrolls, the wall screen must hold two rows of charts.
BOARD_CHART_HEIGHT = 340
# On the wall, a verdict that names an older pattern's months takes a second line, and the
# changes are written out under their chart; the plots leave room for that in each row,
# so the second row still ends on the screen.
KIOSK_CHART_HEIGHT = 125
# The analysis page (Diagrammer), where a board chart's title leads.
ANALYSIS_PAGE = "analysis.py"
# Two charts side by side: on a 1920 px wall screen each is still 900 px wide.
CHARTS_PER_ROW = 2


@dataclass(frozen=True)
class UnitBoard:
    """What a unit's board shows: its charts and the day of its last board meeting."""

    unit_id: int
    name: str
    charts: list[StoredChart]
    last_meeting: date | None


def read_board(unit_id: int, name: str, *, today: date, history_years: int | None) -> UnitBoard:
    """Read and chart every active indicator of the unit, with its last board meeting.

    history_years: the years read and charted (None: the whole history).
    """
    with read_session(database()) as session:
        charts = unit_board(unit_id, session=session, actor=current_actor(), today=today,
                            history_years=history_years)
        meeting = last_board_meeting(unit_id, session=session, actor=current_actor())
    return UnitBoard(unit_id, name, charts, meeting)


def show_date(today: date, language: str, *, align: str = "left") -> None:
    """Print today's date and week by the board's title."""
    line = translate("board.date", language, date=format_date(today, language=language,
                                                              style="long"),
                     week=format_week(today, language=language))
    st.markdown(f'<p class="tavle-date" style="text-align: {align}">{escape(line)}</p>',
                unsafe_allow_html=True)


def show_counters(board: UnitBoard, language: str) -> None:
    """Show a "days since the last …" counter for every event indicator of the board."""
    counters = board_counters(board.charts, language)
    if not counters:
        return
    with st.container(key=BOARD_COUNTERS):
        for counter in counters:
            st.markdown(counter_html(counter, language), unsafe_allow_html=True)


def verdict_html(chart: StoredChart, language: str) -> str:
    """Return the verdict sentence led by the palette's symbol and word, in its colour."""
    verdict = chart.model.verdict
    mark = palette.VERDICT_MARKS[verdict.kind]
    return (f'<p class="tavle-verdict tavle-verdict--{verdict.kind}" style="color: {mark.colour}">'
            f'<span aria-hidden="true">{mark.glyph}</span> <strong>{escape(mark.word(language))}:'
            f'</strong> {escape(verdict_sentence(chart, language))}</p>')


def title_html(chart: StoredChart, since: date | None, language: str) -> str:
    """Return the chart's title, with a "NY" badge when it has signals after the meeting."""
    name = escape(indicator_label(chart.indicator.definition, "name", language))
    badge = ""
    if new_signal_count(chart.model, since):
        explained = translate("board.new.help", language,
                              date=format_date(since, language=language))
        badge = (f' <span class="tavle-new" title="{escape(explained)}">'
                 f'{escape(translate("board.new", language))}</span>'
                 f'<span class="tavle-sr-only"> ({escape(explained)})</span>')
    return f'<h3 class="tavle-chart-title">{name}{badge}</h3>'


def y_title(chart: StoredChart, language: str) -> str | None:
    """Return the y axis title from the indicator's unit; shares print their own "%"."""
    unit = indicator_label(chart.indicator.definition, "unit", language)
    return None if unit in ("", "%") else capitalised(unit)


def latest_html(chart: StoredChart, spec: dict, language: str) -> str:
    """Return the latest period's figure as the chart's tooltip words it, "" for event charts.

    The team asks "how did we do this week?" first; the counters answer it for events.
    """
    if chart.indicator.definition.measure == "events":
        return ""
    points = next((layer["data"]["values"] for layer in spec.get("layer", ())
                   if layer.get("description") == "points"), [])
    if not points:
        return ""
    latest = points[-1]
    unit = indicator_label(chart.indicator.definition, "unit", language)
    value = latest["value"] if unit in ("", "%") else f"{latest['value']} {unit}"
    count = f" ({latest['count']})" if latest["count"] and latest["count"] != latest["value"] else ""
    line = translate("board.latest", language, period=latest["period"], value=value + count)
    return f'<p class="tavle-latest">{escape(line)}</p>'


def changes_html(chart: StoredChart, language: str) -> str:
    """Return the chart's changes written out under it, numbered as the chart numbers them.

    A TV has no hover: a label cut to "Ny teamleder og…" would never be read in full.
    """
    changes = change_list([(a.x, a.text) for a in chart.model.annotations])
    if not changes:
        return ""
    items = "".join(
        f'<li><span class="tavle-change-number">{number}</span> '
        f'{escape(_change_day(when, language))}{escape(text)}</li>'
        for number, when, text in changes)
    return (f'<ol class="tavle-changes" aria-label="{escape(translate("board.changes", language))}">'
            f"{items}</ol>")


def _change_day(when: object, language: str) -> str:
    """Return a change's date and a colon ("12-10-2026: "), or "" when it is not a date."""
    try:
        return format_date(when, language=language) + ": "
    except (TypeError, ValueError, AttributeError):
        return ""


def show_chart(chart: StoredChart, *, since: date | None, language: str, height: int,
               unit_code: str | None = None) -> None:
    """Show one indicator: title (and "NY"), verdict, latest figure, the chart and its changes.

    unit_code: given on the board page, a link under the title opens the chart's analysis
    (in the same session: a plain link would load the app anew and ask to sign in).
    """
    spec = chart_spec(chart.model, language=language, large=True, height=height,
                      y_title=y_title(chart, language), legend=False, numbered_changes=True,
                      x_title=x_title_for(chart.indicator.definition.measure, language))
    st.markdown(title_html(chart, since, language) + verdict_html(chart, language)
                + latest_html(chart, spec, language), unsafe_allow_html=True)
    if unit_code is not None:
        st.page_link(VIEWS / ANALYSIS_PAGE, label=translate("board.chart.open", language),
                     icon=":material/monitoring:", query_params={
                         UNIT_PARAMETER: unit_code,
                         INDICATOR_PARAMETER: chart.indicator.definition.code})
    name = indicator_label(chart.indicator.definition, "name", language)
    st.vega_lite_chart(spec, theme=None, width="stretch", alt=translate(
        "board.chart.alt", language, name=name, verdict=verdict_sentence(chart, language)))
    listed = changes_html(chart, language)
    if listed:
        st.markdown(listed, unsafe_allow_html=True)
    if unit_code is not None:  # on the board page; the wall screen has no controls
        show_measure_plan(chart.indicator.definition, language=language)


def show_charts(board: UnitBoard, charts: list[StoredChart], *, language: str,
                height: int = BOARD_CHART_HEIGHT, unit_code: str | None = None) -> None:
    """Show the charts two to a row, under one legend for them all.

    unit_code: given on the board page, each title leads to the chart's analysis.
    """
    if not charts:
        return
    st.markdown(board_legend_html(language), unsafe_allow_html=True)
    for first in range(0, len(charts), CHARTS_PER_ROW):
        for column, chart in zip(st.columns(CHARTS_PER_ROW, gap="large"),
                                 charts[first:first + CHARTS_PER_ROW], strict=False):
            with column:
                show_chart(chart, since=board.last_meeting, language=language, height=height,
                           unit_code=unit_code)
