"""Centre lines and limits for counts and proportions: P, P′, C, U, U′ and G charts.

Formulas as in qicharts2 0.8.1 (R/helper.functions.R), with their sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from indicators.constants import D2_MOVING_RANGE, G_CHART_MEDIAN_FACTOR
from indicators.control_lines import (
    ControlLines,
    PhaseData,
    centre,
    clamp_at_zero,
    clamp_proportion,
    mean_present,
    median_present,
    sigma_lines,
    sum_present,
)
from indicators.moving_ranges import average_moving_range


def _pooled_rate(phase: PhaseData) -> float:
    """Sum of the baseline numerators over the sum of their denominators."""
    base = phase.base
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64(sum_present(phase.y_sum[base])) / np.float64(sum_present(phase.n[base])))


def _laney_factor(phase: PhaseData, cl: float, sigma: np.ndarray) -> float:
    """Laney (2002): the spread of the z-scores, from their moving ranges (or SD for funnels)."""
    base = phase.base
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (phase.y[base] - cl) / sigma[base]
    if phase.categorical:
        # Categories have no order, so no moving ranges: the plain SD (missing if any z is).
        return float(np.std(z, ddof=1)) if len(z) > 1 and not np.isnan(z).any() else np.nan
    return average_moving_range(z, screen=phase.screen_mr) / D2_MOVING_RANGE


def laney_lines(phase: PhaseData, within_sigma: Callable[[float, np.ndarray], np.ndarray]) -> ControlLines:
    """Laney's prime step (P′, U′): the pooled rate's sigma, times the spread of the z-scores.

    within_sigma(centre, n) is the sigma of the chart Laney adjusts (binomial for P′,
    Poisson for U′); the limits are not yet clamped.
    """
    cl = centre(phase, _pooled_rate(phase))
    sigma = within_sigma(cl, phase.n)
    # A rate of 0 has sigma 0 and no spread of z-scores (0/0): no limits, as R gives NaN.
    with np.errstate(invalid="ignore"):
        spread = sigma * _laney_factor(phase, cl, sigma)
    return sigma_lines(phase.y, phase.n, cl, spread)


def _binomial_sigma(cl: float, n: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sqrt(cl * (1.0 - cl) / n)


def _poisson_rate_sigma(cl: float, n: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sqrt(cl / n)


def p_lines(phase: PhaseData) -> ControlLines:
    """P chart: p-bar ± 3 · sqrt(p-bar(1 - p-bar) / n), kept within 0 and 1 (Montgomery 7.7)."""
    cl = centre(phase, _pooled_rate(phase))
    return clamp_proportion(sigma_lines(phase.y, phase.n, cl, _binomial_sigma(cl, phase.n)))


def pp_lines(phase: PhaseData) -> ControlLines:
    """Laney P′ chart: the P chart's sigma times the spread of the z-scores."""
    return clamp_proportion(laney_lines(phase, _binomial_sigma))


def c_lines(phase: PhaseData) -> ControlLines:
    """C chart of counts: c-bar ± 3 · sqrt(c-bar) (Montgomery 7.17)."""
    y = phase.y_sum
    cl = centre(phase, mean_present(y[phase.base]))
    with np.errstate(invalid="ignore"):
        sigma = np.sqrt(cl)
    return clamp_at_zero(sigma_lines(y, phase.n, cl, sigma))


def u_lines(phase: PhaseData) -> ControlLines:
    """U chart of rates: u-bar ± 3 · sqrt(u-bar / n) (Montgomery 7.19)."""
    cl = centre(phase, _pooled_rate(phase))
    return clamp_at_zero(sigma_lines(phase.y, phase.n, cl, _poisson_rate_sigma(cl, phase.n)))


def up_lines(phase: PhaseData) -> ControlLines:
    """Laney U′ chart: the U chart's sigma times the spread of the z-scores."""
    return clamp_at_zero(laney_lines(phase, _poisson_rate_sigma))


def g_lines(phase: PhaseData) -> ControlLines:
    """G chart of counts between events: limits from the mean (Montgomery p. 319),
    centre line at the median (or 0.693 × a given mean, Provost & Murray 2011 p. 228)."""
    mean = centre(phase, mean_present(phase.y[phase.base]))
    with np.errstate(invalid="ignore"):
        sigma = np.sqrt(mean * (mean + 1.0))
    lines = clamp_at_zero(sigma_lines(phase.y, phase.n, mean, sigma))
    median = median_present(phase.y[phase.base]) if phase.cl is None else G_CHART_MEDIAN_FACTOR * mean
    return replace(lines, cl=np.full(len(phase.y), median))
