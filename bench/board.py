"""Benchmark of the board page: the server-side time to draw a unit's board, through AppTest.

On the demo municipality (seeded as of 22-11-2026) plus one unit whose eight
indicators each hold two years of daily figures, the heaviest board Tavle
draws. Each run is one whole script run of the board page, as AppTest times it:
reading the series, charting them, building the Vega-Lite specs, rendering.

Prints medians of several runs:
  board_render_s_median        8 indicators × 730 days of daily figures (goal: under 0.5 s)
  board_render_demo_s_median   Plejecenter Solbakken of the demo municipality as it is
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

# bench/db.py would shadow the db package: the repository root goes first.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from app.access.identity import USER_KEY  # noqa: E402
from db import (  # noqa: E402
    SignedIn,
    add_entry,
    create_indicator,
    create_unit,
    create_user,
    find_unit,
    make_engine,
    migrate,
    seed_demo,
    set_unit_indicators,
    write_session,
)
from indicators import IndicatorDefinition  # noqa: E402

TODAY = (2026, 11, 22)
DAYS = 730
INDICATORS = 8
REPEATS = 9
BENCH_UNIT = "daglig-tavle"
BENCH_USER = "bench-admin"  # the board is drawn for a signed-in administrator


def build(path: Path) -> None:
    """Seed the demo municipality and a unit with eight daily indicators of two years each."""
    from datetime import date

    today = date(*TODAY)
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    rng = np.random.default_rng(22)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:bench", today=today, with_users=False)
        create_user(BENCH_USER, role="admin", session=session, actor="system:bench")
        parent = find_unit("demo-kommune", session=session)
        unit = create_unit("Daglig tavle", kind="unit", parent_id=parent, session=session,
                           actor="system:bench", code=BENCH_UNIT)
        indicator_ids = [create_indicator(IndicatorDefinition(
            f"daglig_andel_{i}", "tidlig_opsporing", f"Daglig andel {i}", f"Daily share {i}",
            "process", "proportion", "up", None, "p", "day", multiply=100.0, unit_da="%",
            unit_en="%", numerator_da="gjort", numerator_en="done", denominator_da="borgere",
            denominator_en="citizens"), session=session, actor="system:bench")
            for i in range(1, INDICATORS + 1)]
        set_unit_indicators(unit, indicator_ids, session=session, actor="system:bench")
        for indicator_id in indicator_ids:
            citizens = rng.integers(20, 40, DAYS)
            done = rng.binomial(citizens, 0.9)
            for offset in range(DAYS):
                add_entry(unit, indicator_id, today - timedelta(days=DAYS - offset),
                          numerator=int(done[offset]), denominator=int(citizens[offset]),
                          session=session, actor="system:bench", today=today)
    engine.dispose()


def median_render_seconds(unit_code: str) -> float:
    """Median wall time of one board script run for the unit, after a warm-up run."""
    app = AppTest.from_file(str(ROOT / "app" / "main.py"), default_timeout=120)
    app.session_state[USER_KEY] = SignedIn(BENCH_USER, "", "admin", False, "password")
    app.query_params["enhed"] = unit_code
    app.run()
    app.switch_page(str(ROOT / "app" / "views" / "board.py"))
    app.run()  # warm-up: imports, the migrated engine, Babel's locale data
    if app.exception:
        raise RuntimeError(app.exception[0].message)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tavle.db"
        build(path)
        os.environ["TAVLE_DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["TAVLE_TODAY"] = "-".join(f"{part:02d}" for part in TODAY)
        print(f"board_render_s_median: {median_render_seconds(BENCH_UNIT):.3f}")
        print(f"board_render_demo_s_median: {median_render_seconds('solbakken'):.3f}")


if __name__ == "__main__":
    main()
