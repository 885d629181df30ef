"""Storage benchmark: a municipality of 200 units × 10 indicators × 3 years of daily entries.

Prints, one per line:
    board_read_ms_p50: median time to read one unit's board (all its series, one query)
    write_ms_p99:      99th percentile time of one registration with 20 writers at once
                       (threads sharing one engine, as the app serves its tablets, through
                       register_entry), the median over three rounds
    board_read_ms_3y:   median processor time of the board's read (its two-year window) of a unit
                        with 3 years of daily figures for 10 indicators
    board_read_ms_30y:  the same for a unit with 30 years of them
    pg_writes_per_s_1:  registrations per second on PostgreSQL, one writer (register_entry,
                        the entry page's path: registrations arriving together share a transaction),
                        in a region of four municipalities; each tablet registers for its own unit
                        in the program's own name (system:tablet-N)
    pg_writes_per_s_16: the same with 16 threads sharing one engine (one app server)
    pg_write_p99_ms_16: 99th percentile time of one registration among those 16
    pg_speedup_16:      the median, over rounds run in turns, of 16 threads' rate over one's
and, to show where a registration's time goes on PostgreSQL (one writer, per registration):
    pg_client_cpu_ms:   this process's processor time (Python, SQLAlchemy, psycopg)
    pg_server_cpu_ms:   the PostgreSQL server processes' processor time
    pg_wall_ms:         the wall time
and each pg_* figure again with the suffix _nurses: the same, with each tablet registering as
its signed-in nurse (a registrant who is a member of the tablet's unit), as the entry page does,
so that each registration also reads its user's rights
Goals: under 50 ms each for SQLite; on PostgreSQL 16 threads at least 6 × one thread
and p99 under 250 ms; board_read_ms_30y at most 1.3 × board_read_ms_3y. The PostgreSQL
figures need Debian's postgresql package.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.postgres_server import postgres_server  # noqa: E402
from db import (  # noqa: E402
    EntryRequest,
    add_membership,
    create_indicator,
    create_unit,
    create_user,
    make_engine,
    migrate,
    read_session,
    read_unit_series,
    register_entry,
    set_unit_indicators,
    write_session,
)
from indicators import IndicatorDefinition  # noqa: E402
from reports import history_start  # noqa: E402

UNITS, INDICATORS, DAYS = 200, 10, 3 * 365
WRITERS, WRITES_PER_WRITER, ROUNDS = 20, 50, 3
BOARD_READS = 60
HISTORY_UNITS, HISTORY_READS = 4, 40
PG_THREADS, PG_WRITES_ONE, PG_WRITES_EACH, PG_ROUNDS = 16, 200, 50, 5
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
                register_entry(engine, EntryRequest(rng.choice(unit_ids), rng.choice(indicator_ids),
                                                    day, f"system:tablet-{number}", TODAY,
                                                    numerator=20, denominator=25))
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


def pg_writes(engine, unit_ids: list[int], indicator_ids: list[int],
              actor: Callable[[int], str], *, threads: int, writes_each: int,
              round_number: int) -> tuple[float, float]:
    """Return (registrations per second, p99 ms) of `threads` writers sharing one engine.

    Writer n is tablet n: it registers for unit_ids[n] as actor(n).
    """
    timings: list[float] = []
    errors: list[Exception] = []
    start = threading.Barrier(threads + 1)

    def writer(number: int) -> None:
        rng = random.Random(number * 1000 + round_number)
        start.wait()
        for step in range(writes_each):
            # Each tablet registers its own unit's days, as on the wards.
            unit_id = unit_ids[number]
            day = FIRST_DAY + timedelta(days=round_number * 10_000 + number * writes_each + step)
            indicator_id = rng.choice(indicator_ids)
            started = time.perf_counter()
            try:
                register_entry(engine, EntryRequest(unit_id, indicator_id, day,
                                                    actor(number), day,
                                                    numerator=20, denominator=25))
            except Exception as error:  # a benchmark that hides errors would lie
                errors.append(error)
            timings.append((time.perf_counter() - started) * 1000)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise errors[0]
    return len(timings) / elapsed, statistics.quantiles(timings, n=100)[98]


def tablet(number: int) -> str:
    """Return the program's own name for tablet number."""
    return f"system:tablet-{number}"


def nurse(number: int) -> str:
    """Return the username of tablet number's nurse, a registrant in the tablet's unit."""
    return f"sygeplejerske-{number}"


def region_units(session) -> list[int]:
    """Create four municipalities of two areas each, with PG_THREADS units in all; return the units."""
    units: list[int] = []
    for town in range(4):
        top = create_unit(f"Kommune {town}", kind="municipality", parent_id=None, session=session,
                          actor="system:bench")
        for area_number in range(2):
            area = create_unit(f"Område {town}-{area_number}", kind="area", parent_id=top,
                               session=session, actor="system:bench")
            units += [create_unit(f"Enhed {town}-{area_number}-{n}", kind="unit", parent_id=area,
                                  session=session, actor="system:bench")
                      for n in range(PG_THREADS // 8)]
    return units


def server_seconds() -> float:
    """Return the processor seconds the machine's postgres processes have used (Linux's /proc)."""
    ticks = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() != "postgres":
                    continue
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        ticks += sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_figures() -> None:
    """Print the PostgreSQL write figures, or say why there are none."""
    with postgres_server() as url:
        if url is None:
            print("# no PostgreSQL server binaries: pg_* figures skipped", file=sys.stderr)
            return
        engine = make_engine(url, pool_size=PG_THREADS, max_overflow=4)
        migrate(engine)
        with write_session(engine) as session:
            indicator_ids = [create_indicator(IndicatorDefinition(
                f"bench_{n}", "tidlig_opsporing", f"Måling {n}", f"Measure {n}", "process",
                "proportion", "up", None, "p", "day"), session=session, actor="system:bench")
                for n in range(INDICATORS)]
            unit_ids = region_units(session)
            for number, unit_id in enumerate(unit_ids):
                set_unit_indicators(unit_id, indicator_ids, session=session, actor="system:bench")
                user_id = create_user(nurse(number), role="registrant", session=session,
                                      actor="system:bench")
                add_membership(user_id, unit_id, session=session, actor="system:bench")
        # The program's own name first (the figures the goal was set on), then the nurses.
        for suffix, actor, first_round in (("", tablet, 0), ("_nurses", nurse, 2 * PG_ROUNDS)):
            pg_rounds(engine, unit_ids, indicator_ids, actor, first_round, suffix)
        engine.dispose()


def pg_rounds(engine, unit_ids: list[int], indicator_ids: list[int], actor: Callable[[int], str],
              first_round: int, suffix: str) -> None:
    """Time one writer and sixteen in turns, round by round, and print the figures + suffix.

    In turns: the machine's speed drifts within minutes, and the goal compares the two.
    """
    ones, many, costs = [], [], []
    for n in range(first_round, first_round + PG_ROUNDS):
        client, server, wall = time.process_time(), server_seconds(), time.perf_counter()
        ones.append(pg_writes(engine, unit_ids, indicator_ids, actor, threads=1,
                              writes_each=PG_WRITES_ONE, round_number=n))
        costs.append(tuple((after - before) * 1000 / PG_WRITES_ONE for before, after in (
            (client, time.process_time()), (server, server_seconds()),
            (wall, time.perf_counter()))))
        many.append(pg_writes(engine, unit_ids, indicator_ids, actor, threads=PG_THREADS,
                              writes_each=PG_WRITES_EACH, round_number=PG_ROUNDS + n))
    speedup = statistics.median(m[0] / o[0] for o, m in zip(ones, many, strict=True))
    print(f"pg_writes_per_s_1{suffix}: {statistics.median(rate for rate, _ in ones):.0f}")
    print(f"pg_writes_per_s_16{suffix}: {statistics.median(rate for rate, _ in many):.0f}")
    print(f"pg_write_p99_ms_16{suffix}: {statistics.median(p99 for _, p99 in many):.1f}")
    print(f"pg_speedup_16{suffix}: {speedup:.1f}")
    for index, name in enumerate(("pg_client_cpu_ms", "pg_server_cpu_ms", "pg_wall_ms")):
        print(f"{name}{suffix}: {statistics.median(cost[index] for cost in costs):.3f}")


def history_figures(folder: Path) -> None:
    """Print the board read of units with 3 and with 30 years of daily figures."""
    path = folder / "history.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with write_session(engine) as session:
        indicator_ids = [create_indicator(IndicatorDefinition(
            f"bench_{n}", "tidlig_opsporing", f"Måling {n}", f"Measure {n}", "process",
            "proportion", "up", None, "p", "day"), session=session, actor="system:bench")
            for n in range(INDICATORS)]
        units = {years: [create_unit(f"Enhed {years} år {n}", kind="unit", parent_id=None,
                                     session=session, actor="system:bench")
                         for n in range(HISTORY_UNITS)] for years in (3, 30)}
        for unit_id in units[3] + units[30]:
            set_unit_indicators(unit_id, indicator_ids, session=session, actor="system:bench")
    engine.dispose()
    stamp = datetime.now(UTC).isoformat(sep=" ")
    rng = random.Random(30)
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO entry (unit_id, indicator_id, period_start, numerator, denominator,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            ((unit_id, indicator_id, (TODAY - timedelta(days=day)).isoformat(),
              float(rng.randint(15, 25)), 25.0, stamp)
             for years, unit_ids in units.items() for unit_id in unit_ids
             for indicator_id in indicator_ids for day in range(1, years * 365 + 1)))
    connection.close()
    engine = make_engine(f"sqlite:///{path}")
    since = history_start(TODAY)
    for years, unit_ids in units.items():
        timings = []
        for step in range(HISTORY_READS + 5):
            # Processor time: SQLite runs in this process, and the shared machine's load
            # would otherwise swamp a difference of a few milliseconds.
            started = time.process_time()
            with read_session(engine) as session:
                board = read_unit_series(unit_ids[step % HISTORY_UNITS], session=session,
                                         actor="system", since=since)
            timings.append((time.process_time() - started) * 1000)
            assert all(frame["date"].min() >= since for frame in board.values())
        print(f"board_read_ms_{years}y: {statistics.median(timings[5:]):.1f}")  # 5 warm-ups
    engine.dispose()


def main() -> None:
    """Build the databases in temporary folders and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        history_figures(Path(folder))
    postgres_figures()
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
