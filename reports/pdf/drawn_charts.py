"""The report's costly per-chart work, done across processes: each chart's picture and its appendix rows.

Laying a chart out (geometry, labels, the picture) and writing its appendix rows
depend on that chart alone, so a municipality's 400 charts split between the
cores; the PDF itself is still laid out and written in one process, in order,
from the results, so it is the same document as when everything runs in one.

Worker processes are forked: they inherit the report's content instead of
receiving a pickled copy, and only the pictures and rows travel back. A process
with other threads running (the Streamlit server) must not fork, since a lock
one of them holds would stay locked in the child: there, and on one core, the
work stays in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from reports.content.report_content import ReportContent
from reports.pdf.appendix import table_rows
from reports.pdf.chart_pages import chart_figure
from reports.pdf.data_table import Row
from reports.pdf.fonts import ReportFonts
from reports.pdf.picture import Picture

# Fewer charts than this are drawn in this process: a fork and the way back cost more.
MIN_CHARTS_TO_SHARE = 24


@dataclass(frozen=True)
class DrawnCharts:
    """Per unit, per chart (in content order): the chart's picture (None: no points) and its appendix rows."""

    pictures: list[list[Picture | None]]
    rows: list[list[list[Row]]]


@dataclass(frozen=True)
class _Job:
    """What every worker needs; set before forking, so it is inherited, not pickled."""

    content: ReportContent
    fonts: ReportFonts
    language: str
    shared: bool


_job: _Job | None = None


def usable_processes() -> int:
    """How many processes may draw: the cores this process may use, or 1 where forking is unsafe."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def drawn_charts(content: ReportContent, *, fonts: ReportFonts, language: str, shared: bool,
                 processes: int | None = None) -> DrawnCharts:
    """Draw every chart of the content and make its appendix rows, in `processes` processes.

    processes None: as many as usable_processes() allows (one for a small report); 1 draws
    everything here; more forks that many, whatever runs beside (the caller's word that it may).
    """
    global _job
    places = [(number, place) for number, unit in enumerate(content.units)
              for place in range(len(unit.charts))]
    if processes is None:
        count = min(usable_processes(), max(len(places) // MIN_CHARTS_TO_SHARE, 1))
    else:
        count = max(min(int(processes), len(places)), 1)
    job = _Job(content, fonts, language, shared)
    # Every count-th chart to each process: units differ in size, neighbours in cost.
    shares = [places[start::count] for start in range(count)]
    if count == 1:
        done = _draw(job, places)
    else:
        _job = job
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=count - 1, mp_context=context) as pool:
                futures = [pool.submit(_draw_inherited, share) for share in shares[1:]]
                done = _draw(job, shares[0])  # this process takes the first share itself
                for future in futures:
                    done |= future.result()
        finally:
            _job = None
    pictures = [[None] * len(unit.charts) for unit in content.units]
    rows: list[list[list[Row]]] = [[[] for _ in unit.charts] for unit in content.units]
    for (number, place), (picture, chart_rows) in done.items():
        pictures[number][place], rows[number][place] = picture, chart_rows
    return DrawnCharts(pictures, rows)


def _draw_inherited(places: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[Picture | None, list[Row]]]:
    """In a forked worker: draw the given charts of the inherited job."""
    assert _job is not None, "drawn_charts sets the job before it forks"
    return _draw(_job, places)


def _draw(job: _Job, places: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[Picture | None, list[Row]]]:
    """Each chart's picture and appendix rows, by (unit number, chart number)."""
    done = {}
    for number, place in places:
        chart = job.content.units[number].charts[place]
        done[(number, place)] = (
            chart_figure(chart, fonts=job.fonts, language=job.language, shared=job.shared),
            table_rows(chart, language=job.language, shared=job.shared, symbols=job.fonts.symbols))
    return done
