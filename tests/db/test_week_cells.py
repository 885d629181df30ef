"""Week cells as teams write them."""

import pytest

from db.week_cells import read_week


@pytest.mark.parametrize(("cell", "read"), [
    (45, (None, 45)), (45.0, (None, 45)), ("45", (None, 45)), ("uge 45", (None, 45)),
    ("Uge 7", (None, 7)), ("45/2026", (2026, 45)), ("uge 45 2026", (2026, 45)),
    ("2026-W45", (2026, 45)), ("2026W05", (2026, 5)), (54, (None, None)), (0, (None, None)),
    (45.5, (None, None)), ("uge", (None, None)), ("1-2-3", (None, None)), (True, (None, None)),
])
def test_a_week_cell_is_read_with_its_year_when_it_has_one(cell, read):
    assert read_week(cell) == read
