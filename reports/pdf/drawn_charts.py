"""The report's costly per-chart work, done across processes: each chart's picture and its appendix rows.

Laying a chart out (geometry, labels, the picture, its paths' PDF operators) and
writing its appendix rows depend on that chart alone, so a municipality's 400
charts are shared out among the cores (reports.content.forked_work); the PDF
itself is still laid out and written in one process, in order, from the results,
so it is the same document as when everything runs in one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from reports.content.forked_work import in_processes
from reports.content.report_content import ReportContent
from reports.content.stored_charts import StoredChart
from reports.pdf.appendix import table_rows
from reports.pdf.chart_pages import chart_figure
from reports.pdf.data_table import Row
from reports.pdf.fonts import ReportFonts
from reports.pdf.picture import Picture
from reports.pdf.picture_canvas import with_path_codes


@dataclass(frozen=True)
class DrawnCharts:
    """Per unit, per chart (in content order): the chart's picture (None: no points) and its appendix rows."""

    pictures: list[list[Picture | None]]
    rows: list[list[list[Row]]]


def drawn_charts(content: ReportContent, *, fonts: ReportFonts, language: str, shared: bool,
                 processes: int | None = None) -> DrawnCharts:
    """Draw every chart of the content and make its appendix rows, in `processes` processes.

    processes None: as many as the cores allow (see forked_work); 1 draws everything here.
    """
    charts = [chart for unit in content.units for chart in unit.charts]
    done = iter(in_processes(partial(_draw, fonts=fonts, language=language, shared=shared), charts,
                             processes=processes))
    pictures: list[list[Picture | None]] = []
    rows: list[list[list[Row]]] = []
    for unit in content.units:
        drawn = [next(done) for _ in unit.charts]
        pictures.append([picture for picture, _ in drawn])
        rows.append([chart_rows for _, chart_rows in drawn])
    return DrawnCharts(pictures, rows)


def _draw(chart: StoredChart, *, fonts: ReportFonts, language: str,
          shared: bool) -> tuple[Picture | None, list[Row]]:
    """One chart's picture (paths coded) and appendix rows."""
    picture = chart_figure(chart, fonts=fonts, language=language, shared=shared)
    return (None if picture is None else with_path_codes(picture),
            table_rows(chart, language=language, shared=shared, symbols=fonts.symbols))
