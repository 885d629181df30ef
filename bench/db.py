"""Storage benchmark: a municipality of 200 units × 10 indicators × 3 years of daily entries.

Prints, one per line:
    board_read_ms_p50: median time to read one unit's board (all its series, one query)
    write_ms_p99:      99th percentile time of one registration with 20 writers at once
                       (threads sharing one engine, as the app serves its tablets),
                       the median over three rounds
Goals: under 50 ms each.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import (  # noqa: E402  # noqa: E402
    add_entry,  # noqa: E402
    create_indicator,
    create_unit,  # noqa: E402
    make_engine,
    migrate,  # noqa: E402
    read_session,
    read_unit_series,  # noqa: E402
    set_unit_indicators,
    write_session,
)
from indicators import IndicatorDefinition  # noqa: E402

UNITS, INDICATORS, DAYS = 200, 10, 3 * 365
WRITERS, WRITES_PER_WRITER, ROUNDS = 20, 50, 3
BOARD_READS = 60
FIRST_DAY = date(2023, 1, 1)
TODAY = FIRST_DAY + timedelta(days=DAYS + 400)


def build(path: Path) -> tuple[list[int], list[int]]:
    """Create the database: units and indicators through the repositories, entries in bulk."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with write_session(engine) as session:
        indicator_ids = [create_indicator(IndicatorDefinition(
            f"bench_{n}", "tidlig_opsporing", f"Måling {n}", f"Measure {n}", "process",
            "proportion", "up", None, "p", "day"), session=session, actor="system:bench")
            for n in range(INDICATORS)]
        top = create_unit("Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:bench")
        unit_ids = [create_unit(f"Enhed {n}", kind="unit", parent_id=top, session=session,
                                actor="system:bench") for n in range(UNITS)]
        for unit_id in unit_ids:
            set_unit_indicators(unit_id, indicator_ids, session=session, actor="system:bench")
    engine.dispose()
    stamp = datetime.now(UTC).isoformat(sep=" ")
    rng = random.Random(47)
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO entry (unit_id, indicator_id, period_start, numerator, denominator,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            ((unit_id, indicator_id, (FIRST_DAY + timedelta(days=day)).isoformat(),
              float(rng.randint(15, 25)), 25.0, stamp)
             for unit_id in unit_ids for indicator_id in indicator_ids for day in range(DAYS)))
    connection.close()
    return unit_ids, indicator_ids


def board_read_ms(engine, unit_ids: list[int]) -> float:
    """Return the median milliseconds to read a random unit's whole board."""
    rng = random.Random(1)
    timings = []
    for _ in range(BOARD_READS):
        unit_id = rng.choice(unit_ids)
        started = time.perf_counter()
        with read_session(engine) as session:
            board = read_unit_series(unit_id, session=session, actor="system")
        timings.append((time.perf_counter() - started) * 1000)
        assert sum(len(frame) for frame in board.values()) >= INDICATORS * DAYS
    return statistics.median(timings)


def write_ms_p99(engine, unit_ids: list[int], indicator_ids: list[int], round_number: int) -> float:
    """Return the 99th percentile milliseconds of one registration, 20 writers at once."""
    timings: list[float] = []
    errors: list[Exception] = []
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        rng = random.Random(number)
        start.wait()
        for step in range(WRITES_PER_WRITER):
            day = FIRST_DAY + timedelta(days=DAYS + round_number * 100 + step)
            started = time.perf_counter()
            try:
                with write_session(engine) as session:
                    add_entry(rng.choice(unit_ids), rng.choice(indicator_ids), day,
                              numerator=20, denominator=25, session=session,
                              actor=f"system:tablet-{number}", today=TODAY)
            except Exception as error:  # a benchmark that hides errors would lie
                errors.append(error)
            timings.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return statistics.quantiles(timings, n=100)[98]


def main() -> None:
    """Build the database in a temporary folder and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        unit_ids, indicator_ids = build(path)
        print(f"# built {UNITS * INDICATORS * DAYS} entries in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        engine = make_engine(f"sqlite:///{path}")
        board_read_ms(engine, unit_ids[:5])  # warm the page cache like a running server
        print(f"board_read_ms_p50: {board_read_ms(engine, unit_ids):.1f}")
        p99s = [write_ms_p99(engine, unit_ids, indicator_ids, n) for n in range(ROUNDS)]
        print(f"write_ms_p99: {statistics.median(p99s):.1f}")
        engine.dispose()


if __name__ == "__main__":
    main()
