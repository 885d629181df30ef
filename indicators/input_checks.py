"""Refuse data an analysis cannot use, before any line is computed, naming the first bad row."""

from __future__ import annotations

import numpy as np

from indicators.chart_input import ChartInput
from indicators.chart_types import CHART_TYPES
from indicators.errors import InvalidDataError, TooFewPointsError
from indicators.options import AnalysisOptions
from indicators.subgroups import Subgroups


def check_input(data: ChartInput, options: AnalysisOptions) -> None:
    """Refuse data the chart type cannot use, naming the first offending row."""
    chart = CHART_TYPES[options.chart]
    name = options.chart.upper()
    if chart.needs_denominator and not data.has_n:
        raise InvalidDataError(
            f"Et {name}-kort kræver en nævner (n), fx antal borgere eller sengedage.",
            f"A {name} chart needs a denominator (n), e.g. citizens or bed-days.",
        )
    if not data.has_n:
        return
    with np.errstate(invalid="ignore"):
        zero = np.flatnonzero(data.n <= 0)
        above = np.flatnonzero(data.y > data.n) if chart.is_proportion or options.chart == "ip" else []
        negative = np.flatnonzero(data.y < 0) if chart.needs_denominator else []
    if len(zero):
        row = zero[0]
        raise InvalidDataError(
            f"Nævneren n skal være større end 0, men række {row + 1} har n = {data.n[row]:g}.",
            f"The denominator n must be greater than 0, but row {row + 1} has n = {data.n[row]:g}.",
        )
    if len(above):
        row = above[0]
        raise InvalidDataError(
            f"Tælleren kan ikke være større end nævneren: række {row + 1} har {data.y[row]:g} af {data.n[row]:g}.",
            f"The numerator cannot exceed the denominator: row {row + 1} has {data.y[row]:g} of {data.n[row]:g}.",
        )
    if len(negative):
        row = negative[0]
        raise InvalidDataError(
            f"Tælleren kan ikke være negativ: række {row + 1} har {data.y[row]:g}.",
            f"The numerator cannot be negative: row {row + 1} has {data.y[row]:g}.",
        )


def check_point_count(facets: list[Subgroups], minimum_points: int) -> None:
    """Refuse fewer aggregated points with values than minimum_points."""
    points_with_values = sum(int(np.count_nonzero(~np.isnan(sub.y))) for sub in facets)
    if points_with_values < minimum_points:
        raise TooFewPointsError(
            f"Der skal mindst være {minimum_points} punkter med værdier, men der er {points_with_values}.",
            f"At least {minimum_points} points with values are needed, but there are {points_with_values}.",
        )
