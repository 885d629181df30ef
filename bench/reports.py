"""Benchmark of the monthly PDF reports: a municipality of 50 units × 8 indicators (400 charts).

The units are the demo municipality's three stories, each told 17 times with its
own random seed (two years of daily, weekly and monthly figures and events),
under ten areas. Each report is timed from the database to the PDF's bytes, as
`python -m reports monthly` makes it (reports.monthly_report_of): reading and
charting every series, then cover, overview, charts and appendix.

Prints, one per line (medians of several runs):
    municipality_report_s      the whole municipality: 400 charts
    municipality_report_pages  its number of pages
    municipality_report_pages_20y  the same municipality's report with 20 years of figures
    municipality_report_peak_mb    the peak memory (resident) of the process making that report
    unit_report_s              one unit: 8 charts
and, to see where the time goes (each also as processor time, *_cpu_s):
    municipality_content_s     reading and charting (report_content)
    municipality_pdf_s         laying out and writing the PDF (monthly_report)
Goals: under 3 s and under 0.5 s; 20 years at most 1.1 × the pages of two, under 400 MB.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

# Before anything else: bench/db.py would otherwise shadow the db package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from db import UNITS as DEMO_UNITS  # noqa: E402
from db import (  # noqa: E402  # noqa: E402
    Annotation,
    Baseline,
    Entry,
    Event,
    build_demo,  # noqa: E402
    create_unit,  # noqa: E402
    insert_audited,  # noqa: E402
    list_indicators,
    make_engine,
    migrate,
    read_session,
    set_unit_indicators,  # noqa: E402
    write_session,
)
from reports import (  # noqa: E402
    find_scope,
    monthly_report,  # noqa: E402
    monthly_report_of,
    municipality_scope,
    parse_month,  # noqa: E402
    report_content,  # noqa: E402
    report_fonts,  # noqa: E402
)

UNIT_COUNT, AREAS = 50, 10
TODAY = date(2026, 11, 22)
MONTH = parse_month("2026-10")
MADE = datetime(2026, 11, 22, 8, 0)
MUNICIPALITY_RUNS, UNIT_RUNS = 5, 7  # five: the machine's speed swings from run to run
ACTOR = "system:bench"


def build(path: Path, *, blocks: int = 1) -> None:
    """Create the 50-unit municipality in a new SQLite file, with blocks × two years of figures."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with write_session(engine) as session:
        stored = {s.definition.code: s for s in list_indicators(session=session)}
        measures = {code: (s.definition.measure, s.definition.period) for code, s in stored.items()}
        top = create_unit("Bench Kommune", kind="municipality", parent_id=None, session=session,
                          actor=ACTOR, code="bench-kommune")
        areas = [create_unit(f"Område {n + 1}", kind="area", parent_id=top, session=session,
                             actor=ACTOR) for n in range(AREAS)]
        for seed in range(UNIT_COUNT // len(DEMO_UNITS) + 1):
            # Each block is the demo's two years, told again two years earlier.
            parts = [build_demo(today=TODAY - timedelta(days=730 * block), seed=seed + 100 * block,
                                measures=measures) for block in range(blocks)]
            data = SimpleNamespace(**{name: [row for part in parts for row in getattr(part, name)]
                                      for name in ("entries", "events", "annotations", "phases")})
            units = {}
            for index, (name, _, code, indicator_codes) in enumerate(DEMO_UNITS):
                number = seed * len(DEMO_UNITS) + index
                if number >= UNIT_COUNT:
                    break
                units[code] = create_unit(f"{name} {seed + 1}", kind="unit",
                                          parent_id=areas[number % AREAS], session=session,
                                          actor=ACTOR, code=f"{code}-{seed + 1}")
                set_unit_indicators(units[code], [stored[c].id for c in indicator_codes],
                                    session=session, actor=ACTOR)
            insert_audited(session, Entry, [
                {"unit_id": units[u], "indicator_id": stored[i].id, "period_start": day,
                 "numerator": numerator, "denominator": denominator, "value": None, "note": None}
                for u, i, day, numerator, denominator in data.entries if u in units], actor=ACTOR)
            insert_audited(session, Event, [
                {"unit_id": units[u], "indicator_id": stored[i].id, "day": day, "note": note}
                for u, i, day, note in data.events if u in units], actor=ACTOR)
            insert_audited(session, Annotation, [
                {"unit_id": units[u], "indicator_id": stored[i].id if i else None, "day": day,
                 "text": text} for u, i, day, text in data.annotations if u in units], actor=ACTOR)
            insert_audited(session, Baseline, [
                {"unit_id": units[u], "indicator_id": stored[i].id, "kind": "new_phase", "day": day,
                 "reason": reason} for u, i, day, reason in data.phases if u in units], actor=ACTOR)
    engine.dispose()


def timed(function, runs: int) -> tuple[float, float, object]:
    """Return the median wall and processor seconds of runs calls, and the last call's result.

    The processor time is this process's alone: the work it shares out to forked
    processes (the municipality report's second half, reports.pdf.forked_report; the
    content's and the layout's shares, reports.content.forked_work and
    reports.pdf.report_parts) runs beside it on the other core.
    """
    seconds, processor, result = [], [], None
    for _ in range(runs):
        start, start_processor = time.perf_counter(), time.process_time()
        result = function()
        seconds.append(time.perf_counter() - start)
        processor.append(time.process_time() - start_processor)
    return statistics.median(seconds), statistics.median(processor), result


def _twenty_year_report(path: str) -> tuple[int, float]:
    """In a fresh process: make the municipality's report; return its pages and peak MB."""
    engine = make_engine(f"sqlite:///{path}")
    with read_session(engine) as session:
        pdf = monthly_report_of(municipality_scope(session=session), MONTH, session=session,
                                actor="system", today=TODAY, generated_at=MADE,
                                fonts=report_fonts())
    engine.dispose()
    # Linux, kilobytes. This process's own peak from /proc: getrusage's would be the benchmark
    # process's, since Linux keeps the larger peak across the exec that spawned this one
    # (RUSAGE_SELF after exec includes the peak of the process forked before it). The process
    # it forked for the second half counts too (the larger of them).
    peak_kb = max(_own_peak_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return len(PdfReader(io.BytesIO(pdf)).pages), peak_kb / 1024


def _own_peak_kb() -> int:
    """Return this process's peak resident memory in kB (VmHWM: this program's, not its spawner's)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def twenty_years() -> None:
    """Print the pages and peak memory of the municipality's report with 20 years of figures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-20y.db"
        build(path, blocks=10)
        # spawn: a new interpreter, so its peak memory is the report's, not this process's;
        # an executor's worker (unlike a Pool's) may fork its own to chart and draw.
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            pages, peak_mb = pool.submit(_twenty_year_report, str(path)).result()
    print(f"municipality_report_pages_20y: {pages}")
    print(f"municipality_report_peak_mb: {peak_mb:.0f}")


def main() -> None:
    """Build the municipality, then time the municipality's and one unit's reports."""
    fonts = report_fonts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        build(path)
        engine = make_engine(f"sqlite:///{path}")
        with read_session(engine) as session:
            municipality = municipality_scope(session=session)
            unit = find_scope("solbakken-1", kind="unit", session=session)
            assert len(municipality.units) == UNIT_COUNT

            def content_of(scope):
                return report_content(scope, MONTH, session=session, actor="system", today=TODAY)

            def whole(scope):  # as `python -m reports monthly` makes one report
                return monthly_report_of(scope, MONTH, session=session, actor="system",
                                         today=TODAY, generated_at=MADE, fonts=fonts)

            whole(unit)  # warm up: fonts, Babel, the first queries
            content_seconds, content_cpu, content = timed(lambda: content_of(municipality),
                                                          MUNICIPALITY_RUNS)
            pdf_seconds, pdf_cpu, _ = timed(
                lambda: monthly_report(content, generated_at=MADE, fonts=fonts), MUNICIPALITY_RUNS)
            municipality_seconds, municipality_cpu, pdf = timed(lambda: whole(municipality),
                                                                MUNICIPALITY_RUNS)
            unit_seconds, unit_cpu, _ = timed(lambda: whole(unit), UNIT_RUNS)
        engine.dispose()
    charts = len(content.charts)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"municipality_report_s: {municipality_seconds:.2f}")
    print(f"municipality_report_pages: {pages}")
    print(f"unit_report_s: {unit_seconds:.3f}")
    print(f"municipality_report_cpu_s: {municipality_cpu:.2f}")
    print(f"unit_report_cpu_s: {unit_cpu:.3f}")
    print(f"municipality_content_s: {content_seconds:.2f}")
    print(f"municipality_content_cpu_s: {content_cpu:.2f}")
    print(f"municipality_pdf_s: {pdf_seconds:.2f}")
    print(f"municipality_pdf_cpu_s: {pdf_cpu:.2f}")
    print(f"municipality_charts: {charts}")
    twenty_years()


if __name__ == "__main__":
    main()
