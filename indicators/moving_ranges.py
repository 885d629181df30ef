"""Average moving range, optionally screened for outlying ranges (Nelson 1982).

Screening computes the mean moving range, drops every range at or above
D4 × that mean, and averages again, once. qicharts2 does this when the package
is attached (its `qic.screenedmr` option), and NHSRplotthedots does it by default.
"""

from __future__ import annotations

import numpy as np

from indicators.constants import D4_MOVING_RANGE
from indicators.control_lines import mean_present


def moving_ranges(values: np.ndarray) -> np.ndarray:
    """Absolute differences between consecutive values (missing where either is)."""
    return np.abs(np.diff(values))


def screened_mean(ranges: np.ndarray, *, screen: bool, factor: float = D4_MOVING_RANGE) -> float:
    """Mean of the ranges; with screen, recomputed without ranges ≥ factor × mean."""
    average = mean_present(ranges)
    if not screen:
        return average
    with np.errstate(invalid="ignore"):
        kept = ranges[ranges < factor * average]
    return mean_present(kept)


def average_moving_range(values: np.ndarray, *, screen: bool) -> float:
    """Mean moving range of consecutive values, screened when asked."""
    return screened_mean(moving_ranges(values), screen=screen)
