"""Small numbers in reports shared beyond the team: counts of 1–4 are shown as "<5".

The rule is the discretion rule of Danish national health statistics: a count
of one to four persons or cases is not published, and neither is a share or
rate computed from it (Sundhedsdatastyrelsen, "Diskretionering", and the data
packages for the health councils, seeds/004). Zero is published: it names
no-one.

What counts as a count depends on the indicator's measure:

| measure       | a chart point is hidden when                          |
|---------------|-------------------------------------------------------|
| "proportion"  | its numerator or its denominator is 1–4 (both count citizens) |
| "rate"        | its numerator (cases) is 1–4; the exposure is days, not persons |
| "count"       | the count is 1–4                                       |
| "measurement" | never: a value, not a count                            |
| "events"      | never: days between events are time, not a count       |

A hidden point keeps its place in the analysis (the verdict is made on the
team's full data) but its value is printed nowhere: not in the overview, not
in the appendix, and the chart leaves it out and says how many it left out.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from indicators import ChartModel

# Sundhedsdatastyrelsen's discretion rule: counts from 1 up to and including 4 are hidden.
SMALL_COUNT_LOWEST = 1
SMALL_COUNT_HIGHEST = 4
SMALL_COUNT_TEXT = "<5"  # what is printed instead of a hidden count
# Which ChartModel.points columns hold counts of persons or cases, per measure.
COUNTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "proportion": ("numerator", "n"),
    "rate": ("numerator",),
    "count": ("numerator",),
    "measurement": (),
    "events": (),
}


def is_small_count(count: float | None) -> bool:
    """Return True for a count of 1 to 4, which a shared report must not print."""
    if count is None or pd.isna(count):
        return False
    return SMALL_COUNT_LOWEST <= count <= SMALL_COUNT_HIGHEST


def small_counts(counts: np.ndarray | pd.Series) -> np.ndarray:
    """Return, element by element, whether each count is 1 to 4 (NaN is not small)."""
    values = np.asarray(counts, dtype=float)
    return (values >= SMALL_COUNT_LOWEST) & (values <= SMALL_COUNT_HIGHEST)


def counted_columns(measure: str) -> tuple[str, ...]:
    """Return the points columns that count persons or cases for a measure."""
    if measure not in COUNTED_COLUMNS:
        raise ValueError(f"Unknown measure {measure!r}; expected one of {', '.join(COUNTED_COLUMNS)}.")
    return COUNTED_COLUMNS[measure]


def hidden_points(points: pd.DataFrame, measure: str) -> np.ndarray:
    """Return, per chart point, whether its value would reveal a count of 1 to 4."""
    hidden = np.zeros(len(points), dtype=bool)
    for column in counted_columns(measure):
        hidden |= small_counts(points[column])
    return hidden


def suppressed_model(model: ChartModel, measure: str) -> tuple[ChartModel, int]:
    """Return the model with hidden points left undrawn (y missing), and how many were hidden.

    Only y changes: centre line, limits and signals stay as the team's full data
    gives them, so the shared chart tells the same story without the small numbers.
    """
    hidden = hidden_points(model.points, measure)
    count = int(hidden.sum())
    if not count:
        return model, 0
    points = model.points.copy()
    points["y"] = points["y"].mask(hidden)
    return replace(model, points=points), count
