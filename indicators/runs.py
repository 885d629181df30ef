"""Runs analysis with the Anhøj rules: unusually long runs and unusually few crossings.

A point above the centre line is +1, below is -1. Points on the centre line, missing
points and excluded points are not useful observations: they neither break nor
extend a run. A run is a sequence of useful points on the same side; the number of
crossings is the number of runs minus one (Anhøj & Olesen 2014, PLoS ONE 9:e113825).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import numpy as np

from indicators.constants import CROSSING_PROBABILITY, CROSSINGS_QUANTILE, LONGEST_RUN_OFFSET

# R's qbinom shaves 64 machine epsilons off p "to ensure left continuity" (R nmath/qbinom.c).
_R_QUANTILE_FUZZ = 1.0 - 64.0 * np.finfo(float).eps


def longest_run_limit(n_useful: int) -> int:
    """Longest run expected by chance: round(log2(n)) + 3 (Schilling 2012), R's rounding."""
    if n_useful < 1:
        raise ValueError("the longest-run limit needs at least one useful point")
    return int(np.round(math.log2(n_useful))) + LONGEST_RUN_OFFSET


@cache
def binomial_quantile(probability: float, trials: int) -> int:
    """R's qbinom(probability, trials, 0.5): the least k with P(X ≤ k) ≥ probability."""
    if trials <= 0:
        return 0
    assert CROSSING_PROBABILITY == 0.5, "exact dyadic arithmetic below assumes p = 0.5"
    threshold = Fraction(probability * _R_QUANTILE_FUZZ) * (1 << trials)
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if cumulative >= threshold:
            return k
    return trials


class _CrossingsLimits:
    """binomial_quantile(CROSSINGS_QUANTILE, trials) for trials = 0, 1, 2, ..., kept as they grow.

    The quantile k of Binomial(n, 1/2) never falls and rises by at most one from n to n + 1
    (F_{n+1}(k) = (F_n(k) + F_n(k - 1)) / 2 lies between F_n(k - 1) and F_n(k)). With
    S(n, k) = sum of C(n, j) for j <= k, Pascal's rule gives S(n + 1, k) = 2 S(n, k) - C(n, k)
    and C(n + 1, k) = C(n, k) (n + 1) / (n + 1 - k): a few exact integer steps per trial,
    where the direct sum costs a whole row of binomial coefficients for every new n.
    """

    def __init__(self, probability: float) -> None:
        assert CROSSING_PROBABILITY == 0.5, "the dyadic recurrence below assumes p = 0.5"
        target = Fraction(probability * _R_QUANTILE_FUZZ)  # the same threshold as binomial_quantile
        self._numerator, self._denominator = target.numerator, target.denominator
        self._limits = [0]  # by trials
        self._trials, self._quantile, self._comb, self._cumulative = 0, 0, 1, 1
        self._guard = threading.Lock()

    def __call__(self, trials: int) -> int:
        """Return the quantile for trials (0 for none), extending the table as far as needed."""
        if trials < len(self._limits):
            return self._limits[max(trials, 0)]
        with self._guard:
            while len(self._limits) <= trials:
                self._next()
            return self._limits[trials]

    def _next(self) -> None:
        trials, k = self._trials + 1, self._quantile
        cumulative = 2 * self._cumulative - self._comb  # S(trials, k)
        comb = self._comb * trials // (trials - k)  # C(trials, k)
        if cumulative * self._denominator < self._numerator << trials:  # F(k) short: k + 1
            comb = comb * (trials - k) // (k + 1)
            cumulative += comb
            k += 1
        self._trials, self._quantile, self._comb, self._cumulative = trials, k, comb, cumulative
        self._limits.append(k)


_crossings_quantile = _CrossingsLimits(CROSSINGS_QUANTILE)


def crossings_limit(n_useful: int) -> int:
    """Fewest crossings expected by chance: the 5 % quantile of Binomial(n - 1, 0.5) (Chen 2010).

    Equal to binomial_quantile(CROSSINGS_QUANTILE, n - 1) for every n, from a table that
    grows by a few integer steps per point, so a series one day longer costs nothing new.
    """
    if n_useful < 1:
        raise ValueError("the crossings limit needs at least one useful point")
    return _crossings_quantile(n_useful - 1)


@dataclass(frozen=True)
class RunsResult:
    """Runs figures of one phase, and per point its side and the length of its run."""

    n_obs: int
    n_useful: int
    longest_run: int | None
    longest_run_max: int | None
    n_crossings: int | None
    n_crossings_min: int | None
    runs_signal: bool
    side: np.ndarray  # +1 above, -1 below, 0 not a useful observation
    run_length: np.ndarray  # length of the run the point belongs to, 0 if not useful
    run_id: np.ndarray  # 1-based number of the point's run, 0 if not useful


def sides(y: np.ndarray, centre_line: np.ndarray, include: np.ndarray) -> np.ndarray:
    """+1 above the centre line, -1 below, 0 on it, missing or excluded."""
    with np.errstate(invalid="ignore"):
        side = np.sign(y - centre_line)
    side = np.where(np.isnan(side) | ~include, 0.0, side)
    return side.astype(np.int8)


def row_run_lengths(side: np.ndarray) -> np.ndarray:
    """For rows of sides (as `sides` gives): per point the length of its run, 0 where not useful.

    The run_length of runs_analysis for many rows at once; non-useful points are skipped.
    """
    rows, points = side.shape
    useful = side != 0
    index = np.where(useful, np.arange(points)[None, :], -1)
    last = np.maximum.accumulate(index, axis=1)
    previous = np.concatenate([np.full((rows, 1), -1), last[:, :-1]], axis=1)
    previous_side = np.where(previous >= 0, np.take_along_axis(side, np.maximum(previous, 0), axis=1), 0)
    starts = useful & (side != previous_side)
    run_id = np.cumsum(starts, axis=1)  # 1-based within each row at useful points
    key = (np.arange(rows)[:, None] * (points + 1) + run_id)[useful]
    counts = np.bincount(key, minlength=rows * (points + 1))
    lengths = np.zeros(side.shape, dtype=np.int64)
    lengths[useful] = counts[key]
    return lengths


def runs_analysis(y: np.ndarray, centre_line: np.ndarray, include: np.ndarray) -> RunsResult:
    """Longest run and crossings of the included points against the centre line."""
    side = sides(y, centre_line, include)
    useful_index = np.flatnonzero(side)
    useful_side = side[useful_index]
    n_useful = len(useful_index)
    run_length = np.zeros(len(y), dtype=int)
    run_id = np.zeros(len(y), dtype=int)
    if n_useful == 0:
        return RunsResult(int(include.sum()), 0, None, None, None, None, False, side, run_length, run_id)
    starts = np.concatenate([[True], useful_side[1:] != useful_side[:-1]])
    ids = np.cumsum(starts)
    lengths = np.bincount(ids)[1:]
    run_id[useful_index] = ids
    run_length[useful_index] = lengths[ids - 1]
    longest = int(lengths.max())
    crossings = len(lengths) - 1
    longest_max = longest_run_limit(n_useful)
    crossings_min = crossings_limit(n_useful)
    signal = longest > longest_max or crossings < crossings_min
    return RunsResult(
        n_obs=int(include.sum()),
        n_useful=n_useful,
        longest_run=longest,
        longest_run_max=longest_max,
        n_crossings=crossings,
        n_crossings_min=crossings_min,
        runs_signal=bool(signal),
        side=side,
        run_length=run_length,
        run_id=run_id,
    )
