"""Writers in one process: served first come, first served; SQLite's log kept short."""

import threading
from collections import deque
from datetime import date, timedelta

from db import engine as engine_module
from db.engine import make_engine, write_session
from db.entries import add_entry
from db.write_queue import WriteQueue
from tests.db.concurrent_writers import prepare


class _CountedQueue(deque):
    """The queue's list of waiting turns, counting each writer that joins it."""

    def __init__(self) -> None:
        super().__init__()
        self.joined = threading.Semaphore(0)

    def append(self, turn: threading.Event) -> None:
        super().append(turn)
        self.joined.release()


def test_the_lock_passes_to_waiting_writers_in_the_order_they_came():
    queue, served = WriteQueue(), []
    waiting = queue._waiting = _CountedQueue()  # to know when each writer is in the queue
    assert queue.acquire(timeout=1)

    def wait_and_note(number: int) -> None:
        assert queue.acquire(timeout=5)
        served.append(number)
        queue.release()

    threads = []
    for number in range(5):
        threads.append(threading.Thread(target=wait_and_note, args=(number,)))
        threads[-1].start()
        assert waiting.joined.acquire(timeout=5)  # writer number waits before the next starts
    assert served == [] and len(waiting) == 5
    queue.release()
    for thread in threads:
        thread.join()
    assert served == [0, 1, 2, 3, 4]


def test_a_writer_that_waits_too_long_gives_up_and_leaves_the_queue():
    queue = WriteQueue()
    assert queue.acquire(timeout=1)
    assert not queue.acquire(timeout=0.01)
    queue.release()
    assert queue.acquire(timeout=0.01)  # free again: the one that gave up holds no turn


def test_the_write_ahead_log_is_copied_back_every_so_many_commits(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "CHECKPOINT_EVERY_COMMITS", 10)
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    unit_id, indicator_id = prepare(url)
    engine = make_engine(url)
    for step in range(300):
        with write_session(engine) as session:
            add_entry(unit_id, indicator_id, date(2020, 1, 1) + timedelta(days=step),
                      numerator=1, denominator=2, session=session, actor="system:t",
                      today=date(2026, 11, 22))
    wal_pages = (tmp_path / "tavle.db-wal").stat().st_size // 4096
    engine.dispose()
    assert wal_pages < 300  # without checkpoints: several pages for each of 300 commits
