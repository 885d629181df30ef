"""Read a sheet's week cell: 45, "uge 45", "45/2026" or "2026-W45" (ISO weeks, from Monday)."""

from __future__ import annotations

import re

from db.import_rows import cell_text

_ISO_WEEK = re.compile(r"(\d{4})\s*-?\s*W\s*(\d{1,2})", re.IGNORECASE)
_NUMBERS = re.compile(r"\d+")
_LAST_WEEK = 53
_FIRST_YEAR = 1900  # a number this large in a week cell is its year


def read_week(cell: object) -> tuple[int | None, int | None]:
    """Return (the year written in the cell or None, the week) or (None, None) if unreadable."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        week = int(cell)
        return None, week if week == cell and 1 <= week <= _LAST_WEEK else None
    text = cell_text(cell)
    iso = _ISO_WEEK.search(text)
    if iso:
        return int(iso.group(1)), int(iso.group(2))
    numbers = [int(n) for n in _NUMBERS.findall(text)]
    weeks = [n for n in numbers if 1 <= n <= _LAST_WEEK]
    years = [n for n in numbers if n >= _FIRST_YEAR]
    if len(weeks) != 1 or len(numbers) > 2:
        return None, None
    return (years[0] if years else None), weeks[0]
