"""Managers' overview benchmark: 200 units × 12 indicators × 2 years.

The twelve indicators are a real board's mix from the catalogue: three event
indicators (days between), one share entered daily (charted per week), five
weekly shares, two monthly rates and one monthly count.

Prints, one per line (medians of several runs):
    overview_matrix_s:     compute the whole matrix (verdicts, latest values, goals, days
                           since) from the long-form series already in memory
    overview_read_s:       read every unit's series from SQLite in one pass
    overview_page_s:       read and judge everything the page shows (matrix, readiness)
    overview_matrix_s_20y: the matrix of the same units with 20 years of figures, from
                           what the overview reads of them (its two-year window)
    overview_page_s_20y:   read and judge the page from a 20-year SQLite database
and overview_matrix_cpu_s(_20y), the processor time of the matrix figures.
Goals: overview_matrix_s under 0.3 s, overview_matrix_s_20y under 1 s.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

# bench/db.py would shadow the db package: the repository root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from db import (  # noqa: E402
    create_unit,
    find_indicator,
    make_engine,
    migrate,
    read_overview_series,
    read_session,
    set_unit_indicators,
    write_session,
)
from indicators import (
    definition,  # noqa: E402
    overview_matrix,  # noqa: E402
)
from reports import history_start, read_overview  # noqa: E402

UNITS, AREAS, DAYS, RUNS = 200, 8, 730, 5
LONG_DAYS = 20 * 365
TODAY = date(2026, 11, 22)
INDICATORS = tuple(definition(code) for code in (
    "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage", "tryksaar_bundt",
    "tryksaar_risikovurdering", "fald_pr_1000_sengedage", "fald_dage_mellem", "fald_bundt",
    "triage_dagligt", "triage_roed_handleplan", "triage_gul_handleplan",
    "medicinfejl_dage_mellem", "medicinfejl_pr_maaned"))
# Mean days between events per event indicator.
EVENT_GAPS = {"tryksaar_dage_mellem": 40.0, "fald_dage_mellem": 4.0, "medicinfejl_dage_mellem": 60.0}


def _period_days(period: str, first_day: date) -> np.ndarray:
    """The first days of every period from first_day to TODAY (the current one included)."""
    days = pd.date_range(first_day, TODAY, freq="D")
    if period == "week":
        days = days[days.day_of_week == 0]
    elif period == "month":
        days = days[days.day == 1]
    return days.to_numpy(dtype="datetime64[D]")


def long_form(rng: np.random.Generator, days_back: int = DAYS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """days_back days of figures for every unit and indicator, as the overview reads them."""
    first_day = TODAY - timedelta(days=days_back - 1)
    entries, events = [], []
    for indicator in INDICATORS:
        if indicator.measure == "events":
            for unit in range(UNITS):
                gaps = rng.exponential(EVENT_GAPS[indicator.code] * rng.uniform(0.5, 2.0),
                                       size=int(days_back / EVENT_GAPS[indicator.code] * 3) + 5)
                offsets = np.cumsum(np.maximum(gaps.astype(int), 1))
                days = np.datetime64(first_day) + offsets[offsets < days_back]
                events.append(pd.DataFrame({"unit": unit, "indicator": indicator.code, "date": days}))
            continue
        days = _period_days(indicator.period, first_day)
        count = len(days)
        unit = np.repeat(np.arange(UNITS), count)
        day = np.tile(days, UNITS)
        # Each unit improves at its own point in the two years, or not at all.
        change = np.repeat(rng.integers(0, count * 2, UNITS), count)
        after = np.tile(np.arange(count), UNITS) > change
        if indicator.measure == "proportion":
            size = rng.integers(5, 30, len(unit)).astype(float)
            numerator = rng.binomial(size.astype(int), np.where(after, 0.96, 0.8)).astype(float)
        elif indicator.measure == "rate":
            size = rng.uniform(900, 1200, len(unit)).round()
            numerator = rng.poisson(np.where(after, 4.0, 8.0) * size / 1000).astype(float)
        else:
            size = np.full(len(unit), np.nan)
            numerator = rng.poisson(np.where(after, 0.3, 1.0), len(unit)).astype(float)
        entries.append(pd.DataFrame({"unit": unit, "indicator": indicator.code, "date": day,
                                     "numerator": numerator, "denominator": size,
                                     "value": np.nan}))
    return pd.concat(entries, ignore_index=True), pd.concat(events, ignore_index=True)


def windowed(entries: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the overview reads of the long form (see db.overview_series): its window, with
    the last event before it (no baselines are frozen here)."""
    start = np.datetime64(history_start(TODAY))
    recent = events[events["date"] >= start]
    before = events[events["date"] < start].groupby(["unit", "indicator"], sort=False).tail(1)
    last = before.groupby(["unit", "indicator"])["date"].transform("max") == before["date"]
    kept = pd.concat([before[last], recent]).sort_values(["unit", "indicator", "date"],
                                                         kind="stable")
    return entries[entries["date"] >= start].reset_index(drop=True), kept.reset_index(drop=True)


def matrix_seconds(entries: pd.DataFrame, events: pd.DataFrame) -> tuple[float, float]:
    """Median wall and processor seconds to judge the whole matrix from the long form in memory.

    The processor time says what the wall time would be on an idle machine.
    """
    timings, processor = [], []
    for _ in range(RUNS):
        started, started_processor = time.perf_counter(), time.process_time()
        matrix = overview_matrix(entries, events, INDICATORS, list(range(UNITS)), today=TODAY)
        timings.append(time.perf_counter() - started)
        processor.append(time.process_time() - started_processor)
    assert matrix.assigned.all() and (matrix.verdict != None).all()  # noqa: E711
    return statistics.median(timings), statistics.median(processor)


def build(path: Path, entries: pd.DataFrame, events: pd.DataFrame) -> None:
    """The same figures in a SQLite database: units through the repositories, rows in bulk."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with write_session(engine) as session:
        ids = [find_indicator(d.code, session=session).id for d in INDICATORS]
        top = create_unit("Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:bench")
        areas = [create_unit(f"Område {n}", kind="area", parent_id=top, session=session,
                             actor="system:bench") for n in range(AREAS)]
        units = [create_unit(f"Enhed {n}", kind="unit", parent_id=areas[n % AREAS],
                             session=session, actor="system:bench") for n in range(UNITS)]
        for unit_id in units:
            set_unit_indicators(unit_id, ids, session=session, actor="system:bench")
    engine.dispose()
    indicator_id = {d.code: i for d, i in zip(INDICATORS, ids, strict=True)}
    stamp = datetime.now(UTC).isoformat(sep=" ")
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO entry (unit_id, indicator_id, period_start, numerator, denominator,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            zip([units[u] for u in entries["unit"]], entries["indicator"].map(indicator_id),
                entries["date"].dt.strftime("%Y-%m-%d"), entries["numerator"],
                entries["denominator"].where(entries["denominator"].notna(), None),
                [stamp] * len(entries), strict=True))
        connection.executemany(
            "INSERT INTO event (unit_id, indicator_id, day, recorded_at) VALUES (?, ?, ?, ?)",
            zip([units[u] for u in events["unit"]], events["indicator"].map(indicator_id),
                events["date"].dt.strftime("%Y-%m-%d"), [stamp] * len(events), strict=True))
    connection.close()


def read_seconds(engine) -> float:
    """Median seconds to read every unit's series in one pass."""
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with read_session(engine) as session:
            series = read_overview_series(session=session, actor="system")
        timings.append(time.perf_counter() - started)
    assert len(series.assigned) == UNITS * len(INDICATORS)
    return statistics.median(timings)


def page_seconds(engine) -> float:
    """Median seconds to read and judge everything the overview page shows."""
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with read_session(engine) as session:
            overview = read_overview(session=session, actor="system", today=TODAY)
        timings.append(time.perf_counter() - started)
    assert len(overview.units) == UNITS
    return statistics.median(timings)


def twenty_years() -> None:
    """Print the 20-year figures: the matrix of the window, and the page from a database."""
    entries, events = long_form(np.random.default_rng(20), LONG_DAYS)
    print(f"# 20 years: {len(entries)} entries and {len(events)} events", file=sys.stderr)
    window_entries, window_events = windowed(entries, events)
    seconds, processor = matrix_seconds(window_entries, window_events)
    print(f"overview_matrix_s_20y: {seconds:.3f}")
    print(f"overview_matrix_cpu_s_20y: {processor:.3f}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "overview-20y.db"
        build(path, entries, events)
        del entries, events
        engine = make_engine(f"sqlite:///{path}")
        page_seconds(engine)  # warm the page cache like a running server
        print(f"overview_page_s_20y: {page_seconds(engine):.3f}")
        engine.dispose()


def main() -> None:
    """Judge the matrix in memory, then build the database and time the reads."""
    twenty_years()
    entries, events = long_form(np.random.default_rng(47))
    print(f"# {len(entries)} entries and {len(events)} events", file=sys.stderr)
    seconds, processor = matrix_seconds(entries, events)
    print(f"overview_matrix_s: {seconds:.3f}")
    print(f"overview_matrix_cpu_s: {processor:.3f}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "overview.db"
        build(path, entries, events)
        engine = make_engine(f"sqlite:///{path}")
        read_seconds(engine)  # warm the page cache like a running server
        print(f"overview_read_s: {read_seconds(engine):.3f}")
        print(f"overview_page_s: {page_seconds(engine):.3f}")
        engine.dispose()


if __name__ == "__main__":
    main()
