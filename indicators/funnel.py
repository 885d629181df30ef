"""Funnel plots: compare a proportion or a rate across units, fairly, by denominator.

A league table ranks units by their value, and the smallest units land at both
ends by chance alone. A funnel plot draws every unit's value against its
denominator, around the pooled value of all units, with control limits that
narrow as the denominator grows (Spiegelhalter 2005, "Funnel plots for comparing
institutional performance", Stat Med 24:1185-1202). Only a unit outside the
limits differs by more than chance.

Limits are exact quantiles of the binomial (proportions) or Poisson (rates)
distribution around the pooled value, with Spiegelhalter's interpolation between
the discrete steps (2005, Appendix A.1.1): the p-quantile r_p is the least count
with F(r_p) ≥ p, α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)), and the limit is
(r_p − α) / n. They are clamped at 0 (and at 1 for proportions).

Many units often spread more than chance alone allows (over-dispersion: case mix,
how figures are gathered), and then a third of them would "stand out". With
`overdispersion=True` the spread is measured as φ, the mean squared z-score
winsorised at the 10th and 90th percentiles (Spiegelhalter 2005, section 6.2);
when I·φ exceeds the 95th percentile of χ² with I − 1 degrees of freedom, every
limit's distance from the target is widened by √φ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from indicators.control_lines import clamp
from indicators.errors import InvalidDataError, InvalidOptionError

FunnelMeasure = Literal["proportion", "rate"]
FUNNEL_MEASURES: tuple[str, ...] = ("proportion", "rate")
# Spiegelhalter (2005, section 3): limits holding 95 % and 99.8 % of in-control units,
# about 2 and 3 standard errors from the target.
WARNING_COVERAGE = 0.95
CONTROL_COVERAGE = 0.998
# Spiegelhalter (2005, section 6.2): z-scores are winsorised at these percentiles before
# the over-dispersion factor is estimated, so a few true outliers do not inflate it.
WINSORISE_PERCENTILES = (10.0, 90.0)
# Over-dispersion is accepted when I·φ exceeds this quantile of χ²(I − 1); the quantile
# comes from the Wilson-Hilferty approximation (1931), with the standard normal's 95 %.
OVERDISPERSION_QUANTILE_Z = 1.6449
# Points along the denominator axis at which the funnel's curves are drawn.
CURVE_POINTS = 120
# The Poisson probabilities are summed this many standard deviations past the mean;
# what lies beyond weighs less than 1e-30 and changes no limit.
POISSON_TAIL_SD = 12.0

Position = Literal["inside", "above_warning", "above_control", "below_warning", "below_control"]
# Columns of FunnelResult.units, one row per unit.
FUNNEL_UNIT_COLUMNS: tuple[str, ...] = (
    "label", "numerator", "denominator", "value", "lower_warning", "upper_warning",
    "lower_control", "upper_control", "position", "judgement",
)
# Columns of FunnelResult.curve, one row per denominator along the axis.
FUNNEL_CURVE_COLUMNS: tuple[str, ...] = (
    "denominator", "lower_warning", "upper_warning", "lower_control", "upper_control",
)


@dataclass(frozen=True)
class FunnelResult:
    """A funnel plot's data: the pooled value, each unit against its limits, the curves.

    Values and limits are on the chart's scale (multiplied: per cent, per 1000).
    judgement is "better", "worse" or None (inside, or no direction), by improvement.
    """

    measure: str
    multiply: float
    benchmark: float
    units: pd.DataFrame  # FUNNEL_UNIT_COLUMNS
    curve: pd.DataFrame  # FUNNEL_CURVE_COLUMNS
    improvement: str | None = None
    dispersion: float = 1.0  # φ, the over-dispersion factor the limits were widened by (1: none)

    @property
    def outliers(self) -> pd.DataFrame:
        """The units outside the 99.8 % limits."""
        return self.units[self.units["position"].isin(("above_control", "below_control"))]


def _quantile_counts(cdf: np.ndarray, pmf: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """Interpolated p-quantiles r_p − α of a discrete distribution on 0, 1, 2, …"""
    r = np.searchsorted(cdf, probabilities, side="left")
    r = np.minimum(r, len(cdf) - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = np.where(pmf[r] > 0, (cdf[r] - probabilities) / pmf[r], 0.0)
    return r - alpha


def _normalised(log_pmf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities and cumulative probabilities from unnormalised log-probabilities."""
    pmf = np.exp(log_pmf - log_pmf.max())
    pmf /= pmf.sum()
    return pmf, np.cumsum(pmf)


def binomial_limits(theta: float, size: float, probabilities: np.ndarray) -> np.ndarray:
    """Proportions at the given probabilities for size trials with success chance theta."""
    trials = int(round(size))
    if trials <= 0 or theta <= 0.0 or theta >= 1.0:
        return clamp(np.full(len(probabilities), float(theta)), highest=1.0)
    k = np.arange(1, trials + 1)
    steps = np.log(trials - k + 1) - np.log(k) + np.log(theta) - np.log1p(-theta)
    log_pmf = np.concatenate([[trials * np.log1p(-theta)], trials * np.log1p(-theta) + np.cumsum(steps)])
    pmf, cdf = _normalised(log_pmf)
    return clamp(_quantile_counts(cdf, pmf, probabilities) / trials, highest=1.0)


def poisson_limits(theta: float, exposure: float, probabilities: np.ndarray) -> np.ndarray:
    """Rates (per unit of exposure) at the given probabilities for a Poisson mean theta × exposure."""
    mean = theta * exposure
    if exposure <= 0 or mean <= 0:
        return clamp(np.full(len(probabilities), float(theta)))
    top = int(np.ceil(mean + POISSON_TAIL_SD * np.sqrt(mean) + POISSON_TAIL_SD))
    k = np.arange(1, top + 1)
    log_pmf = np.concatenate([[-mean], -mean + np.cumsum(np.log(mean) - np.log(k))])
    pmf, cdf = _normalised(log_pmf)
    return clamp(_quantile_counts(cdf, pmf, probabilities) / exposure)


def _limits(measure: str, theta: float, sizes: np.ndarray) -> np.ndarray:
    """(len(sizes) × 4) limits: lower and upper warning, lower and upper control."""
    probabilities = np.array([(1 - WARNING_COVERAGE) / 2, 1 - (1 - WARNING_COVERAGE) / 2,
                              (1 - CONTROL_COVERAGE) / 2, 1 - (1 - CONTROL_COVERAGE) / 2])
    limit = binomial_limits if measure == "proportion" else poisson_limits
    return np.array([limit(theta, float(size), probabilities) for size in sizes]).reshape(-1, 4)


def _checked(labels: Sequence[object], numerators: Sequence[float], denominators: Sequence[float],
             measure: str) -> tuple[list[object], np.ndarray, np.ndarray]:
    if measure not in FUNNEL_MEASURES:
        raise InvalidOptionError(
            f"Et tragtdiagram viser andele eller rater, ikke {measure!r}.",
            f"A funnel plot shows proportions or rates, not {measure!r}.",
        )
    numerators = np.asarray(numerators, dtype=float)
    denominators = np.asarray(denominators, dtype=float)
    labels = list(labels)
    if not (len(labels) == len(numerators) == len(denominators)):
        raise InvalidDataError(
            "Enheder, tællere og nævnere skal være lige mange.",
            "Units, numerators and denominators must be equally many.",
        )
    complete = np.isfinite(numerators) & np.isfinite(denominators)
    with np.errstate(invalid="ignore"):
        bad = complete & ((denominators <= 0) | (numerators < 0)
                          | ((numerators > denominators) if measure == "proportion" else False))
    if bad.any():
        first = labels[int(np.flatnonzero(bad)[0])]
        raise InvalidDataError(
            f"{first}: tælleren skal være mellem 0 og nævneren, og nævneren over 0.",
            f"{first}: the numerator must lie between 0 and the denominator, the denominator above 0.",
        )
    keep = np.flatnonzero(complete)
    if len(keep) == 0:
        raise InvalidDataError(
            "Ingen enhed har både tæller og nævner i perioden.",
            "No unit has both a numerator and a denominator in the period.",
        )
    return [labels[i] for i in keep], numerators[keep], denominators[keep]


def _positions(values: np.ndarray, limits: np.ndarray) -> np.ndarray:
    """Where each value lies against its own limits (on a limit counts as inside)."""
    lower_warning, upper_warning, lower_control, upper_control = limits.T
    return np.select(
        [values > upper_control, values < lower_control, values > upper_warning,
         values < lower_warning],
        ["above_control", "below_control", "above_warning", "below_warning"], default="inside")


def dispersion_factor(values: np.ndarray, denominators: np.ndarray, theta: float,
                      measure: str) -> float:
    """φ: the winsorised mean squared z-score, or 1 when the units spread as chance allows."""
    variance = theta * (1.0 - theta) if measure == "proportion" else theta
    count = len(values)
    if count < 2 or variance <= 0:
        return 1.0
    z = (values - theta) / np.sqrt(variance / denominators)
    low, high = np.percentile(z, WINSORISE_PERCENTILES)
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    freedom = count - 1
    chi_square = freedom * (1 - 2 / (9 * freedom)
                            + OVERDISPERSION_QUANTILE_Z * np.sqrt(2 / (9 * freedom))) ** 3
    return phi if count * phi > chi_square else 1.0


def _widened(limits: np.ndarray, theta: float, phi: float, measure: str) -> np.ndarray:
    """Limits moved √φ times as far from the target, kept inside the measure's range."""
    if phi == 1.0:
        return limits
    widened = theta + np.sqrt(phi) * (limits - theta)
    return clamp(widened, highest=1.0 if measure == "proportion" else None)


def funnel(labels: Sequence[object], numerators: Sequence[float], denominators: Sequence[float], *,
           measure: FunnelMeasure, multiply: float = 1.0, improvement: str | None = None,
           benchmark: float | None = None, overdispersion: bool = False,
           curve_points: int = CURVE_POINTS) -> FunnelResult:
    """A funnel plot of units' proportions or rates (numerator / denominator × multiply).

    The funnel centres on the pooled value of all units unless a benchmark (on the
    chart's scale) is given. Units without both figures are left out. overdispersion
    widens the limits when the units spread more than chance allows.
    """
    labels, numerators, denominators = _checked(labels, numerators, denominators, measure)
    theta = (float(benchmark) / multiply if benchmark is not None
             else float(numerators.sum() / denominators.sum()))
    values = numerators / denominators
    phi = dispersion_factor(values, denominators, theta, measure) if overdispersion else 1.0
    own = _widened(_limits(measure, theta, denominators), theta, phi, measure)
    positions = _positions(values, own)
    wanted = {"up": "above", "down": "below"}.get(improvement or "")
    judgement = [None if position == "inside" or wanted is None
                 else ("better" if position.startswith(wanted) else "worse")
                 for position in positions]
    units = pd.DataFrame({
        "label": pd.Series(labels, dtype=object), "numerator": numerators,
        "denominator": denominators, "value": values * multiply,
        "lower_warning": own[:, 0] * multiply, "upper_warning": own[:, 1] * multiply,
        "lower_control": own[:, 2] * multiply, "upper_control": own[:, 3] * multiply,
        "position": positions, "judgement": pd.Series(judgement, dtype=object),
    })
    smallest, largest = max(denominators.min() / 2, 1.0), max(denominators.max() * 1.25, 2.0)
    sizes = np.unique(np.geomspace(smallest, largest, curve_points).round(0))
    along = _widened(_limits(measure, theta, sizes), theta, phi, measure) * multiply
    curve = pd.DataFrame({"denominator": sizes, **{
        name: along[:, k] for k, name in enumerate(FUNNEL_CURVE_COLUMNS[1:])}})
    return FunnelResult(measure=measure, multiply=multiply, benchmark=theta * multiply,
                        units=units, curve=curve, improvement=improvement, dispersion=phi)
