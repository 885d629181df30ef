"""8 processes × 500 writes to one SQLite file at once: every row arrives, no caller sees an error."""

from datetime import timedelta

from tests.db.concurrent_writers import FIRST_DAY, count_rows, prepare, write_at_once

PROCESSES, WRITES = 8, 500


def test_eight_processes_writing_500_entries_each_lose_nothing_and_see_no_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    unit_id, indicator_id = prepare(url)
    errors = write_at_once(url, unit_id, indicator_id, processes=PROCESSES, count=WRITES)
    assert errors == []
    entries, audits, days = count_rows(url)
    assert (entries, audits) == (PROCESSES * WRITES, PROCESSES * WRITES)
    assert days == {FIRST_DAY + timedelta(days=n) for n in range(PROCESSES * WRITES)}


def test_processes_writing_the_same_period_at_once_leave_one_entry(tmp_path):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    unit_id, indicator_id = prepare(url)
    assert write_at_once(url, unit_id, indicator_id, processes=PROCESSES, count=10,
                         same_day=True) == []
    assert count_rows(url)[0] == 1
