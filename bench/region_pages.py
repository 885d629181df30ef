"""Page runs in a region's database: the demo municipality alone, and beside 80 more.

A tap on a tablet reruns its page. A region's database holds every municipality's
tree, and what a nurse or a leader sees of it is their own units, so a page run
should cost the same in both. Each page is run in Streamlit's AppTest (as the
tests run pages), signed in as the demo's nurse or leader, and timed over reruns.

Prints, one per line (medians of 7 reruns after one), for the demo alone and with
80 more municipalities of 5 areas × 10 units (4 480 units more):
    entry_rerun_ms_demo, entry_rerun_ms_region       Registrér, as the demo's registrant
    board_rerun_ms_demo, board_rerun_ms_region       Tavlen, as the demo's registrant
    overview_rerun_ms_demo, overview_rerun_ms_region  Overblik, as the demo's leader
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Before anything else: bench/db.py would otherwise shadow the db package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from db import create_unit, make_engine, migrate, seed_demo, write_session  # noqa: E402
from tests.app.app_pages import open_page  # noqa: E402
from tests.conftest import DEMO_TODAY  # noqa: E402

MORE_MUNICIPALITIES, AREAS, UNITS = 80, 5, 10
RERUNS = 7
PAGES = (("entry", "entry.py", "demo-registrant"), ("board", "board.py", "demo-registrant"),
         ("overview", "overview.py", "demo-leder"))


def build(folder: Path) -> tuple[Path, Path]:
    """Write the demo database and a copy of it beside 80 more municipalities; return both."""
    demo = folder / "demo.db"
    engine = make_engine(f"sqlite:///{demo}")
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=DEMO_TODAY)
    engine.dispose()
    region = folder / "region.db"
    shutil.copyfile(demo, region)
    engine = make_engine(f"sqlite:///{region}")
    with write_session(engine) as session:
        for town in range(MORE_MUNICIPALITIES):
            top = create_unit(f"Kommune {town}", kind="municipality", parent_id=None,
                              session=session, actor="system:bench")
            for area_number in range(AREAS):
                area = create_unit(f"Område {town}-{area_number}", kind="area", parent_id=top,
                                   session=session, actor="system:bench")
                for number in range(UNITS):
                    create_unit(f"Enhed {town}-{area_number}-{number}", kind="unit",
                                parent_id=area, session=session, actor="system:bench")
    engine.dispose()
    return demo, region


def rerun_ms(page: str, user: str, database: Path) -> float:
    """Return the median time of a rerun of page, signed in as user, at Solbakken."""
    with pytest.MonkeyPatch.context() as patch:
        app = open_page(page, patch, f"sqlite:///{database}", as_user=user, enhed="solbakken")
        if app.exception:
            raise RuntimeError(f"{page} failed: {app.exception[0].value}")
        timings = []
        for _ in range(RERUNS + 1):
            started = time.perf_counter()
            app.run()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings[1:])


def main() -> None:
    """Build both databases and print each page's rerun time in each."""
    os.chdir(Path(__file__).resolve().parent.parent)  # AppTest runs app/main.py from here
    with tempfile.TemporaryDirectory() as folder:
        demo, region = build(Path(folder))
        for name, page, user in PAGES:
            for suffix, database in (("demo", demo), ("region", region)):
                print(f"{name}_rerun_ms_{suffix}: {rerun_ms(page, user, database):.0f}")


if __name__ == "__main__":
    main()
