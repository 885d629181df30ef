"""Bias-correction constants for subgroup charts (Xbar and S), computed exactly.

c4(n) = sqrt(2 / (n - 1)) · Γ(n/2) / Γ((n - 1)/2) (Montgomery 2009, Appendix VI);
A3 = k / (c4 · sqrt(n)), B3 = max(0, 1 - k · c5 / c4), B4 = 1 + k · c5 / c4 with
c5 = sqrt(1 - c4²) and k = 3 for control limits, 2 for warning limits. As in
qicharts2 (since 0.5.1), exact values rather than the rounded textbook tables.
Subgroups of one or no observations have no constant (NaN).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=4096)
def _c4(size: float) -> float:
    if not size > 1:
        return math.nan
    return math.sqrt(2.0 / (size - 1.0)) * math.exp(math.lgamma(size / 2.0) - math.lgamma((size - 1.0) / 2.0))


def c4(sizes: np.ndarray) -> np.ndarray:
    """c4 for each subgroup size."""
    return np.array([_c4(float(size)) for size in np.asarray(sizes, dtype=float)], dtype=float)


def c5(sizes: np.ndarray) -> np.ndarray:
    """c5 = sqrt(1 - c4²) for each subgroup size."""
    return np.sqrt(1.0 - c4(sizes) ** 2)


def a3(sizes: np.ndarray, sigmas: float) -> np.ndarray:
    """A3 for each subgroup size at the given number of sigmas."""
    sizes = np.asarray(sizes, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sigmas / (c4(sizes) * np.sqrt(np.where(sizes > 1, sizes, np.nan)))


def b3(sizes: np.ndarray, sigmas: float) -> np.ndarray:
    """B3 (lower S-chart factor) for each subgroup size, never below zero."""
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = 1.0 - sigmas * c5(sizes) / c4(sizes)
    return np.where(np.isnan(factor), np.nan, np.maximum(0.0, factor))


def b4(sizes: np.ndarray, sigmas: float) -> np.ndarray:
    """B4 (upper S-chart factor) for each subgroup size."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return 1.0 + sigmas * c5(sizes) / c4(sizes)
