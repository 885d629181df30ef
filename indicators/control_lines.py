"""The shape every chart type shares: one phase in, centre line and limits out.

Also the rules shared by several chart types: sigma lines around a centre,
clamping of limits at 0 (counts, rates, proportions) and 1 (proportions), and
R's `mean(..., na.rm = TRUE)` semantics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from indicators.constants import SIGMA_LIMIT, SIGMA_WARNING


@dataclass(frozen=True)
class PhaseData:
    """The subgroups of one phase of one facet, as a chart type receives them."""

    y: np.ndarray
    y_sum: np.ndarray
    y_length: np.ndarray
    y_mean: np.ndarray
    y_sd: np.ndarray
    n: np.ndarray
    base: np.ndarray  # inside the baseline and not excluded: the points that set the lines
    cl: float | None  # a centre line given by the caller, in the chart's own units
    categorical: bool  # x are categories (a funnel plot), not a time order
    screen_mr: bool  # drop moving ranges above D4 × mean (Nelson 1982)


@dataclass(frozen=True)
class ControlLines:
    """What a chart type computes for one phase: the plotted y and its lines."""

    y: np.ndarray
    n: np.ndarray
    cl: np.ndarray
    lcl: np.ndarray
    ucl: np.ndarray
    lcl_95: np.ndarray
    ucl_95: np.ndarray


def mean_present(values: np.ndarray) -> float:
    """Mean of the values that are not missing; NaN when none are (R's na.rm = TRUE).

    Computed as R does (summary.c): an extended-precision running sum divided by n,
    corrected by the mean of the residuals. Ten equal values then average to exactly
    that value, so no point lands a rounding error away from its own centre line.
    """
    present = values[~np.isnan(values)]
    count = len(present)
    if count == 0:
        return np.nan
    extended = present.astype(np.longdouble)
    with np.errstate(invalid="ignore", over="ignore"):
        mean = np.cumsum(extended)[-1] / count
        if np.isfinite(mean):
            mean += np.cumsum(extended - mean)[-1] / count
    return float(mean)


def median_present(values: np.ndarray) -> float:
    """Median of the values that are not missing; NaN when none are.

    np.median's own steps (the same partition, the middle one or two averaged as its
    mean does), without its checks and conversions, which cost several times the steps.
    """
    present = values[~np.isnan(values)]
    count = len(present)
    if count == 0:
        return np.nan
    middle = count // 2
    lowest = middle if count % 2 else middle - 1  # the middle one, or the middle two
    middle_values = np.partition(present, [*range(lowest, middle + 1), -1])[lowest:middle + 1]
    return float(middle_values.sum() / len(middle_values))


def sum_present(values: np.ndarray) -> float:
    """Sum of the values that are not missing; 0 when none are (R's extended-precision sum)."""
    present = values[~np.isnan(values)]
    if len(present) == 0:
        return 0.0
    with np.errstate(invalid="ignore", over="ignore"):
        return float(np.cumsum(present.astype(np.longdouble))[-1])


def centre(phase: PhaseData, computed: float) -> float:
    """The caller's centre line when given, otherwise the computed one."""
    return computed if phase.cl is None else phase.cl


def sigma_lines(y: np.ndarray, n: np.ndarray, centre_line: float, sigma: np.ndarray | float) -> ControlLines:
    """Centre line with 3-sigma control limits and 2-sigma warning limits."""
    size = len(y)
    cl = np.full(size, centre_line, dtype=float)
    sigma = np.broadcast_to(np.asarray(sigma, dtype=float), (size,))
    with np.errstate(invalid="ignore"):
        return ControlLines(
            y=y,
            n=n,
            cl=cl,
            lcl=cl - SIGMA_LIMIT * sigma,
            ucl=cl + SIGMA_LIMIT * sigma,
            lcl_95=cl - SIGMA_WARNING * sigma,
            ucl_95=cl + SIGMA_WARNING * sigma,
        )


def clamp(values: np.ndarray, *, lowest: float | None = 0.0, highest: float | None = None) -> np.ndarray:
    """Limits kept within what the measure allows: at least lowest (0), at most highest when given.

    A count, rate or proportion cannot be negative, nor a proportion above 1. Missing
    and infinite limits stay as they are. Every chart type, the batch and the funnel
    clamp their limits with this one function.
    """
    clamped = values
    if lowest is not None:
        clamped = np.maximum(clamped, lowest)  # NaN propagates: a missing limit stays missing
    if highest is not None:
        clamped = np.minimum(clamped, highest)
    infinite = np.isinf(values)
    if infinite.any():  # an infinite limit is no limit: left for the engine to drop
        clamped = np.where(infinite, values, clamped)
    return clamped


def clamp_at_zero(lines: ControlLines) -> ControlLines:
    """Raise negative lower limits to 0: a count or rate cannot be negative."""
    return replace(lines, lcl=clamp(lines.lcl), lcl_95=clamp(lines.lcl_95))


def clamp_proportion(lines: ControlLines) -> ControlLines:
    """Keep the limits of a proportion between 0 and 1."""
    return replace(lines, lcl=clamp(lines.lcl), lcl_95=clamp(lines.lcl_95),
                   ucl=clamp(lines.ucl, lowest=None, highest=1.0),
                   ucl_95=clamp(lines.ucl_95, lowest=None, highest=1.0))
