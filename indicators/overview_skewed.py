"""The overview's P rows of shares near 0 % or 100 %, judged all at once.

The same rule as the board's (indicators.skewed_shares, indicators.verdict) on a grid of
rows: probability limits, the run rule that knows each side's own chance, the finding
that reaches the latest point first. Vectorised over rows, as the rest of the overview
is: two hundred units of skewed shares would take seconds one row at a time.
"""

from __future__ import annotations

import numpy as np

from indicators.constants import MIN_USEFUL_POINTS
from indicators.findings import RULE_PRIORITY, signal_kind
from indicators.runs import row_run_lengths
from indicators.skewed_shares import (
    _LOG_FACTORIAL,
    NORMAL_APPROXIMATION_MIN_COUNT,
    RUN_MARGIN_FACTOR,
    TAIL_PROBABILITY,
)

# Larger subgroups are judged one row at a time: a table per point would grow too big.
_VECTOR_MAX_TRIALS = 200


def skewed_rows(shares: np.ndarray, denominators: np.ndarray) -> np.ndarray:
    """Rows whose typical (median) subgroup expects fewer than 5 successes or failures."""
    sizes = np.where(denominators > 0, denominators, np.nan)
    has = ~np.isnan(sizes).all(axis=1)
    typical = np.full(len(shares), np.nan)
    typical[has] = np.nanmedian(sizes[has], axis=1)
    with np.errstate(invalid="ignore"):
        expected = np.minimum(typical * shares, typical * (1.0 - shares))
        return has & (shares >= 0) & (shares <= 1) & (expected < NORMAL_APPROXIMATION_MIN_COUNT)


def vectorisable(denominators: np.ndarray) -> bool:
    """True when every size is missing or a whole count up to _VECTOR_MAX_TRIALS."""
    present = denominators[~np.isnan(denominators)]
    return bool(np.all((present == np.round(present)) & (present <= _VECTOR_MAX_TRIALS)))


def _binomial_columns(share: np.ndarray, sizes: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per point: the probability limits' counts (low, high) and each side's chance (below, above).

    A row's points repeat a few subgroup sizes, so the cumulative binomial table is built
    once per distinct (row, size) and spread back to the points: the same numbers, far
    fewer exponentials than a table per point.
    """
    top = int(sizes.max(initial=0))
    rows = np.repeat(np.arange(len(share)), sizes.shape[1]).reshape(sizes.shape)
    pairs, back = np.unique(rows * (top + 1) + sizes, return_inverse=True)
    back = back.reshape(sizes.shape)
    row, size = pairs // (top + 1), pairs % (top + 1)
    chance = share[row][:, None]
    inner = (chance > 0) & (chance < 1)
    counts = np.arange(top + 1)[None, :]
    column = size[:, None]
    possible = counts <= column
    rest = np.where(possible, column - counts, 0)
    log_share = np.log(np.where(inner, chance, 0.5))
    log_rest = np.log1p(-np.where(inner, chance, 0.5))
    log_pmf = (_LOG_FACTORIAL[column] - _LOG_FACTORIAL[np.broadcast_to(counts, possible.shape)]
               - _LOG_FACTORIAL[rest] + counts * log_share + rest * log_rest)
    table = np.cumsum(np.where(possible, np.exp(log_pmf), 0.0), axis=1)
    low = (table < TAIL_PROBABILITY).sum(axis=1)
    high = np.minimum((table < 1.0 - TAIL_PROBABILITY).sum(axis=1), size)
    # Each side's chance per point, given the point is not on the line.
    expected = size * chance[:, 0]
    below_at = np.ceil(expected).astype(np.int64) - 1
    picked = np.arange(len(pairs))
    lower = np.where(below_at >= 0, table[picked, np.clip(below_at, 0, top)], 0.0)
    upper = 1.0 - table[picked, np.clip(np.floor(expected).astype(np.int64), 0, top)]
    return low[back], high[back], lower[back], upper[back]


def judge_skewed(numerators: np.ndarray, denominators: np.ndarray, shares: np.ndarray, *,
                 multiply: float, improvement: str | None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Verdict, rule, useful points, lcl and ucl (multiplied) of skewed P rows, whole sizes ≤ 200."""
    rows, points = numerators.shape
    with np.errstate(invalid="ignore", divide="ignore"):
        y = numerators / denominators
    share = np.round(shares, 12)[:, None]  # the limits' share, as exact_binomial_lines rounds it
    sizes = np.where(np.isnan(denominators) | (denominators <= 0), 0, denominators).astype(np.int64)
    inner = (share > 0) & (share < 1)
    low, high, lower, upper = _binomial_columns(share[:, 0], sizes)
    edge_low = np.where(share <= 0, 0, sizes)  # a share of 0 or 1: the limits sit on it
    low = np.where(inner, low, edge_low)
    high = np.where(inner, high, edge_low)
    has_size = sizes > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        lcl = np.where(has_size, low / sizes, np.nan)
        ucl = np.where(has_size, high / sizes, np.nan)
        side = np.sign(y - shares[:, None])  # runs around the centre line itself, as runs_analysis
    side = np.where(np.isnan(side), 0, side).astype(np.int8)
    useful = side != 0
    n_useful = useful.sum(axis=1)
    total = lower + upper
    counted = useful & has_size & (total > 0) & inner
    with np.errstate(invalid="ignore", divide="ignore"):
        chance_above = np.where(counted, upper / total, 0.0).sum(axis=1) / counted.sum(axis=1)
        chance_below = np.where(counted, lower / total, 0.0).sum(axis=1) / counted.sum(axis=1)
    chance_above = np.where(counted.any(axis=1), chance_above, 0.5)
    chance_below = np.where(counted.any(axis=1), chance_below, 0.5)
    lengths = row_run_lengths(side)
    index = np.arange(points)[None, :]
    latest: list[tuple[np.ndarray, int, int]] = []  # (latest point per row or -1, rank, direction)
    for direction, chance in ((1, chance_above), (-1, chance_below)):
        with np.errstate(invalid="ignore", divide="ignore"):
            limit = np.round(np.log(RUN_MARGIN_FACTOR * n_useful * (1.0 - chance)) / np.log(1.0 / chance))
        valid = (n_useful > 0) & (chance > 0) & (chance < 1)
        beyond = valid[:, None] & (side == direction) & (lengths > np.where(valid, limit, np.inf)[:, None])
        latest.append((np.where(beyond, index, -1).max(axis=1), RULE_PRIORITY.index("long_run"), direction))
    with np.errstate(invalid="ignore"):
        latest.append((np.where(y > ucl, index, -1).max(axis=1), RULE_PRIORITY.index("sigma"), 1))
        latest.append((np.where(y < lcl, index, -1).max(axis=1), RULE_PRIORITY.index("sigma"), -1))
    verdict = np.full(rows, "no_signal", dtype=object)
    rule = np.full(rows, "lopsided", dtype=object)
    best = np.full(rows, -1)
    best_rank = np.full(rows, len(RULE_PRIORITY))
    for where, rank, direction in latest:
        better = (where > best) | ((where == best) & (where >= 0) & (rank < best_rank))
        best = np.where(better, where, best)
        best_rank = np.where(better, rank, best_rank)
        verdict = np.where(better, signal_kind(direction, improvement), verdict)
        rule = np.where(better, "sigma" if rank == RULE_PRIORITY.index("sigma") else "long_run", rule)
    few = (~np.isnan(y)).sum(axis=1) < MIN_USEFUL_POINTS
    verdict = np.where(few, "too_few", verdict).astype(object)
    rule = np.where(few, None, rule).astype(object)
    return verdict, rule, n_useful, lcl * multiply, ucl * multiply

