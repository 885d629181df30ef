"""Centre lines and limits for measurements: run, I, I′, MR, Xbar, S and T charts.

Formulas as in qicharts2 0.8.1 (R/helper.functions.R), with their sources.
"""

from __future__ import annotations

import math

import numpy as np

from indicators.constants import (
    D2_MOVING_RANGE,
    D4_MOVING_RANGE,
    D4_MOVING_RANGE_IP,
    SIGMA_LIMIT,
    SIGMA_WARNING,
    T_CHART_EXPONENT,
)
from indicators.control_lines import (
    ControlLines,
    PhaseData,
    centre,
    mean_present,
    median_present,
    sigma_lines,
    sum_present,
)
from indicators.errors import InvalidDataError
from indicators.moving_ranges import average_moving_range, moving_ranges, screened_mean
from indicators.subgroup_constants import a3, b3, b4


def run_lines(phase: PhaseData) -> ControlLines:
    """Run chart: the median of the baseline, no limits."""
    cl = np.full(len(phase.y), centre(phase, median_present(phase.y[phase.base])))
    none = np.full(len(phase.y), np.nan)
    return ControlLines(y=phase.y, n=phase.n, cl=cl, lcl=none, ucl=none, lcl_95=none, ucl_95=none)


def i_lines(phase: PhaseData) -> ControlLines:
    """I chart: mean ± 3 · MR-bar / d2 (Montgomery 6.33), moving ranges screened."""
    cl = centre(phase, mean_present(phase.y[phase.base]))
    amr = average_moving_range(phase.y[phase.base] - cl, screen=phase.screen_mr)
    return sigma_lines(phase.y, phase.n, cl, amr / D2_MOVING_RANGE)


def mr_lines(phase: PhaseData) -> ControlLines:
    """MR chart of consecutive moving ranges: centre MR-bar, upper limit D4 · MR-bar."""
    y = np.concatenate([[np.nan], moving_ranges(phase.y)]) if len(phase.y) else phase.y
    cl_value = centre(phase, mean_present(y[phase.base]))
    size = len(y)
    cl = np.full(size, cl_value)
    zero = np.zeros(size)
    return ControlLines(
        y=y, n=phase.n, cl=cl, lcl=zero, ucl=D4_MOVING_RANGE * cl, lcl_95=zero.copy(),
        ucl_95=(D4_MOVING_RANGE / SIGMA_LIMIT) * SIGMA_WARNING * cl,
    )


def _varying_sizes(phase: PhaseData) -> bool:
    return len(np.unique(phase.y_length)) > 1


def _pooled_sd(phase: PhaseData) -> float:
    """Pooled standard deviation of the baseline subgroups (Montgomery 6.31)."""
    sizes = phase.y_length[phase.base]
    variances = phase.y_sd[phase.base] ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.sqrt(np.float64(sum_present((sizes - 1) * variances)) / np.float64(sum_present(sizes - 1))))


def xbar_lines(phase: PhaseData) -> ControlLines:
    """Xbar chart: weighted grand mean ± A3 · s (Montgomery 6.29-6.31)."""
    base = phase.base
    with np.errstate(invalid="ignore", divide="ignore"):
        grand_mean = float(
            np.float64(sum_present(phase.y_length[base] * phase.y_mean[base])) / np.float64(sum_present(phase.y_length[base]))
        )
    cl_value = centre(phase, grand_mean)
    spread = _pooled_sd(phase) if _varying_sizes(phase) else mean_present(phase.y_sd[base])
    cl = np.full(len(phase.y), cl_value)
    upper = a3(phase.y_length, SIGMA_LIMIT) * spread
    warning = a3(phase.y_length, SIGMA_WARNING) * spread
    return ControlLines(
        y=phase.y, n=phase.n, cl=cl, lcl=cl - upper, ucl=cl + upper, lcl_95=cl - warning, ucl_95=cl + warning,
    )


def s_lines(phase: PhaseData) -> ControlLines:
    """S chart: centre s-bar (or pooled s), limits B3 · s and B4 · s."""
    y = phase.y_sd
    computed = _pooled_sd(phase) if _varying_sizes(phase) else mean_present(y[phase.base])
    cl = np.full(len(y), centre(phase, computed))
    sizes = phase.y_length
    return ControlLines(
        y=y, n=phase.n, cl=cl,
        lcl=b3(sizes, SIGMA_LIMIT) * cl, ucl=b4(sizes, SIGMA_LIMIT) * cl,
        lcl_95=b3(sizes, SIGMA_WARNING) * cl, ucl_95=b4(sizes, SIGMA_WARNING) * cl,
    )


def _power(values: np.ndarray, exponent: float) -> np.ndarray:
    """values ** exponent, NaN for negative values as in R."""
    with np.errstate(invalid="ignore"):
        return np.power(values, exponent)


def t_lines(phase: PhaseData) -> ControlLines:
    """T chart: an I chart of y^(1/3.6), back-transformed (Nelson 1994)."""
    present = phase.y[~np.isnan(phase.y)]
    if len(present) and present.min() <= 0:
        raise InvalidDataError(
            "Et T-kort kræver, at tiden mellem hændelser er større end nul.",
            "A T chart needs times between events greater than zero.",
        )
    transformed = PhaseData(
        y=_power(phase.y, 1.0 / T_CHART_EXPONENT), y_sum=phase.y_sum, y_length=phase.y_length,
        y_mean=phase.y_mean, y_sd=phase.y_sd, n=phase.n, base=phase.base, cl=phase.cl,
        categorical=phase.categorical, screen_mr=phase.screen_mr,
    )
    lines = i_lines(transformed)
    lcl = _power(lines.lcl, T_CHART_EXPONENT)
    # A negative lower limit on the transformed scale has no back-transform: 0 (as qicharts2).
    with np.errstate(invalid="ignore"):
        lcl = np.where((lcl < 0) | np.isnan(lcl), 0.0, lcl)
    return ControlLines(
        y=_power(lines.y, T_CHART_EXPONENT), n=phase.n, cl=_power(lines.cl, T_CHART_EXPONENT), lcl=lcl,
        ucl=_power(lines.ucl, T_CHART_EXPONENT), lcl_95=_power(lines.lcl_95, T_CHART_EXPONENT),
        ucl_95=_power(lines.ucl_95, T_CHART_EXPONENT),
    )


def ip_lines(phase: PhaseData) -> ControlLines:
    """I′ chart (Taylor's normalised individuals chart): limits scaled by 1/sqrt(n)."""
    n = phase.n if not np.all(np.isnan(phase.n)) else phase.y_length.astype(float)
    base = phase.base
    with np.errstate(invalid="ignore", divide="ignore"):
        computed = float(np.float64(sum_present(phase.y[base] * n[base])) / np.float64(sum_present(n[base])))
        cl_value = centre(phase, computed)
        # Standardised moving ranges over every point of the phase, as qicharts2 does.
        spread = np.sqrt(1.0 / n[:-1] + 1.0 / n[1:])
        standardised = math.sqrt(math.pi / 2.0) * moving_ranges(phase.y) / spread
        average = screened_mean(standardised, screen=phase.screen_mr, factor=D4_MOVING_RANGE_IP)
        sigma = average * np.sqrt(1.0 / n)
    return sigma_lines(phase.y, n, cl_value, sigma)
