"""Shares near 0 % or 100 %: exact binomial limits, and no runs rules where sides are lopsided.

A bundle done almost every time (97 % of 10 a week) is a skewed binomial. Two things
break there (issue 13, docs/methods.md "Shares near 0 % or 100 %"):

- the P chart's normal approximation puts the 3-sigma limits where a skewed binomial
  does not have 0.135 % in each tail (Montgomery 2009, 3.4.3: the approximation needs
  n·p ≥ 5 and n·(1 − p) ≥ 5);
- the runs rules (Anhøj, IHI, Making Data Count) assume a point lies above or below the
  centre line with even chances. A week at 100 % is above a 97 % mean three times out
  of four, so long runs and few crossings come by chance; on a run chart the median
  itself sits at 100 % and every other week lies below it.

With `exact_binomial` Tavle then draws probability limits, the binomial quantiles with
the same tail probability as 3 sigma (Montgomery 2009, 7.2.1, "probability limits"),
and replaces the runs rules by one run rule that knows each side's own chance: a run on
a side a point falls on with chance q is unusual beyond log(16·N·(1 − q)) / log(1/q)
points. That is Schilling's (2012) expected longest run, log_{1/q}(N·(1 − q)), plus the
same margin Anhøj's limit round(log2 N) + 3 keeps at q = 1/2, where it gives that limit.
A run chart whose median is 0 % or 100 % cannot be judged at all, and says so.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from indicators.constants import SIGMA_LIMIT, SIGMA_WARNING
from indicators.control_lines import ControlLines, median_present
from indicators.findings import Finding
from indicators.runs import RunsResult

# Montgomery (2009, Introduction to Statistical Quality Control, 3.4.3): the normal
# approximation to the binomial is adequate when n·p and n·(1 − p) are both at least 5.
NORMAL_APPROXIMATION_MIN_COUNT = 5.0
# One tail beyond 3 sigma (and 2 sigma) of a normal distribution: the probability limits
# keep the false-alarm rate of Shewhart's limits.
TAIL_PROBABILITY = 0.5 * math.erfc(SIGMA_LIMIT / math.sqrt(2.0))
WARNING_TAIL_PROBABILITY = 0.5 * math.erfc(SIGMA_WARNING / math.sqrt(2.0))
# Anhøj's limit round(log2 N) + 3 is log2(8 N) = log2(16 · N · (1 − 1/2)): the 16 keeps its
# margin over Schilling's expected longest run for any side probability.
RUN_MARGIN_FACTOR = 16.0
# Denominators above this are charted as before: the normal approximation holds there
# for any share that is not 0 or 1, and an exact table would cost more than the chart.
EXACT_MAX_TRIALS = 5000


def skewed(centre_line: float, n: np.ndarray) -> bool:
    """True when the typical subgroup's expected successes or failures are under 5."""
    sizes = n[~np.isnan(n) & (n > 0)]
    if len(sizes) == 0 or not 0.0 <= centre_line <= 1.0:
        return False
    typical = median_present(sizes)
    return min(typical * centre_line, typical * (1.0 - centre_line)) < NORMAL_APPROXIMATION_MIN_COUNT


def at_boundary(centre_line: float) -> bool:
    """True when a share's run-chart median lies at 0 % or 100 %."""
    return centre_line <= 0.0 or centre_line >= 1.0


# log(k!) for k = 0 … EXACT_MAX_TRIALS, once: the binomial coefficients of every table.
_LOG_FACTORIAL = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, EXACT_MAX_TRIALS + 1)))])


def _whole_sizes(n: np.ndarray) -> np.ndarray:
    """Which subgroup sizes get an exact table: whole counts from 1 to EXACT_MAX_TRIALS."""
    with np.errstate(invalid="ignore"):
        return ~np.isnan(n) & (n > 0) & (n == np.round(n)) & (n <= EXACT_MAX_TRIALS)


def _cumulative_table(sizes: np.ndarray, share: float) -> np.ndarray:
    """P(X ≤ k), one row per size (whole counts), k = 0 … max size, of Binomial(size, share), 0 < share < 1.

    One table for all of a phase's sizes: a chart has a few dozen and a new share each time.
    The limits and the side chances of one phase ask for the same table: it is kept.
    """
    return _kept_table(sizes.astype(np.int64).tobytes(), share)


@lru_cache(maxsize=8)
def _kept_table(sizes_bytes: bytes, share: float) -> np.ndarray:
    sizes = np.frombuffer(sizes_bytes, dtype=np.int64)[:, None]
    counts = np.arange(int(sizes.max()) + 1)[None, :]
    possible = counts <= sizes
    rest = np.where(possible, sizes - counts, 0)
    log_pmf = (_LOG_FACTORIAL[sizes] - _LOG_FACTORIAL[counts] - _LOG_FACTORIAL[rest]
               + counts * math.log(share) + rest * math.log1p(-share))
    return np.cumsum(np.where(possible, np.exp(log_pmf), 0.0), axis=1)


def _limits(centre_line: float, n: np.ndarray, tails: tuple[float, ...]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Probability limits (as shares) per tail for every subgroup with a whole size; NaN for the others.

    A count below low has P(X < low) < tail; a count above high has P(X > high) ≤ tail.
    One table serves every tail.
    """
    whole = _whole_sizes(n)
    share = round(centre_line, 12)
    if whole.any():
        sizes, where = np.unique(n[whole], return_inverse=True)
        table = _cumulative_table(sizes, share) if 0.0 < share < 1.0 else None
    limits = []
    for tail in tails:
        lower = np.full(len(n), np.nan)
        upper = np.full(len(n), np.nan)
        if whole.any():
            if table is None:
                edge = np.zeros(len(sizes)) if share <= 0.0 else sizes.copy()
                low, high = edge, edge
            else:
                low = (table < tail).sum(axis=1).astype(float)
                high = np.minimum((table < 1.0 - tail).sum(axis=1), sizes)
            lower[whole] = (low / sizes)[where]
            upper[whole] = (high / sizes)[where]
        limits.append((lower, upper))
    return limits


def exact_binomial_lines(lines: ControlLines) -> ControlLines:
    """The P chart's lines with probability limits where a subgroup's size is a whole count.

    A point below the lower limit has at most a 0.135 % chance under the centre line's
    share, as a point beyond 3 sigma would under a normal distribution; subgroups whose
    size is not a whole count keep their normal-approximation limits.
    """
    centre_line = float(lines.cl[0]) if len(lines.cl) else np.nan
    if centre_line != centre_line:
        return lines
    (lcl, ucl), (lcl_95, ucl_95) = _limits(centre_line, lines.n, (TAIL_PROBABILITY, WARNING_TAIL_PROBABILITY))
    kept = np.isnan(lcl)
    return ControlLines(y=lines.y, n=lines.n, cl=lines.cl,
                        lcl=np.where(kept, lines.lcl, lcl), ucl=np.where(kept, lines.ucl, ucl),
                        lcl_95=np.where(kept, lines.lcl_95, lcl_95), ucl_95=np.where(kept, lines.ucl_95, ucl_95))


def lopsided(chart: str, lines: ControlLines, *, measure: str | None) -> bool:
    """True when a phase of shares is too close to 0 % or 100 % for the runs rules."""
    if chart == "p":
        centre_line = float(lines.cl[0]) if len(lines.cl) else np.nan
        return centre_line == centre_line and skewed(centre_line, lines.n)
    if chart == "run" and measure == "proportion":
        centre_line = median_present(lines.cl) if len(lines.cl) else np.nan
        return centre_line == centre_line and at_boundary(centre_line)
    return False


def _side_chances(centre_line: float, sizes: np.ndarray, useful: np.ndarray) -> tuple[float, float]:
    """The chance a useful point lies above and below the centre line, averaged over the useful points."""
    share = round(centre_line, 12)
    whole = _whole_sizes(sizes)
    if not (whole & useful).any() or not 0 < share < 1:
        return 0.5, 0.5
    distinct, where = np.unique(sizes[whole], return_inverse=True)  # the table _limits used
    where = where[useful[whole]]
    table = _cumulative_table(distinct, share)
    expected = distinct * share
    rows = np.arange(len(distinct))
    below_index = np.ceil(expected).astype(int) - 1
    lower = np.where(below_index >= 0, table[rows, np.maximum(below_index, 0)], 0.0)
    upper = 1.0 - table[rows, np.floor(expected).astype(int)]
    total = lower + upper
    usable = total[where] > 0
    if not usable.any():
        return 0.5, 0.5
    with np.errstate(invalid="ignore", divide="ignore"):
        above, below = (upper / total)[where][usable], (lower / total)[where][usable]
    return float(np.mean(above)), float(np.mean(below))


def side_run_limit(chance: float, n_useful: int) -> int | None:
    """The longest run expected by chance on a side a point falls on with `chance`."""
    if n_useful < 1 or not 0.0 < chance < 1.0:
        return None
    return int(np.round(math.log(RUN_MARGIN_FACTOR * n_useful * (1.0 - chance)) / math.log(1.0 / chance)))


def lopsided_run_findings(runs: RunsResult, lines: ControlLines, offset: int, *,
                          multiply: float = 1.0) -> list[Finding]:
    """Runs longer than their own side's limit, on a P chart of shares near 0 % or 100 %.

    lines are finished (multiplied by `multiply`, e.g. 100 for per cent).
    """
    if runs.longest_run is None or not len(lines.cl):
        return []
    chance_above, chance_below = _side_chances(float(lines.cl[0]) / multiply, lines.n, runs.side != 0)
    findings = []
    for side, chance in ((1, chance_above), (-1, chance_below)):
        limit = side_run_limit(chance, runs.n_useful)
        if limit is None:
            continue
        on_side = (runs.run_length > limit) & (runs.side == side)
        if on_side.any():
            findings.append(Finding("long_run", int(runs.run_length[on_side].max()), limit, side,
                                    np.flatnonzero(on_side) + offset,
                                    count=len(np.unique(runs.run_id[on_side]))))
    return findings
