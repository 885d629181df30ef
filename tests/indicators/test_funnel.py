"""Funnel plots: exact limits that narrow with the denominator, and outliers judged by them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from indicators.errors import InvalidDataError, InvalidOptionError
from indicators.funnel import (
    CONTROL_COVERAGE,
    FUNNEL_CURVE_COLUMNS,
    FUNNEL_UNIT_COLUMNS,
    binomial_limits,
    funnel,
    poisson_limits,
)

UPPER = np.array([1 - (1 - CONTROL_COVERAGE) / 2])


def _binomial_cdf(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def test_the_upper_limit_lies_between_the_two_counts_around_the_exact_quantile():
    n, p = 40, 0.8
    limit = binomial_limits(p, n, UPPER)[0] * n
    quantile = next(k for k in range(n + 1) if _binomial_cdf(k, n, p) >= UPPER[0])
    assert quantile - 1 <= limit <= quantile
    # Spiegelhalter's interpolation: r - (F(r) - p) / (F(r) - F(r - 1)).
    above, below = _binomial_cdf(quantile, n, p), _binomial_cdf(quantile - 1, n, p)
    assert limit == pytest.approx(quantile - (above - UPPER[0]) / (above - below), abs=1e-9)


def test_for_large_denominators_the_limits_approach_three_standard_errors():
    n, p = 20_000, 0.5  # symmetric, so only the discrete steps (1/n) part it from the normal
    upper = binomial_limits(p, n, UPPER)[0]
    assert upper == pytest.approx(p + 3.0902 * math.sqrt(p * (1 - p) / n), abs=2 / n)
    rate = poisson_limits(0.005, 2_000_000, UPPER)[0]
    assert rate == pytest.approx(0.005 + 3.0902 * math.sqrt(0.005 / 2_000_000), rel=2e-3)


def test_the_funnel_narrows_as_the_denominator_grows():
    result = funnel(["a", "b", "c"], [90, 450, 1800], [100, 500, 2000], measure="proportion",
                    multiply=100)
    width = result.curve["upper_control"] - result.curve["lower_control"]
    assert (np.diff(width.to_numpy()) <= 1e-9).all()
    assert list(result.curve.columns) == list(FUNNEL_CURVE_COLUMNS)
    assert list(result.units.columns) == list(FUNNEL_UNIT_COLUMNS)


def test_a_small_unit_far_off_is_inside_while_a_large_unit_a_little_off_is_outside():
    result = funnel(["lille", "stor", "middel"], [6, 8_200, 9_000], [10, 10_000, 10_000],
                    measure="proportion", multiply=100, improvement="up")
    positions = dict(zip(result.units["label"], result.units["position"], strict=True))
    assert positions["lille"] == "inside"  # 60 % of ten citizens: chance alone
    assert positions["stor"] == "below_control"  # 82 % of ten thousand: not chance
    assert list(result.outliers["label"]) == ["stor", "middel"]


def test_the_judgement_follows_which_way_is_better():
    labels, cases, exposure = ["a", "b", "c"], [5, 40, 20], [10_000, 10_000, 10_000]
    fewer_is_better = funnel(labels, cases, exposure, measure="rate", multiply=1000, improvement="down")
    judged = dict(zip(fewer_is_better.units["label"], fewer_is_better.units["judgement"], strict=True))
    assert judged == {"a": "better", "b": "worse", "c": None}
    no_direction = funnel(labels, cases, exposure, measure="rate", multiply=1000)
    assert no_direction.units["judgement"].isna().all()


def test_a_unit_exactly_on_its_limit_counts_as_inside():
    first = funnel(["a", "b"], [30, 70], [100, 100], measure="proportion", benchmark=0.5)
    upper = first.units["upper_control"].iloc[1]
    # Place a unit exactly on the upper limit for its denominator.
    on_limit = funnel(["a", "b"], [30, upper * 100], [100, 100], measure="proportion", benchmark=0.5)
    assert on_limit.units["position"].iloc[1] in ("inside", "above_warning")
    assert on_limit.units["position"].iloc[1] != "above_control"


def test_a_benchmark_centres_the_funnel_instead_of_the_pooled_value():
    result = funnel(["a", "b"], [90, 99], [100, 100], measure="proportion", multiply=100,
                    benchmark=95.0)
    assert result.benchmark == pytest.approx(95.0)
    pooled = funnel(["a", "b"], [90, 99], [100, 100], measure="proportion", multiply=100)
    assert pooled.benchmark == pytest.approx(94.5)


def test_units_without_both_figures_are_left_out():
    result = funnel(["a", "b", "c"], [5, np.nan, 3], [10, 10, np.nan], measure="proportion")
    assert list(result.units["label"]) == ["a"]


def test_a_numerator_above_its_denominator_is_refused_naming_the_unit():
    with pytest.raises(InvalidDataError, match="Solbakken"):
        funnel(["Solbakken"], [12], [10], measure="proportion")


def test_a_count_without_exposure_cannot_be_drawn_as_a_funnel():
    with pytest.raises(InvalidOptionError):
        funnel(["a"], [1], [1], measure="count")


def test_no_unit_with_figures_is_refused():
    with pytest.raises(InvalidDataError):
        funnel(["a"], [np.nan], [np.nan], measure="rate")


def _spread_units(spread: float, units: int = 60) -> tuple[list[str], np.ndarray, np.ndarray]:
    generator = np.random.default_rng(11)
    sizes = generator.integers(100, 400, units).astype(float)
    shares = np.clip(generator.normal(0.8, spread, units), 0.01, 0.99) if spread else np.full(units, 0.8)
    return [f"e{k}" for k in range(units)], generator.binomial(sizes.astype(int), shares), sizes


def test_units_spreading_only_by_chance_keep_their_exact_limits():
    labels, cases, sizes = _spread_units(0.0)
    plain = funnel(labels, cases, sizes, measure="proportion")
    adjusted = funnel(labels, cases, sizes, measure="proportion", overdispersion=True)
    assert adjusted.dispersion == 1.0
    assert adjusted.units.equals(plain.units)


def test_overdispersed_units_widen_the_limits_by_the_root_of_phi():
    labels, cases, sizes = _spread_units(0.08)
    plain = funnel(labels, cases, sizes, measure="proportion")
    adjusted = funnel(labels, cases, sizes, measure="proportion", overdispersion=True)
    phi = adjusted.dispersion
    assert phi > 2.0
    theta = plain.benchmark
    # The lower limits (the upper ones stop at 100 %) lie √φ times as far from the target.
    np.testing.assert_allclose(adjusted.units["lower_control"] - theta,
                               np.sqrt(phi) * (plain.units["lower_control"] - theta), rtol=1e-9)
    assert (adjusted.units["upper_control"] <= 1.0).all()
    assert len(adjusted.outliers) < len(plain.outliers)
