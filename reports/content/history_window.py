"""How far back a board, the overview and a monthly report read: a window, not the whole history.

Reading twenty years to show two made every board, overview and report slower
each year. They read from `history_start` on (plus each frozen baseline and the
last event before it, see db.series); "vis hele historikken" passes years=None.
"""

from __future__ import annotations

from datetime import date, timedelta

from reports.content.errors import ReportError

# Two years: long enough for a baseline, a change and a sustained new level on one chart.
DEFAULT_HISTORY_YEARS = 2


def history_start(today: date, *, years: int | None = DEFAULT_HISTORY_YEARS) -> date | None:
    """The first day read: the Monday on or before the 1st of today's month `years` years back.

    Starting on a month's first day and on a Monday leaves neither the first month
    nor the first ISO week of a chart half read. None reads the whole history.
    """
    if years is None:
        return None
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise ReportError(f"Historikken skal være mindst 1 år, ikke {years!r}.",
                          f"The history must be at least 1 year, not {years!r}.")
    first = date(today.year - years, today.month, 1)
    return first - timedelta(days=first.weekday())
