"""Which chart suits an indicator's measure, and when a count should become days-between.

Start with a run chart; with enough points move to the control chart of the
measure (Provost & Murray 2011): proportion → P, rate → U, count → C,
measurement → I, rare events (days between) → G. When more than half of the
periods of a count are zero, the events are too rare to count per period:
chart the days between them instead (Benneyan 2001, Qual Eng 14:2).

Beside the suggested chart, other types suit the same kind of data (Provost &
Murray 2011, ch. 6-7): shares get P (and Laney's P' for very large
denominators), rates U (and U'), counts C, measurements I, and days between
events the G and T charts. Every measure may fall back to a run chart, and an I
chart suits nearly any series of one figure per period (Wheeler 1993). Types
that need subgroups (Xbar, S) or are companions (MR) are not offered: Tavle
charts one figure per period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.constants import CONTROL_CHART_MIN_POINTS
from indicators.verdict_texts import render

CONTROL_CHART_FOR_MEASURE: dict[str, str] = {
    "events": "g",
    "proportion": "p",
    "rate": "u",
    "count": "c",
    "measurement": "i",
}
DAYS_BETWEEN_CHART = "g"
CHARTS_FOR_MEASURE: dict[str, tuple[str, ...]] = {
    "events": ("run", "g", "t"),
    "proportion": ("run", "p", "pp", "i"),
    "rate": ("run", "u", "up", "i"),
    "count": ("run", "c", "i"),
    "measurement": ("run", "i"),
}


def chart_choices(measure: str, default: str) -> tuple[str, ...]:
    """Return the chart types valid for measure, the indicator's default first."""
    valid = CHARTS_FOR_MEASURE.get(measure, ("run",))
    return (default, *(chart for chart in valid if chart != default))


def mostly_zero(counts: np.ndarray) -> bool:
    """More than half of the (known) periods have a count of zero."""
    known = counts[~np.isnan(counts)]
    return len(known) > 0 and np.count_nonzero(known == 0) * 2 > len(known)


def suggested_chart(measure: str, points_with_values: int) -> str:
    """The chart for a measure: a run chart until there are enough points for limits."""
    if points_with_values < CONTROL_CHART_MIN_POINTS:
        return "run"
    return CONTROL_CHART_FOR_MEASURE[measure]


def recommend_chart(measure: str, chart: str, points: pd.DataFrame) -> str | None:
    """A better chart than `chart` for this measure and these points, or None."""
    return recommend_for_values(measure, chart, points["numerator"].to_numpy(dtype=float),
                                int(points["y"].notna().sum()))


def recommend_for_values(measure: str, chart: str, numerators: np.ndarray,
                         points_with_values: int) -> str | None:
    """recommend_chart of the points' numerators and how many points have a value."""
    if measure == "count" and mostly_zero(numerators):
        return DAYS_BETWEEN_CHART
    suggestion = suggested_chart(measure, points_with_values)
    return None if suggestion == chart else suggestion


def recommendation_text(recommendation: str, measure: str, points_with_values: int, language: str) -> str:
    """Say in language why the recommended chart suits better."""
    if recommendation == DAYS_BETWEEN_CHART and measure == "count":
        return render("recommend_days_between", language)
    if recommendation == "run":
        return render("recommend_run", language, limit=CONTROL_CHART_MIN_POINTS)
    return render("recommend_chart", language, figure=points_with_values, chart=recommendation.upper())
