"""Which signals are new since the unit's last board meeting (marked "NY" on the board)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from indicators import ChartModel


def new_signal_count(model: ChartModel, since: date | None) -> int:
    """Return how many signal points of the chart lie after the day (none without a day).

    A point's x is the start of its period, so a week or month that began after the
    meeting counts, and one that was already running at the meeting does not.
    """
    points = model.points
    if since is None or points.empty or not pd.api.types.is_datetime64_any_dtype(points["x"]):
        return 0
    return int((points["signal"].astype(bool) & (points["x"] > pd.Timestamp(since))).sum())
